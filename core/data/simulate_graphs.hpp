// core/data/simulate_graphs.hpp: seeded labelled gene-network graphs for graph classification, written as the
// nodes and edges tables that core/data/graph.hpp reads (a `graph` column, one label per graph).
//
// Each graph is a sparse background regulatory network holding `motifs` copies of one motif (undirected
// here):
//   class 0, feed-forward loop: A-B, A-C, B-C (A->B, A->C, B->C directed): a triangle;
//   class 1, cascade:           A-B, B-C     (A->B->C):                    a path of 3 genes.
// The background is a random recursive tree plus a few extra edges, each added only if it closes no triangle,
// so the only triangles of a graph are its feed-forward loops and a cascade graph has none. Each motif's A is
// regulated by one random background gene. Both classes draw the background alike, with one extra edge per
// motif that a feed-forward-loop graph gives back (its motifs have one edge more), so both classes have
// exactly the same distribution of node and edge counts: counting edges (density) does not separate them; the
// model has to recognise the motifs' wiring. A GCN cannot count triangles in general (it is bounded by the
// 1-WL test), so it reads each motif through its local degree pattern; several copies per graph (2-4 by
// default) make that pattern a reliable signal.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace helix::data {

struct GraphMotifOptions {
    std::size_t count = 600;  // graphs, alternately class 0 and 1, then shuffled
    // Genes per graph, motif genes included; raised where needed to 3 per motif + a background of
    // max(8, extra edges + motifs + 2) genes, so 14 to 30 with the defaults.
    std::size_t min_genes = 10, max_genes = 30;
    std::size_t min_motifs = 2, max_motifs = 4;  // motif copies per graph
    std::size_t max_extra_edges = 2;             // background edges beyond the tree (0..this, both classes)
    std::uint64_t seed = 1;
};

// One simulated graph: genes 0..genes-1, undirected edges (u < v), and its class.
struct MotifGraph {
    std::size_t genes = 0;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> edges;
    int label = 0;
};

std::vector<MotifGraph> simulate_motif_graphs(const GraphMotifOptions& options);

// The graphs as tables: nodes `node<TAB>graph<TAB>label` (node ids "G0001_g07", graph ids "G0001"; no feature
// columns, so a model uses structural features) and edges `source<TAB>target`.
struct GraphTables {
    std::string nodes, edges;
};
GraphTables to_graph_tables(const std::vector<MotifGraph>& graphs);

}  // namespace helix::data
