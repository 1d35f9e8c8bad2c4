// core/io/model_file.hpp: the model file, one JSON document that round-trips exactly:
//   {"format": "helix-model", "version": 1, "spec": {...},
//    "weights": {"conv1.weight": {"shape": [12, 4, 16], "dtype": "float32", "data": "<base64, little-endian>"}},
//    "metadata": {...}}   // free-form: what it was trained on, its test scores
// Loading checks the format, the version, the spec and every weight's presence and shape, and names
// the field of each problem; nothing is silently skipped.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "../nn/model.hpp"

namespace helix::io {

constexpr int kModelFileVersion = 1;

std::string save_model(const nn::Model& model, const nlohmann::json& metadata = nlohmann::json::object());

struct LoadedModel {
    std::unique_ptr<nn::Model> model;
    nlohmann::json metadata;
    std::vector<nn::SpecError> errors;
};
LoadedModel load_model(const std::string& text);

}  // namespace helix::io
