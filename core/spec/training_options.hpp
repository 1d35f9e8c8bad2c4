// core/spec/training_options.hpp: a spec's "training" object and a run's options (what start_training takes:
// {"epochs", "batchSize", "learningRate", "seed", "patience", "validationFraction", "testFraction"}), read
// and written once for every family, with the bounds of every field as named constants. option_bounds_json()
// gives those bounds to the page (wasm: optionBounds()), so its fields cannot drift from the engine's.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "common.hpp"
#include "field_reader.hpp"

namespace helix::spec {

constexpr std::size_t kMinEpochs = 1;
constexpr std::size_t kMaxEpochs = 1000000;
constexpr std::size_t kMinBatchSize = 1;
constexpr std::size_t kMaxBatchSize = 100000;
constexpr std::size_t kMinPatience = 0;  // 0: never stop early
constexpr std::size_t kMaxPatience = 1000000;
constexpr std::uint64_t kMinSeed = 0;
constexpr std::uint64_t kMaxSeed = 9007199254740991ull;  // 2^53 - 1: a seed a JS number holds exactly
constexpr float kMinFraction = 0.0f;                     // validation_fraction, test_fraction
constexpr float kMaxFraction = 0.5f;
constexpr float kMaxNodeFraction = 0.9f;  // a graph model's split of its labelled nodes (or graphs)

// Reads the training fields of `t` into `out` (fields left out keep out's values); "monitor" must be one of
// `monitors`. Unknown fields are errors.
void read_training(FieldReader& t, nn::TrainingSpec& out, const std::set<std::string>& monitors);
nlohmann::json training_to_json(const nn::TrainingSpec& t);

// A run's options, as a session's start_training takes them. Fields not given keep the defaults.
struct RunOptions {
    std::size_t epochs = 0;
    std::size_t batch_size = 0;
    std::size_t patience = 0;
    float learning_rate = 0.0f;
    std::uint64_t seed = 0;
    bool seed_given = false;  // "seed" was given: the run starts from fresh weights made from it
    float validation_fraction = 0.0f;
    float test_fraction = 0.0f;
};
RunOptions run_defaults(const nn::TrainingSpec& t, const nn::OptimizerSpec& o);
// The options into a spec's training and optimizer sections (what a run of a sequence model or autoencoder
// uses).
void apply_run_options(const RunOptions& r, nn::TrainingSpec& t, nn::OptimizerSpec& o);

struct RunOptionsResult {
    RunOptions options;
    std::vector<nn::SpecError> errors;  // one per bad field, named as in the options ("learningRate")
    bool ok() const { return errors.empty(); }
};
// Reads the run fields of `options` (a JSON object; other keys are left to the session) over `defaults`.
RunOptionsResult parse_run_options(const nlohmann::json& options, const RunOptions& defaults);
// The same from JSON text; text that is not a JSON object is one error (field "options").
RunOptionsResult parse_run_options(const std::string& options_json, const RunOptions& defaults);

// {"epochs": {"min", "max", "integer": true}, "batchSize", "learningRate", "patience", "seed",
//  "validationFraction", "testFraction"}: the bounds parse_run_options and the spec readers apply.
nlohmann::json option_bounds_json();

}  // namespace helix::spec
