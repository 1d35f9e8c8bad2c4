// tests/core/test_spec.cpp: model specs are read field by field and every problem names its field.
#include <doctest/doctest.h>

#include "core/spec/sequence.hpp"

using namespace helix::nn;

namespace {
bool has_error(const SpecResult& r, const std::string& field, const std::string& words)
{
    for (const auto& e : r.errors)
        if (e.field == field && e.message.find(words) != std::string::npos) return true;
    return false;
}
}  // namespace

TEST_CASE("spec: a minimal spec takes the defaults")
{
    auto r = parse_spec_text(R"({"layers": [{"type": "conv1d", "filters": 4, "kernel_size": 3},
                                            {"type": "global_max_pool"}, {"type": "dense", "units": 1}]})");
    REQUIRE(r.ok());
    CHECK(r.spec.layers[0].name == "conv1d_0");
    CHECK(r.spec.layers[0].padding == "valid");
    CHECK(r.spec.optimizer.type == "adam");
    CHECK(r.spec.training.batch_size == 64);
    CHECK(r.spec.input.length == 0);
}

TEST_CASE("spec: typos, bad values and duplicate names are reported with their fields")
{
    auto r = parse_spec_text(R"({"layers": [
        {"type": "conv1d", "name": "c", "filters": 0, "kernal_size": 3},
        {"type": "convolution"},
        {"type": "dense", "name": "c", "units": 1, "activation": "swish"}],
        "optimizer": {"type": "adam", "learning_rate": -1},
        "training": {"monitor": "val_f1"}})");
    CHECK(has_error(r, "layers[0].filters", "integer ≥ 1"));
    CHECK(has_error(r, "layers[0].kernal_size", "unknown field"));
    CHECK(has_error(r, "layers[0].kernel_size", "missing"));
    CHECK(has_error(r, "layers[1].type", "'convolution' is not one of"));
    CHECK(has_error(r, "layers[2].name", "'c' is used by an earlier layer"));
    CHECK(has_error(r, "layers[2].activation", "'swish'"));
    CHECK(has_error(r, "optimizer.learning_rate", "must be a number in"));
    CHECK(has_error(r, "training.monitor", "'val_f1'"));
}

TEST_CASE("spec: invalid JSON is reported with its line and column")
{
    auto r = parse_spec_text("{\n  \"layers\": [\n    {\"type\": \"dense\",, }\n  ]\n}");
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].message.rfind("line 3, column", 0) == 0);
}

TEST_CASE("spec: spec_to_json round-trips")
{
    auto r = parse_spec_text(R"({"name": "m", "input": {"length": 50},
        "layers": [{"type": "flatten"}, {"type": "dense", "units": 3, "activation": "relu"},
                   {"type": "dropout", "rate": 0.25}, {"type": "dense", "units": 1}],
        "optimizer": {"type": "sgd", "learning_rate": 0.1, "momentum": 0.5}})");
    REQUIRE(r.ok());
    auto again = parse_spec(spec_to_json(r.spec));
    REQUIRE(again.ok());
    CHECK(spec_to_json(again.spec) == spec_to_json(r.spec));
    CHECK(again.spec.layers[2].rate == doctest::Approx(0.25f));
}

TEST_CASE("spec: softmax_cross_entropy with class names; names need that loss, unique and non-empty")
{
    auto r = parse_spec_text(R"({"layers": [{"type": "flatten"}, {"type": "dense", "units": 3}],
        "input": {"length": 60}, "loss": "softmax_cross_entropy", "classes": ["EI", "IE", "N"]})");
    REQUIRE(r.ok());
    CHECK(r.spec.loss == "softmax_cross_entropy");
    CHECK(r.spec.classes == std::vector<std::string>{"EI", "IE", "N"});
    auto again = parse_spec(spec_to_json(r.spec));
    REQUIRE(again.ok());
    CHECK(again.spec.classes == r.spec.classes);

    auto bad = parse_spec_text(R"({"layers": [{"type": "dense", "units": 3}], "classes": ["a", "a", 3]})");
    CHECK(has_error(bad, "classes", "need \"loss\": \"softmax_cross_entropy\""));
    CHECK(has_error(bad, "classes[1]", "'a' names an earlier class"));
    CHECK(has_error(bad, "classes[2]", "non-empty name"));
    CHECK(has_error(
        parse_spec_text(R"({"layers": [{"type": "dense", "units": 3}], "loss": "softmax_cross_entropy",
        "classes": "EI"})"),
        "classes", "list of at least 2"));
    CHECK(has_error(parse_spec_text(R"({"layers": [{"type": "dense", "units": 3}], "loss": "huber"})"),
                    "loss",
                    "'huber' is not one of: bce_with_logits, log1p_mse, mse, multinomial_nll, poisson, "
                    "softmax_cross_entropy"));
}

TEST_CASE("spec: a softmax activation is refused with a pointer to the loss")
{
    auto r = parse_spec_text(R"({"layers": [{"type": "flatten"}, {"type": "dense", "units": 3,
        "activation": "softmax"}], "loss": "softmax_cross_entropy"})");
    REQUIRE(r.errors.size() == 1);
    CHECK(has_error(r, "layers[1].activation", "use \"loss\": \"softmax_cross_entropy\""));
}

TEST_CASE(
    "spec: a number JSON allows but a double cannot hold is a spec error, not an exception (found by "
    "fuzz_spec)")
{
    SpecResult r;
    CHECK_NOTHROW(r = parse_spec_text(R"({"layers": [{"type": "dense", "units": 770000006E574}]})"));
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].message.find("cannot be read") != std::string::npos);
}
