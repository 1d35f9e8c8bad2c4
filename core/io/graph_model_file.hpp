// core/io/graph_model_file.hpp: a trained GCN as one JSON document, the graph twin of model_file.hpp:
//   {"format": "helix-graph-model", "version": 1, "spec": {...}, "features": 1433, "classes": 7,
//    "weights": {"graph_conv_1.weight": {"shape": [1433, 16], "dtype": "float32", "data": "<base64>"}},
//    "metadata": {...}}
// Loading checks format, version, spec and every weight's presence and shape, naming the field of each problem.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "../nn/graph_model.hpp"

namespace helix::io {

constexpr int kGraphModelFileVersion = 1;

std::string save_graph_model(const nn::GraphModel& model, const nlohmann::json& metadata);

struct LoadedGraphModel {
    std::unique_ptr<nn::GraphModel> model;
    nlohmann::json metadata;
    std::vector<nn::SpecError> errors;
};
LoadedGraphModel load_graph_model(const std::string& text);

}  // namespace helix::io
