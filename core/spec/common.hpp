// core/spec/common.hpp: the parts of a spec that every family shares: an error naming its field, the
// optimizer and the training options (read and written by optimizer_options and training_options). Each
// family's spec is in its own file beside this one: sequence, graph, autoencoder, gan.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace helix::nn {

struct SpecError {
    std::string field;
    std::string message;  // starts with the field: "layers[2].kernel_size: must be a positive integer"
};

struct OptimizerSpec {
    std::string type = "adam";  // adam, sgd
    float learning_rate = 1e-3f;
    float momentum = 0.9f;  // sgd
    float beta1 = 0.9f, beta2 = 0.999f, eps = 1e-7f;
    float weight_decay = 0.0f;  // decoupled (AdamW) for adam, L2 for sgd
};

struct TrainingSpec {
    std::size_t epochs = 20;
    std::size_t batch_size = 64;
    float validation_fraction = 0.1f;
    float test_fraction = 0.1f;
    std::size_t patience = 5;           // epochs without improvement before stopping; 0 = never stop early
    std::string monitor = "val_auroc";  // val_loss, val_auroc, val_accuracy
    std::uint64_t seed = 1;
};

}  // namespace helix::nn
