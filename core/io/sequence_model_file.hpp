// core/io/sequence_model_file.hpp: a sequence model (nn::Model) in the model-file envelope (model_file.hpp),
// family "sequence" (before the envelope: "format": "helix-model", version 1). Its part is its spec and
// weights.
#pragma once

#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "../nn/model.hpp"

namespace helix::io {

std::string save_model(const nn::Model& model, const nlohmann::json& metadata = nlohmann::json::object());

struct LoadedModel {
    std::unique_ptr<nn::Model> model;
    nlohmann::json metadata;
    std::vector<nn::SpecError> errors;
};
LoadedModel load_model(const std::string& text);

}  // namespace helix::io
