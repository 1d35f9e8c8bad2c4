// core/nn/graph_model.hpp: a graph convolutional network (Kipf & Welling 2017) for node classification:
// its network, built from its spec (types, reader and writer in core/spec/graph.hpp). The spec is JSON like a
// sequence model's (core/spec/sequence.hpp):
//   {"name": "gcn-node", "task": "node_classification",
//    "layers": [{"type": "dropout", "rate": 0.5}, {"type": "graph_conv", "units": 16, "activation": "relu"},
//               {"type": "dropout", "rate": 0.5}, {"type": "graph_conv"}],
//    "features": "row_normalize",
//    "loss": "softmax_cross_entropy",
//    "optimizer": {"type": "adam", "learning_rate": 0.01, "weight_decay": 5e-4, "weight_decay_on":
//    "first_layer"}, "training": {"epochs": 200, "patience": 10, "monitor": "val_loss", "seed": 1,
//                 "validation_fraction": 0.2, "test_fraction": 0.2}}
// The last graph_conv's units default to the number of classes (and must equal it when given).
// Weight decay is an L2 penalty wd/2 * |W|^2 added to the loss gradient (as Kipf & Welling's TensorFlow code
// and PyTorch's Adam(weight_decay=...) do, not AdamW's decoupled decay), on the first graph_conv's weight
// only
// ("first_layer", as in the paper) or on every weight ("all"); biases are never decayed.
// "features": "row_normalize" (the default) scales each node's features to sum 1, as Kipf & Welling's
// preprocess_features; "as_is" keeps them.
// Validation and test fractions are used only when the nodes table has no split column.
//
// Graph classification (one label per graph; the nodes table has a `graph` column, core/data/graph.hpp):
//   {"name": "gcn-graph", "task": "graph_classification", "features": "as_is", "structural_features":
//   "degree",
//    "layers": [{"type": "graph_conv", "units": 32, "activation": "relu"}, ...,
//               {"type": "graph_readout", "mode": "max"},
//               {"type": "dense", "units": 32, "activation": "relu"}, {"type": "dropout", "rate": 0.2},
//               {"type": "dense"}],
//    "training": {"epochs": 100, "batch_size": 32, ...}}
// The layers are graph_conv (and dropout) over nodes, exactly one graph_readout (mean, sum or max of each
// graph's node rows), then dense (and dropout) layers over graphs; the last dense's units default to the
// number of classes. A batch of graphs is one block-diagonal graph (core/data/graph_batch.hpp).
// "structural_features" says what a node gets when the nodes table has no feature columns at all:
// "constant" = one feature 1 per node; "degree" (the default) = that 1 plus a one-hot of the node's degree
// (0, 1, ..., 8 and one bin for 9 or more), as GIN (Xu et al. 2019) does for featureless graphs.
#pragma once

#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "../kernels/f32_spmm.hpp"
#include "../spec/graph.hpp"
#include "layer.hpp"

namespace helix::nn {

// The network for a graph of `features` inputs and `classes` outputs. forward() takes the normalised
// adjacency (N, N) and sparse features (N, F) and returns logits (N, classes); for graph classification also
// which of `graphs` graphs each node is in, and returns logits (graphs, classes).
class GraphModel {
public:
    // nullptr with errors when the spec does not fit the data (a last layer of the wrong width).
    static std::unique_ptr<GraphModel> build(const GraphSpec& spec, std::size_t features, std::size_t classes,
                                             std::vector<SpecError>& errors);
    Var forward(const std::shared_ptr<const SparseMatrix>& adj, const std::shared_ptr<const SparseMatrix>& x,
                bool training, Rng& rng, const std::vector<std::uint32_t>* graph_of_node = nullptr,
                std::size_t graphs = 0) const;
    const GraphSpec& spec() const { return spec_; }
    std::size_t features() const { return features_; }
    std::size_t classes() const { return classes_; }
    std::vector<Param*> params();
    std::vector<const Param*> params() const;
    std::vector<Param*> decayed_params();  // the weights weight_decay applies to
    nlohmann::json summary_json() const;

private:
    GraphSpec spec_;
    std::size_t features_ = 0, classes_ = 0;
    std::vector<Param> weights_, biases_;  // per graph_conv and dense, in layer order
};

}  // namespace helix::nn
