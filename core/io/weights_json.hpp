// core/io/weights_json.hpp: named float32 tensors as JSON, the "weights" of every model file
// (model_file.hpp):
//   {"conv1.weight": {"shape": [12, 4, 16], "dtype": "float32", "data": "<base64, little-endian>"}, ...}
// Reading checks presence, dtype, shape and length of every parameter and names the field of each
// problem ("weights.conv1.weight.shape: ..."); a tensor no parameter claims is an error too.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "../nn/layer.hpp"
#include "../spec/common.hpp"

namespace helix::io {

nlohmann::json weights_to_json(const std::vector<const nn::Param*>& params);
// Fills the parameters' values from `weights`; appends an error per problem (then values may be partial).
void weights_from_json(const nlohmann::json& weights, const std::vector<nn::Param*>& params,
                       std::vector<nn::SpecError>& errors);

}  // namespace helix::io
