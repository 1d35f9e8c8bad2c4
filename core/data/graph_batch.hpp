// core/data/graph_batch.hpp: several small graphs as one block-diagonal graph, the standard way to batch
// graph classification (as PyTorch Geometric's Batch): the chosen graphs' nodes are numbered one graph after
// another, A_hat is block-diagonal (no entry between two graphs, so a graph_conv never mixes graphs) and
// graph_of_node tells graph_readout which row goes to which graph. One sparse product then serves the whole
// batch.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "../kernels/f32_spmm.hpp"

namespace helix::data {

struct GraphBatch {
    std::shared_ptr<const SparseMatrix> adj;       // (N, N), block k = graph chosen[k]'s A_hat
    std::shared_ptr<const SparseMatrix> features;  // (N, F)
    std::vector<std::uint32_t> graph_of_node;      // N: k for the nodes of chosen[k], in contiguous ranges
    std::size_t graphs = 0;                        // chosen.size()
};

// The node indices of each graph, in ascending order: element g lists every i with graph_of_node[i] == g.
std::vector<std::vector<std::uint32_t>> nodes_by_graph(const std::vector<std::uint32_t>& graph_of_node,
                                                       std::size_t graphs);

// adj (A_hat over every node of the data set, with no entry joining two graphs) and features restricted to
// the nodes of the chosen graphs, renumbered graph by graph. Because no edge leaves a graph, each node keeps
// its whole neighbourhood and its degree, so the block of a graph equals that graph's own A_hat.
GraphBatch make_graph_batch(const SparseMatrix& adj, const SparseMatrix& features,
                            const std::vector<std::vector<std::uint32_t>>& nodes_of_graph,
                            const std::vector<std::size_t>& chosen);

}  // namespace helix::data
