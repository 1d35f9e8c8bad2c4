// core/io/graph_model_file.hpp: a trained GCN in the model-file envelope (model_file.hpp), family "graph"
// (before the envelope: "format": "helix-graph-model", version 1). Its part: its spec, its weights, and two
// fields of its own, the sizes the weights were built for: "features": 1433, "classes": 7.
#pragma once

#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "../nn/graph_model.hpp"

namespace helix::io {

std::string save_graph_model(const nn::GraphModel& model, const nlohmann::json& metadata);

struct LoadedGraphModel {
    std::unique_ptr<nn::GraphModel> model;
    nlohmann::json metadata;
    std::vector<nn::SpecError> errors;
};
LoadedGraphModel load_graph_model(const std::string& text);

}  // namespace helix::io
