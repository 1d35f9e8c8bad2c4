// core/spec/training_options.cpp: see training_options.hpp.
#include "training_options.hpp"

#include "optimizer_options.hpp"

namespace helix::spec {

using nlohmann::json;

void read_training(FieldReader& t, nn::TrainingSpec& out, const std::set<std::string>& monitors)
{
    t.size("epochs", out.epochs, kMinEpochs, kMaxEpochs);
    t.size("batch_size", out.batch_size, kMinBatchSize, kMaxBatchSize);
    t.number("validation_fraction", out.validation_fraction, kMinFraction, kMaxFraction);
    t.number("test_fraction", out.test_fraction, kMinFraction, kMaxFraction);
    t.size("patience", out.patience, kMinPatience, kMaxPatience);
    t.text("monitor", out.monitor, &monitors);
    t.seed("seed", out.seed, kMaxSeed);
    t.reject_unknown();
}

json training_to_json(const nn::TrainingSpec& t)
{
    return {{"epochs", t.epochs},
            {"batch_size", t.batch_size},
            {"validation_fraction", t.validation_fraction},
            {"test_fraction", t.test_fraction},
            {"patience", t.patience},
            {"monitor", t.monitor},
            {"seed", t.seed}};
}

RunOptions run_defaults(const nn::TrainingSpec& t, const nn::OptimizerSpec& o)
{
    RunOptions r;
    r.epochs = t.epochs;
    r.batch_size = t.batch_size;
    r.patience = t.patience;
    r.learning_rate = o.learning_rate;
    r.seed = t.seed;
    r.validation_fraction = t.validation_fraction;
    r.test_fraction = t.test_fraction;
    return r;
}

void apply_run_options(const RunOptions& r, nn::TrainingSpec& t, nn::OptimizerSpec& o)
{
    t.epochs = r.epochs;
    t.batch_size = r.batch_size;
    t.patience = r.patience;
    t.seed = r.seed;
    t.validation_fraction = r.validation_fraction;
    t.test_fraction = r.test_fraction;
    o.learning_rate = r.learning_rate;
}

RunOptionsResult parse_run_options(const json& options, const RunOptions& defaults)
{
    RunOptionsResult res;
    res.options = defaults;
    if (!options.is_object()) {
        res.errors.push_back({"options", "options: not a JSON object"});
        return res;
    }
    RunOptions& r = res.options;
    FieldReader o(options, "", res.errors);
    o.size("epochs", r.epochs, kMinEpochs, kMaxEpochs);
    o.size("batchSize", r.batch_size, kMinBatchSize, kMaxBatchSize);
    o.size("patience", r.patience, kMinPatience, kMaxPatience);
    read_learning_rate(o, "learningRate", r.learning_rate);
    o.number("validationFraction", r.validation_fraction, kMinFraction, kMaxFraction);
    o.number("testFraction", r.test_fraction, kMinFraction, kMaxFraction);
    const std::size_t before = res.errors.size();
    o.seed("seed", r.seed, kMaxSeed);
    r.seed_given = o.has("seed") && res.errors.size() == before;
    return res;
}

RunOptionsResult parse_run_options(const std::string& options_json, const RunOptions& defaults)
{
    return parse_run_options(json::parse(options_json, nullptr, false), defaults);
}

json option_bounds_json()
{
    auto integer = [](auto lo, auto hi) { return json{{"min", lo}, {"max", hi}, {"integer", true}}; };
    // Each float bound as the shortest decimal that is that float (1e-08, not 9.99999993922529e-09).
    auto decimal = [](float x) { return json::parse(FieldReader::float_text(x)); };
    auto real = [&](float lo, float hi) {
        return json{{"min", decimal(lo)}, {"max", decimal(hi)}, {"integer", false}};
    };
    return {{"epochs", integer(kMinEpochs, kMaxEpochs)},
            {"batchSize", integer(kMinBatchSize, kMaxBatchSize)},
            {"patience", integer(kMinPatience, kMaxPatience)},
            {"seed", integer(kMinSeed, kMaxSeed)},
            {"learningRate", real(kMinLearningRate, kMaxLearningRate)},
            {"validationFraction", real(kMinFraction, kMaxFraction)},
            {"testFraction", real(kMinFraction, kMaxFraction)}};
}

}  // namespace helix::spec
