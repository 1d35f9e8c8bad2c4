// core/spec/optimizer_options.hpp: a spec's "optimizer" object, read and written once for every family, with
// its bounds as named constants (the learning rate has one rule everywhere: a number in [kMinLearningRate,
// kMaxLearningRate], checked as the float it is stored as; a run's "learningRate" option follows it too).
//   {"type": "adam" | "sgd", "learning_rate", "momentum" (sgd), "beta1", "beta2", "eps" (adam),
//   "weight_decay"}
#pragma once

#include <limits>
#include <nlohmann/json.hpp>

#include "common.hpp"
#include "field_reader.hpp"

namespace helix::spec {

// Up to the largest float: a run may ask for a rate that diverges on purpose (the divergence guard stops it
// and says so; tests/core/test_divergence.cpp).
constexpr float kMinLearningRate = 1e-8f;
constexpr float kMaxLearningRate = std::numeric_limits<float>::max();
constexpr float kMaxMomentum = 1.0f;  // open: momentum < 1
constexpr float kMaxBeta = 1.0f;      // open: beta1, beta2 < 1
constexpr float kMinEps = 1e-12f;
constexpr float kMaxEps = 1.0f;
constexpr float kMaxWeightDecay = 1.0f;

// Reads the optimizer fields of `o` (an object at path "optimizer" or "generator.optimizer") into `out`;
// fields left out keep `out`'s values. Unknown fields are errors.
void read_optimizer(FieldReader& o, nn::OptimizerSpec& out);
void read_learning_rate(FieldReader& o, const char* key, float& out);

nlohmann::json optimizer_to_json(const nn::OptimizerSpec& o);

}  // namespace helix::spec
