// core/data/graph.hpp: a graph for node classification, read from two pasted tables.
//   nodes: header with `node` (any string id), `label` (integer class; -1 or empty = unlabelled), optional
//          `split` (train, val, test; anything else, e.g. "unlabeled_pool", = not used for training or
//          scoring) and the features: either `feature_indices` (comma-separated 0-based indices of the
//          features equal to 1, Cora's form) or every other column as a number.
//   edges: header with `source` and `target`, each naming a node id. Edges are undirected; a self-loop or a
//          repeated edge (in either direction) is allowed and counted once; an unknown id is an error.
// Graph classification: a `graph` column (any string id) groups the nodes into graphs, each with one label
// and one split. A graph's label is its nodes' `label`: every labelled node of a graph must carry the same
// class (unlabelled ones, -1 or empty, take it) and a graph with no labelled node is unlabelled. Its split
// likewise comes from the non-empty `split` cells of its nodes, which must agree. Node ids are unique across
// the whole table, and every edge must join two nodes of the same graph. A table with a `graph` column may
// have no feature columns at all: then the model makes features from the structure (set_structural_features).
// Tables are tab-separated, or comma-separated when the header has no tab (then `feature_indices` must be
// quoted-free, so use TSV for it). Every error names its line and column (input_error.hpp).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "../kernels/f32_spmm.hpp"
#include "input_error.hpp"

namespace helix::data {

enum class NodeSplit : std::uint8_t { train, val, test, pool };

struct GraphData {
    std::vector<std::string> ids;                                // N, in file order
    std::vector<int> labels;                                     // N; -1 = unlabelled
    std::vector<NodeSplit> split;                                // N
    bool split_given = false;                                    // the nodes table had a `split` column
    std::size_t classes = 0;                                     // max label + 1
    SparseMatrix features;                                       // (N, F) CSR, only the nonzero features
    std::vector<std::pair<std::uint32_t, std::uint32_t>> edges;  // undirected, u < v, sorted, unique
    std::size_t self_loops = 0;       // listed, then dropped (the GCN adds I itself)
    std::size_t duplicate_edges = 0;  // repeated rows (either direction), dropped
    std::size_t size() const { return ids.size(); }
    std::size_t count(NodeSplit s) const;  // nodes of split s that have a label

    // Graph classification (the nodes table has a `graph` column); all empty otherwise.
    std::vector<std::uint32_t> graph_of_node;  // N, each < graphs()
    std::vector<std::string> graph_ids;        // G, in order of first appearance
    std::vector<int> graph_labels;             // G; -1 = no node of the graph carries a label
    std::vector<NodeSplit> graph_split;        // G
    bool structural_features = false;  // no feature columns: call set_structural_features after the edges
    bool has_graphs() const { return !graph_ids.empty(); }
    std::size_t graphs() const { return graph_ids.size(); }
    std::size_t count_graphs(NodeSplit s) const;  // graphs of split s that have a label
};

struct GraphOptions {
    // Features per node. 0: max index + 1 for feature_indices (the number of columns otherwise); a model read
    // from a file passes its input width, and an index at or beyond it is then an error.
    std::size_t feature_count = 0;
};

// Nodes first; edges are read only when the nodes parse, as they refer to node ids. Errors of the edges
// table have field "source" or "target"; those of the nodes table the column name.
Parsed<GraphData> parse_graph_nodes(std::string_view nodes_text, const GraphOptions& options);
// Adds the edges of `edges_text` to `graph` (whose nodes are read); returns its errors.
Parsed<bool> parse_graph_edges(std::string_view edges_text, GraphData& graph);

// For a table without `split`: the labelled nodes of each class are shuffled with `seed` and dealt out so
// that about val_fraction go to val, test_fraction to test and the rest to train, per class (stratified).
// Unlabelled nodes go to the pool.
void assign_stratified_split(GraphData& graph, float val_fraction, float test_fraction, std::uint64_t seed);
// The same over graphs (graph_labels, graph_split), for a graph-classification table without `split`.
void assign_stratified_graph_split(GraphData& graph, float val_fraction, float test_fraction,
                                   std::uint64_t seed);

// Features from structure for a table without feature columns: column 0 is 1 for every node; with `degree`,
// columns 1..10 one-hot the node's degree in the (deduplicated, loop-free) edges: 0, 1, ..., 8, and 9 or
// more.
constexpr std::size_t kDegreeBins = 10;
void set_structural_features(GraphData& graph, bool degree);

}  // namespace helix::data
