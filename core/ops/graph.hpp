// core/ops/graph.hpp: graph neural network ops on N nodes with F features each, H (N, F) dense row-major,
// adjacency and sparse features in CSR (SparseMatrix, core/kernels/f32_spmm.hpp). Everything lives in
// graph.cpp. A graph classification batch is one disconnected graph of all its nodes; graph_of_node says
// which graph each node belongs to.
#pragma once

#include <memory>
#include <utility>
#include <vector>

#include "../autograd.hpp"
#include "../kernels/f32_spmm.hpp"

namespace helix::ops {

// A_hat = D^-1/2 (A + I) D^-1/2 of Kipf & Welling (2017), D the degrees of A + I, as an (n, n) CSR matrix
// with ascending columns. Each edge {u, v} is undirected; a repeated edge counts once and a listed self-loop
// is the one that I adds (also once). Node indices must be < n. An isolated node gets A_hat(i, i) = 1.
SparseMatrix gcn_normalized_adjacency(
    std::size_t n, const std::vector<std::pair<std::uint32_t, std::uint32_t>>& undirected_edges);

// a (N, M) * x (M, F) -> (N, F). dx = a^T dy (a's transpose is built in backward; a itself gets no gradient).
Var spmm(const std::shared_ptr<const SparseMatrix>& a, const Var& x);

// Sparse features x (N, I) * dense weights w (I, O) -> (N, O); dw = x^T dy.
Var sparse_matmul(const std::shared_ptr<const SparseMatrix>& x, const Var& w);

// One GCN layer without its activation: adj (N, N) * (x (N, I) * w (I, O)) + b (O); b may be an empty Var.
// The product runs in the cheaper order: (x w) first when O <= I (the sparse product then moves O columns),
// else (adj x) first. Both give the same result up to rounding.
Var graph_conv(const std::shared_ptr<const SparseMatrix>& adj, const Var& x, const Var& w, const Var& b);

// h (N, F) -> (G, F): per graph the mean, sum or max of its nodes' rows (graph_of_node[i] < G for each of the
// N nodes). A graph with no nodes reads out zeros. max: the first maximal node takes the gradient.
enum class Readout { mean, sum, max };
Var graph_readout(const Var& h, const std::vector<std::uint32_t>& graph_of_node, std::size_t graphs,
                  Readout kind);

}  // namespace helix::ops
