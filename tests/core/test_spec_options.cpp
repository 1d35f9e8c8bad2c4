// tests/core/test_spec_options.cpp: training and optimizer options are read under one rule per field
// (core/spec): the run's options (parse_run_options), every family's spec, and the bounds the page is given
// (option_bounds_json).
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "core/nn/autoencoder.hpp"
#include "core/nn/gan.hpp"
#include "core/nn/graph_model.hpp"
#include "core/spec/optimizer_options.hpp"
#include "core/spec/sequence.hpp"
#include "core/spec/training_options.hpp"

using namespace helix;
using nlohmann::json;

namespace {

bool names(const std::vector<nn::SpecError>& errors, const std::string& field)
{
    for (const auto& e : errors)
        if (e.field == field) return true;
    return false;
}

}  // namespace

TEST_CASE("run options: given fields override the defaults, bad ones are errors naming the field")
{
    spec::RunOptions d;
    d.epochs = 7;
    d.batch_size = 16;
    d.learning_rate = 0.01f;
    d.seed = 5;
    auto r = spec::parse_run_options(json::parse(R"({"epochs": 3, "labelColumn": "y"})"), d);
    REQUIRE(r.ok());
    CHECK(r.options.epochs == 3);
    CHECK(r.options.batch_size == 16);
    CHECK(r.options.learning_rate == 0.01f);
    CHECK(r.options.seed == 5);
    CHECK_FALSE(r.options.seed_given);

    r = spec::parse_run_options(std::string(R"({"seed": 9, "learningRate": 0.5, "testFraction": 0.25})"), d);
    REQUIRE(r.ok());
    CHECK(r.options.seed_given);
    CHECK(r.options.seed == 9);
    CHECK(r.options.learning_rate == 0.5f);
    CHECK(r.options.test_fraction == 0.25f);

    r = spec::parse_run_options(json::parse(R"({"epochs": 0, "batchSize": "64", "learningRate": 0, "seed": -1,
                                                 "validationFraction": 0.7, "patience": 1.5})"),
                                d);
    CHECK(r.errors.size() == 6);
    for (const char* f : {"epochs", "batchSize", "learningRate", "seed", "validationFraction", "patience"})
        CHECK_MESSAGE(names(r.errors, f), f);
    CHECK_FALSE(r.options.seed_given);
    CHECK(r.options.epochs == 7);

    r = spec::parse_run_options(std::string("[1, 2]"), d);
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].field == "options");
}

TEST_CASE("learning rate: one rule in every spec and in a run's options")
{
    const std::string too_small = "1e-9", smallest = "1e-8";
    for (const std::string& lr : {too_small, smallest}) {
        CAPTURE(lr);
        const bool ok = lr == smallest;
        auto seq =
            nn::parse_spec_text(R"({"layers": [{"type": "dense", "units": 1}], "input": {"type": "features",
            "name": "x", "columns": ["a"]}, "optimizer": {"learning_rate": )" +
                                lr + "}}");
        CHECK(names(seq.errors, "optimizer.learning_rate") != ok);
        auto graph =
            nn::parse_graph_spec_text(R"({"task": "node_classification", "layers": [{"type": "graph_conv"}],
            "optimizer": {"learning_rate": )" +
                                      lr + "}}");
        CHECK(names(graph.errors, "optimizer.learning_rate") != ok);
        auto ae = nn::parse_autoencoder_spec_text(R"({"type": "autoencoder", "latent": {"units": 2},
            "optimizer": {"learning_rate": )" + lr +
                                                  "}}");
        CHECK(names(ae.errors, "optimizer.learning_rate") != ok);
        auto gan = nn::parse_gan_spec_text(R"({"type": "gan", "length": 4, "noise": 2,
            "generator": {"layers": [{"type": "dense", "units": 16}, {"type": "reshape", "target_shape": [4, 4]},
                                     {"type": "softmax"}], "optimizer": {"learning_rate": )" +
                                           lr + R"(}},
            "discriminator": {"layers": [{"type": "global_max_pool"}, {"type": "dense", "units": 1}]}})");
        CHECK(names(gan.errors, "generator.optimizer.learning_rate") != ok);
        auto run =
            spec::parse_run_options(json::parse(R"({"learningRate": )" + lr + "}"), spec::RunOptions{});
        CHECK(names(run.errors, "learningRate") != ok);
    }
}

TEST_CASE("option bounds: the named constants, the floats as their shortest decimals")
{
    const json b = spec::option_bounds_json();
    for (const char* f :
         {"epochs", "batchSize", "learningRate", "patience", "seed", "validationFraction", "testFraction"})
        CHECK_MESSAGE(b.contains(f), f);
    CHECK(b["epochs"] == json({{"min", spec::kMinEpochs}, {"max", spec::kMaxEpochs}, {"integer", true}}));
    CHECK(b["seed"]["max"] == 9007199254740991ull);
    CHECK(b["learningRate"]["min"].dump() == "1e-08");
    CHECK(b["learningRate"]["integer"] == false);
    CHECK(b["validationFraction"]["max"].get<double>() == 0.5);
    // The bounds are what the reader accepts: the edges pass, one step outside fails.
    spec::RunOptions d;
    CHECK(spec::parse_run_options(json{{"epochs", spec::kMaxEpochs}}, d).ok());
    CHECK_FALSE(spec::parse_run_options(json{{"epochs", spec::kMaxEpochs + 1}}, d).ok());
    CHECK(spec::parse_run_options(json{{"learningRate", b["learningRate"]["min"]}}, d).ok());
}
