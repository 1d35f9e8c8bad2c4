// core/io/gan_file.hpp: a trained GAN in the model-file envelope (model_file.hpp), family "gan" (before the
// envelope: "format": "helix-gan", version 1). Its part: its spec and both networks' weights, named
// "generator.dense_0.weight", ..., "discriminator.conv1d_0.weight", so a loaded GAN samples the same
// sequences and can go on training.
#pragma once

#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "../nn/gan.hpp"

namespace helix::io {

std::string save_gan(const nn::Gan& gan, const nlohmann::json& metadata);

struct LoadedGan {
    std::unique_ptr<nn::Gan> gan;
    nlohmann::json metadata;
    std::vector<nn::SpecError> errors;
};
LoadedGan load_gan(const std::string& text);

}  // namespace helix::io
