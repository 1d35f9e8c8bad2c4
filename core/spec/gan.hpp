// core/spec/gan.hpp: a GAN's spec (the format is documented in core/nn/gan.hpp), its types and its one reader
// and writer. The types stay in helix::nn, where the networks (core/nn/gan.hpp) and the sessions name them.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "common.hpp"
#include "layer.hpp"

namespace helix::nn {

struct GanNetSpec {
    std::vector<LayerSpec> layers;
    OptimizerSpec optimizer;  // defaults: adam, learning_rate 2e-4, beta1 0.5 (DCGAN)
};

struct GanTrainingSpec {
    std::size_t epochs = 30;
    std::size_t steps = 0;  // generator steps; 0 = as many as `epochs` take
    std::size_t batch_size = 64;
    std::size_t d_steps = 1;  // discriminator steps per generator step
    float label_smoothing = 0.0f;
    std::uint64_t seed = 1;
};

struct GanSpec {
    std::string name = "gan";
    std::string description;
    std::size_t length = 50;  // L of the generated sequences
    std::size_t noise = 32;   // Z, the size of the generator's input
    GanNetSpec generator, discriminator;
    GanTrainingSpec training;
};

struct GanSpecResult {
    GanSpec spec;
    std::vector<SpecError> errors;
    bool ok() const { return errors.empty(); }
};
GanSpecResult parse_gan_spec(const nlohmann::json& j);
GanSpecResult parse_gan_spec_text(const std::string& text);  // JSON syntax errors give line and column
nlohmann::json gan_spec_to_json(const GanSpec& spec);

}  // namespace helix::nn
