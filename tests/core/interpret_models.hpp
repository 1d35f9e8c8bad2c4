// tests/core/interpret_models.hpp: small models and sequences shared by the test_interpret_* files.
#pragma once

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "core/api/model_session.hpp"
#include "core/rng.hpp"

namespace helix::test {

// A CNN with ReLU and global max pooling, as cnn-binding (random weights from seed 3).
inline const char* kSmallCnn = R"({"name": "small-cnn", "input": {"name": "dna", "length": null},
  "layers": [{"type": "conv1d", "name": "conv1", "filters": 8, "kernel_size": 6, "activation": "relu"},
             {"type": "global_max_pool", "name": "pool"},
             {"type": "dense", "name": "fc1", "units": 8, "activation": "relu"},
             {"type": "dense", "name": "out", "units": 1}],
  "loss": "bce_with_logits", "optimizer": {"type": "adam", "learning_rate": 0.01},
  "training": {"epochs": 8, "batch_size": 32, "patience": 3, "seed": 3}})";

// Smooth everywhere (tanh, average pooling): finite differences see no kinks.
inline const char* kSmoothCnn = R"({"name": "smooth-cnn", "input": {"name": "dna", "length": null},
  "layers": [{"type": "conv1d", "name": "conv1", "filters": 6, "kernel_size": 5, "activation": "tanh"},
             {"type": "global_avg_pool", "name": "pool"},
             {"type": "dense", "name": "fc1", "units": 6, "activation": "tanh"},
             {"type": "dense", "name": "out", "units": 1}],
  "loss": "bce_with_logits", "optimizer": {"type": "adam", "learning_rate": 0.01},
  "training": {"epochs": 4, "batch_size": 32, "seed": 5}})";

// Three classes, with named classes.
inline const char* kThreeClasses = R"({"name": "three", "input": {"name": "dna", "length": null},
  "layers": [{"type": "conv1d", "name": "conv1", "filters": 8, "kernel_size": 6, "activation": "relu"},
             {"type": "global_max_pool", "name": "pool"},
             {"type": "dense", "name": "out", "units": 3}],
  "loss": "softmax_cross_entropy", "classes": ["x", "y", "z"],
  "optimizer": {"type": "adam", "learning_rate": 0.01}, "training": {"epochs": 4, "batch_size": 32, "seed": 2}})";

// Two heads, a and b.
inline const char* kTwoHeads = R"({"name": "two-heads",
  "inputs": [{"name": "dna", "type": "dna"}],
  "layers": [{"type": "conv1d", "name": "conv1", "filters": 8, "kernel_size": 6, "activation": "relu"},
             {"type": "global_max_pool", "name": "pool"},
             {"type": "dense", "name": "out_a", "units": 1},
             {"type": "dense", "name": "out_b", "inputs": "pool", "units": 1}],
  "heads": [{"name": "a", "layer": "out_a"}, {"name": "b", "layer": "out_b"}],
  "optimizer": {"type": "adam", "learning_rate": 0.01}, "training": {"epochs": 4, "batch_size": 32, "seed": 1}})";

// DNA + two numeric columns (open, cons).
inline const char* kMultimodal = R"({"name": "mm",
  "inputs": [{"name": "dna", "type": "dna"}, {"name": "track", "type": "features", "columns": ["open", "cons"]}],
  "layers": [{"type": "conv1d", "name": "conv1", "inputs": "dna", "filters": 8, "kernel_size": 6, "activation": "relu"},
             {"type": "global_max_pool", "name": "pool"},
             {"type": "concatenate", "name": "both", "inputs": ["pool", "track"]},
             {"type": "dense", "name": "out", "units": 1}],
  "optimizer": {"type": "adam", "learning_rate": 0.01}, "training": {"epochs": 4, "batch_size": 32, "seed": 1}})";

inline std::string random_dna(std::size_t n, Rng& rng)
{
    static const char bases[] = "ACGT";
    std::string s(n, 'A');
    for (char& c : s) c = bases[rng.below(4)];
    return s;
}

inline nlohmann::json train_session(api::ModelSession& m, const std::string& table,
                                    const std::string& options = "{}")
{
    nlohmann::json started = nlohmann::json::parse(m.start_training(table, options));
    REQUIRE_MESSAGE(started["errors"].empty(), started.dump());
    while (!m.training_finished()) m.train_step();
    return nlohmann::json::parse(m.training_summary());
}

}  // namespace helix::test
