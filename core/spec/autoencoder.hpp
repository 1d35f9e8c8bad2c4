// core/spec/autoencoder.hpp: an autoencoder's spec (the format is documented in core/nn/autoencoder.hpp), its
// types and its one reader and writer. The types stay in helix::nn, where the network
// (core/nn/autoencoder.hpp) and the sessions name them.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "common.hpp"
#include "layer.hpp"

namespace helix::nn {

struct CorruptionSpec {
    std::string type = "none";  // none, mask, gaussian
    float rate = 0.0f;          // mask: fraction hidden; gaussian: standard deviation (standardised units)
};

struct ImputationSpec {
    float mask_fraction = 0.1f;   // of the entries of evaluated cells, hidden and then predicted
    std::string entries = "all";  // all, nonzero
};

struct AutoencoderSpec {
    std::string name = "autoencoder";
    std::string description;
    std::vector<LayerSpec> encoder, decoder;
    std::size_t latent_units = 2;
    std::string latent_activation;  // "", relu, sigmoid, tanh
    CorruptionSpec corruption;
    std::string reconstruction = "mse";  // mse, masked_mse
    ImputationSpec imputation;
    std::string transform = "none";  // preprocess.transform: none, log1p
    OptimizerSpec optimizer;
    TrainingSpec training;  // monitor is val_loss (the only one an autoencoder has)
};

struct AutoencoderSpecResult {
    AutoencoderSpec spec;
    std::vector<SpecError> errors;
    bool ok() const { return errors.empty(); }
};
AutoencoderSpecResult parse_autoencoder_spec(const nlohmann::json& j);
AutoencoderSpecResult parse_autoencoder_spec_text(
    const std::string& text);  // JSON syntax errors with line/column
nlohmann::json autoencoder_spec_to_json(const AutoencoderSpec& spec);

}  // namespace helix::nn
