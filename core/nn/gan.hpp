// core/nn/gan.hpp: a generative adversarial network for DNA (Goodfellow et al. 2014; DCGAN's recipe,
// Radford et al. 2016): its two networks, built from its spec (core/spec/gan.hpp, read and written there):
//   {"name": "gan-dna", "type": "gan", "length": 50, "noise": 32,
//    "generator": {"layers": [{"type": "dense", "units": 800, "activation": "relu"},
//                             {"type": "reshape", "target_shape": [25, 32]},
//                             {"type": "upsample1d", "size": 2},
//                             {"type": "conv1d", "filters": 32, "kernel_size": 5, "padding": "same",
//                             "activation": "relu"},
//                             {"type": "conv1d", "filters": 4, "kernel_size": 5, "padding": "same"},
//                             {"type": "softmax"}],
//                  "optimizer": {"type": "adam", "learning_rate": 0.0005, "beta1": 0.5}},
//    "discriminator": {"layers": [{"type": "conv1d", "filters": 32, "kernel_size": 8, "activation": "relu"},
//                                 {"type": "global_max_pool"}, {"type": "dense", "units": 1}],
//                      "optimizer": {"type": "adam", "learning_rate": 0.0005, "beta1": 0.5}},
//    "training": {"epochs": 30, "batch_size": 64, "d_steps": 1, "label_smoothing": 0, "seed": 1}}
// The generator maps noise z ~ N(0, 1)^noise to (length, 4) and must end in "softmax": per position, the
// probabilities of A, C, G, T. The discriminator reads (length, 4), real sequences one-hot and generated ones
// as those probabilities, and ends in one logit (real vs generated). Layers are the sequential model's
// (spec.hpp), built by nn::make_layer; layer names are unique within each network, and parameters are named
// "generator.<layer>.weight", "discriminator.<layer>.bias", ... in model files.
// "steps" (optional) fixes the number of generator steps; otherwise "epochs" passes over the data, each of
// floor(sequences / batch_size) real batches, d_steps of them per generator step.
// "label_smoothing" s (default 0) makes the discriminator's target for real sequences 1 - s (one-sided label
// smoothing, Salimans et al. 2016), a brake on a discriminator that wins too fast.
#pragma once

#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "../spec/gan.hpp"
#include "layer.hpp"

namespace helix::nn {

class Gan {
public:
    // Builds both networks from `spec` with the spec's seed; nullptr with errors when shapes do not fit
    // (naming the field: "generator.layers[1].target_shape: ...").
    static std::unique_ptr<Gan> build(const GanSpec& spec, std::vector<SpecError>& errors);

    const GanSpec& spec() const { return spec_; }
    Tensor noise(std::size_t n, Rng& rng) const;                 // (n, Z), standard normal
    Var generate(const Tensor& noise, bool training, Rng& rng);  // (n, Z) -> (n, L, 4) probabilities
    Var discriminate(const Var& x, bool training, Rng& rng);     // (n, L, 4) -> (n, 1) logits

    // `count` sequences from fresh noise drawn with `seed`. temperature > 0: each base drawn from the
    // position's probabilities p^(1/T) renormalised (T = 1: as generated; lower: sharper); temperature 0:
    // the most probable base (argmax). Probabilities of the draws, if wanted, go to `probabilities` (n, L,
    // 4).
    std::vector<std::string> sample(std::size_t count, std::uint64_t seed, float temperature,
                                    Tensor* probabilities = nullptr);

    std::vector<Param*> generator_params();
    std::vector<Param*> discriminator_params();
    std::vector<Param*> params();  // generator's, then discriminator's: the model file's order
    std::vector<const Param*> params() const;
    std::vector<Tensor> weights() const;
    void set_weights(const std::vector<Tensor>& w);
    nlohmann::json summary_json() const;  // both networks' layers, output shapes and parameter counts

private:
    struct Net {
        std::vector<std::unique_ptr<Layer>> layers;
        std::vector<Shape> shapes;  // each layer's output shape (no batch axis)
    };
    static bool build_net(const std::vector<LayerSpec>& layers, Shape in, const std::string& field, Rng& rng,
                          Net& net, std::vector<SpecError>& errors);
    static Var run(Net& net, Var x, bool training, Rng& rng);

    GanSpec spec_;
    Net generator_, discriminator_;
};

}  // namespace helix::nn
