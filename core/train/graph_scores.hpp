// core/train/graph_scores.hpp: a loaded graph as a GraphModel (core/nn/graph_model.hpp) sees it, and the
// scores of its splits: what graph training validates and tests on, and what a graph session evaluates and
// predicts with. Node classification scores the labelled nodes of a split from one full-graph forward pass;
// graph classification (a nodes table with a `graph` column) scores the labelled graphs of a split, batched
// block-diagonally.
#pragma once

#include <cmath>
#include <memory>
#include <vector>

#include "../data/graph.hpp"
#include "../nn/graph_model.hpp"
#include "../tensor.hpp"

namespace helix::train {

struct GraphInput {
    data::GraphData graph;
    std::shared_ptr<const SparseMatrix> adj, features;       // normalised adjacency (N, N); features (N, F)
    std::vector<std::vector<std::uint32_t>> nodes_of_graph;  // graph classification: each graph's nodes
    Tensor classes, train_mask;  // (N): class index (0 unlabelled); 1 on train nodes
};

struct GraphScores {
    double loss = 0.0, accuracy = 0.0, auroc = std::nan("");  // auroc: graph classification only
    std::size_t n = 0;                                        // labelled nodes or graphs scored
};

std::size_t argmax_row(const float* row, std::size_t k);

// Inference (no dropout): every node's logits (N, classes); the logits of `graphs` (graphs, classes).
Tensor node_logits(const nn::GraphModel& model, const GraphInput& in);
Tensor graph_logits(const nn::GraphModel& model, const GraphInput& in,
                    const std::vector<std::size_t>& graphs);

std::vector<std::size_t> graphs_in(const data::GraphData& graph,
                                   data::NodeSplit which);                              // its labelled graphs
std::size_t labelled_in(const GraphInput& in, bool graph_task, data::NodeSplit which);  // nodes or graphs

// Mean cross-entropy and accuracy of the labelled nodes of `which`, from logits z (N, classes).
GraphScores score_nodes(const Tensor& z, const data::GraphData& graph, data::NodeSplit which);
// The same for the labelled graphs of `which`, plus the macro AUROC (one-vs-rest).
GraphScores score_graphs(const nn::GraphModel& model, const GraphInput& in, data::NodeSplit which);

// score_graphs a chunk of graphs at a time (graph training's validation, so that a cancel gets in between):
// reset(), add() each chunk, then scores(); the same figures as one add() of every graph.
class GraphScoring {
public:
    void reset();
    void add(const nn::GraphModel& model, const GraphInput& in, const std::vector<std::size_t>& graphs);
    GraphScores scores() const;

private:
    GraphScores sum_;  // loss summed, n counted
    std::size_t correct_ = 0, classes_ = 0;
    std::vector<float> prob_, label_;  // each graph's softmax and class, for the AUROC
};
// score_graphs or score_nodes, as the model's task is.
GraphScores score_split(const nn::GraphModel& model, const GraphInput& in, data::NodeSplit which);

}  // namespace helix::train
