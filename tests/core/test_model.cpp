// tests/core/test_model.cpp: a spec made real: shapes, accepted lengths, initialisation by seed.
#include <doctest/doctest.h>

#include "core/nn/model.hpp"
#include "core/ops/ops.hpp"

using namespace helix;
using namespace helix::nn;

namespace {
std::unique_ptr<Model> build(const std::string& json, std::vector<SpecError>& errors)
{
    auto r = parse_spec_text(json);
    REQUIRE_MESSAGE(r.ok(), (r.errors.empty() ? "" : r.errors[0].message));
    return Model::build(r.spec, errors);
}
const char* kCnn = R"({"layers": [
    {"type": "conv1d", "name": "conv1", "filters": 4, "kernel_size": 5, "activation": "relu"},
    {"type": "max_pool1d", "name": "pool1", "pool_size": 2},
    {"type": "conv1d", "name": "conv2", "filters": 3, "kernel_size": 3, "padding": "same"},
    {"type": "global_max_pool", "name": "gmp"},
    {"type": "dense", "name": "out", "units": 1}], "training": {"seed": 5}})";
}  // namespace

TEST_CASE("model: a global-pooling CNN accepts any length from its minimum on")
{
    std::vector<SpecError> errors;
    auto m = build(kCnn, errors);
    REQUIRE(m);
    CHECK(m->min_length() == 6);  // conv1 needs 5, then pool1 needs 2 positions: 5 + 2 - 1
    CHECK(m->check_length(5).find("too short for layer pool1") != std::string::npos);
    CHECK(m->check_length(6).empty());
    CHECK(m->check_length(1000).empty());
    CHECK(m->parameter_count() == (5 * 4 * 4 + 4) + (3 * 4 * 3 + 3) + (3 + 1));
    Rng rng(0);
    for (std::size_t L : {6, 31, 200}) {
        Var y = m->forward(xt::ones<float>({std::size_t{2}, L, std::size_t{4}}) * 0.25f, false, rng);
        CHECK(y.shape() == Shape{2, 1});
    }
}

TEST_CASE("model: shape problems name the layer and say what would fix them")
{
    std::vector<SpecError> errors;
    CHECK_FALSE(build(R"({"layers": [{"type": "conv1d", "filters": 2, "kernel_size": 3}, {"type": "flatten"},
                                     {"type": "dense", "units": 1}]})",
                      errors));
    CHECK(errors.at(0).message.find("flatten needs a fixed sequence length") != std::string::npos);
    errors.clear();
    CHECK_FALSE(
        build(R"({"input": {"length": 10}, "layers": [{"type": "conv1d", "filters": 2, "kernel_size": 12},
                                     {"type": "global_max_pool"}, {"type": "dense", "units": 1}]})",
              errors));
    CHECK(errors.at(0).field == "layers[0]");
    CHECK(errors.at(0).message.find("kernel_size 12 is longer than its input (10 positions)") !=
          std::string::npos);
    errors.clear();
    CHECK_FALSE(build(R"({"layers": [{"type": "conv1d", "filters": 2, "kernel_size": 3}]})", errors));
    CHECK(errors.at(0).message.find("end with global_max_pool or flatten") != std::string::npos);
    errors.clear();
    CHECK_FALSE(build(
        R"({"layers": [{"type": "global_max_pool"}, {"type": "dense", "units": 1, "activation": "sigmoid"}]})",
        errors));
    CHECK(errors.at(0).message.find("remove the sigmoid") != std::string::npos);
}

TEST_CASE("model: the same seed gives the same initial weights, another seed others")
{
    std::vector<SpecError> errors;
    auto a = build(kCnn, errors), b = build(kCnn, errors);
    auto w_a = a->weights(), w_b = b->weights();
    for (std::size_t i = 0; i < w_a.size(); ++i) CHECK(w_a[i] == w_b[i]);
    auto r = parse_spec_text(kCnn);
    r.spec.training.seed = 6;
    auto c = Model::build(r.spec, errors);
    CHECK(c->weights()[0] != w_a[0]);
}

TEST_CASE("model: parameters are named by layer, as model files and transfer learning use them")
{
    std::vector<SpecError> errors;
    auto m = build(kCnn, errors);
    std::vector<std::string> names;
    for (auto* p : m->params()) names.push_back(p->name);
    CHECK(names == std::vector<std::string>{"conv1.weight", "conv1.bias", "conv2.weight", "conv2.bias",
                                            "out.weight", "out.bias"});
    CHECK(m->params()[0]->var.shape() == Shape{5, 4, 4});  // (K, C, F)
}

TEST_CASE("model: dropout is active in training only")
{
    std::vector<SpecError> errors;
    auto m =
        build(R"({"input": {"length": 8}, "layers": [{"type": "flatten"}, {"type": "dropout", "rate": 0.5},
                       {"type": "dense", "units": 1}]})",
              errors);
    REQUIRE(m);
    Tensor x = xt::ones<float>({std::size_t{16}, std::size_t{8}, std::size_t{4}});
    Rng rng(1);
    Var eval1 = m->forward(x, false, rng), eval2 = m->forward(x, false, rng);
    CHECK(eval1.value() == eval2.value());
    Var train = m->forward(x, true, rng);
    CHECK(train.value() != eval1.value());
}

TEST_CASE("model: softmax_cross_entropy needs >= 2 outputs, no sigmoid last, one class name per output")
{
    auto errors_of = [](const std::string& json) {
        auto r = parse_spec_text(json);
        REQUIRE_MESSAGE(r.ok(), (r.errors.empty() ? "" : r.errors[0].message));
        std::vector<SpecError> errors;
        auto m = Model::build(r.spec, errors);
        CHECK((m == nullptr) == !errors.empty());
        return errors;
    };
    const std::string head =
        R"({"input": {"length": 10}, "loss": "softmax_cross_entropy", "layers": [{"type": "flatten"}, )";
    CHECK(errors_of(head + R"({"type": "dense", "units": 3}], "classes": ["a", "b", "c"]})").empty());
    auto one = errors_of(head + R"({"type": "dense", "units": 1}]})");
    REQUIRE(one.size() == 1);
    CHECK(one[0].message.find("needs one per class, at least 2") != std::string::npos);
    auto sigmoid = errors_of(head + R"({"type": "dense", "units": 3, "activation": "sigmoid"}]})");
    REQUIRE(sigmoid.size() == 1);
    CHECK(sigmoid[0].field == "layers[1]");
    CHECK(sigmoid[0].message.find("applies a softmax") != std::string::npos);
    auto names = errors_of(head + R"({"type": "dense", "units": 3}], "classes": ["a", "b"]})");
    REQUIRE(names.size() == 1);
    CHECK(names[0].field == "classes");
    CHECK(names[0].message == "classes: 2 names, but the last layer has 3 outputs (one name per output)");
    // The binary rule is unchanged: 3 outputs with bce_with_logits is an error.
    CHECK(errors_of(
              R"({"input": {"length": 10}, "layers": [{"type": "flatten"}, {"type": "dense", "units": 3}]})")
              .size() == 1);
}
