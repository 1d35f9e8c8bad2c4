// core/spec/graph.hpp: a graph model's spec (the format is documented in core/nn/graph_model.hpp), its types
// and its one reader and writer. The types stay in helix::nn, where the network (core/nn/graph_model.hpp) and
// the sessions name them.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "common.hpp"
#include "layer.hpp"

namespace helix::nn {

struct GraphLayerSpec {
    std::string type;        // graph_conv, dropout, graph_readout, dense
    std::string name;        // defaults to type + index ("graph_conv_1")
    std::size_t units = 0;   // graph_conv, dense; 0 on the output layer = the number of classes
    std::string activation;  // graph_conv, dense: "", relu, tanh, sigmoid
    float rate = 0.0f;       // dropout
    std::string mode;        // graph_readout: mean, sum, max
};

struct GraphTrainingSpec {
    std::size_t epochs = 200;
    std::size_t patience = 10;         // 0 = never stop early
    std::string monitor = "val_loss";  // or val_accuracy
    std::uint64_t seed = 1;
    float validation_fraction = 0.2f, test_fraction = 0.2f;
    std::size_t batch_size = 32;  // graphs per step (graph_classification); node classification is full-batch
};

struct GraphSpec {
    std::string name = "gcn";
    std::string description;
    std::string task = "node_classification";
    std::vector<GraphLayerSpec> layers;
    std::string features = "row_normalize";      // or as_is
    std::string structural_features = "degree";  // or constant: for a nodes table without feature columns
    bool graph_task() const { return task == "graph_classification"; }
    std::string loss = "softmax_cross_entropy";
    OptimizerSpec optimizer;                      // weight_decay is the L2 coefficient described above
    std::string weight_decay_on = "first_layer";  // or all
    GraphTrainingSpec training;
};

struct GraphSpecResult {
    GraphSpec spec;
    std::vector<SpecError> errors;
    bool ok() const { return errors.empty(); }
};
GraphSpecResult parse_graph_spec(const nlohmann::json& j);
GraphSpecResult parse_graph_spec_text(const std::string& text);
nlohmann::json graph_spec_to_json(const GraphSpec& spec);

}  // namespace helix::nn
