// tests/core/test_recurrent_layers.cpp: LSTM / GRU / normalisation layers inside a model: shapes, names,
// any sequence length, training and eval modes, and a model file that carries batch-norm statistics.
#include <doctest/doctest.h>

#include "core/io/sequence_model_file.hpp"
#include "core/nn/model.hpp"

using namespace helix;
using namespace helix::nn;

// One namespace for the whole file, tests included: the unity build (CMakeLists.txt) compiles test files
// together, where helpers of the same name in two files would clash.
namespace test_recurrent_layers {
std::unique_ptr<Model> build(const std::string& json)
{
    auto r = parse_spec_text(json);
    REQUIRE_MESSAGE(r.ok(), (r.errors.empty() ? "" : r.errors[0].message));
    std::vector<SpecError> errors;
    auto m = Model::build(r.spec, errors);
    REQUIRE_MESSAGE(m, (errors.empty() ? "" : errors[0].message));
    return m;
}
std::vector<std::string> names(Model& m)
{
    std::vector<std::string> out;
    for (auto* p : m.params()) out.push_back(p->name);
    return out;
}

TEST_CASE("recurrent layers: a CNN + bidirectional LSTM takes any length and names its weights as PyTorch")
{
    auto m = build(R"({"layers": [
        {"type": "conv1d", "name": "conv", "filters": 6, "kernel_size": 5, "activation": "relu"},
        {"type": "max_pool1d", "name": "pool", "pool_size": 2},
        {"type": "lstm", "name": "rnn", "units": 3, "bidirectional": true},
        {"type": "dense", "name": "out", "units": 1}]})");
    CHECK(names(*m) == std::vector<std::string>{"conv.weight", "conv.bias", "rnn.weight_ih", "rnn.weight_hh",
                                                "rnn.bias", "rnn.weight_ih_reverse", "rnn.weight_hh_reverse",
                                                "rnn.bias_reverse", "out.weight", "out.bias"});
    CHECK(m->params()[2]->var.shape() == Shape{6, 12});
    CHECK(m->min_length() == 6);
    Rng rng(0);
    for (std::size_t L : {6, 40}) {
        Var y = m->forward(xt::ones<float>({std::size_t{2}, L, std::size_t{4}}) * 0.25f, false, rng);
        CHECK(y.shape() == Shape{2, 1});
    }
}

TEST_CASE("recurrent layers: GRU with return_sequences feeds global pooling; a flat input is refused")
{
    auto m = build(R"({"layers": [{"type": "gru", "name": "g", "units": 4, "return_sequences": true},
        {"type": "global_avg_pool"}, {"type": "dense", "units": 1}]})");
    CHECK(names(*m)[2] == "g.bias_ih");
    Rng rng(0);
    CHECK(m->forward(xt::ones<float>({std::size_t{3}, std::size_t{7}, std::size_t{4}}), false, rng).shape() ==
          Shape{3, 1});
    auto r = parse_spec_text(R"({"layers": [{"type": "global_max_pool"}, {"type": "lstm", "units": 2},
        {"type": "dense", "units": 1}]})");
    std::vector<SpecError> errors;
    CHECK_FALSE(Model::build(r.spec, errors));
    CHECK(errors.at(0).message.find("lstm reads a sequence") != std::string::npos);
}

TEST_CASE("norm layers: batch norm learns its statistics in training, uses them in eval, and saves them")
{
    auto m = build(R"({"input": {"length": 6}, "layers": [{"type": "flatten"},
        {"type": "batch_norm", "name": "bn"}, {"type": "layer_norm", "name": "ln"}, {"type": "dense", "units": 1}]})");
    auto* running_mean = m->params()[2];
    CHECK(running_mean->name == "bn.running_mean");
    CHECK_FALSE(running_mean->var.requires_grad());
    Tensor x = xt::ones<float>({std::size_t{4}, std::size_t{6}, std::size_t{4}});
    x(0, 0, 0) = 5.0f;
    Rng rng(0);
    Var eval_before = m->forward(x, false, rng);
    m->forward(x, true, rng);
    CHECK(running_mean->var.value()(0) != 0.0f);
    Var eval_after = m->forward(x, false, rng);
    CHECK(eval_before.value() != eval_after.value());
    auto loaded = io::load_model(io::save_model(*m));
    REQUIRE(loaded.errors.empty());
    CHECK(loaded.model->params()[2]->var.value() == running_mean->var.value());
    CHECK(loaded.model->forward(x, false, rng).value() == eval_after.value());
}

}  // namespace test_recurrent_layers
