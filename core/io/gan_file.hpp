// core/io/gan_file.hpp: a trained GAN as one JSON document, the twin of model_file.hpp and graph_model_file.hpp:
//   {"format": "helix-gan", "version": 1, "spec": {...},
//    "weights": {"generator.dense_0.weight": {"shape": [32, 800], "dtype": "float32", "data": "<base64>"}, ...,
//                "discriminator.conv1d_0.weight": {...}},
//    "metadata": {...}}
// Both networks are saved, so a loaded GAN samples the same sequences and can go on training. Loading checks
// format, version, spec and every weight's presence and shape, naming the field of each problem.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "../nn/gan.hpp"

namespace helix::io {

constexpr int kGanFileVersion = 1;

std::string save_gan(const nn::Gan& gan, const nlohmann::json& metadata);

struct LoadedGan {
    std::unique_ptr<nn::Gan> gan;
    nlohmann::json metadata;
    std::vector<nn::SpecError> errors;
};
LoadedGan load_gan(const std::string& text);

}  // namespace helix::io
