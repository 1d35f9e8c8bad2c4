// tests/core/test_transformer_layers.cpp: the spec layers of transformers and profile models: a
// transformer_block against torch.nn.TransformerEncoderLayer(norm_first, gelu) through
// tests/fixtures/attention_profile.json (1e-4 relative, parameters and input gradients); a spec with every
// new layer (dilated conv1d tower with residual adds, crop, positional, transformer_block, mean pooling)
// builds, runs forward and backward and writes back what it read; spec and shape errors name the field or
// layer.
#include <doctest/doctest.h>

#include <string>

#include "core/nn/model.hpp"
#include "core/nn/transformer_layers.hpp"
#include "core/ops/ops.hpp"
#include "gradcheck.hpp"

namespace test_transformer_layers {

using namespace helix;
using namespace helix::nn;

// The first error of parsing and building `json` ("" when it builds).
std::string first_error(const std::string& json)
{
    auto r = parse_spec_text(json);
    if (!r.ok()) return r.errors[0].message;
    std::vector<SpecError> errors;
    auto m = Model::build(r.spec, errors);
    return errors.empty() ? "" : errors[0].message;
}

std::string spec_with(const std::string& layers, std::size_t length = 100)
{
    return R"({"input": {"length": )" + std::to_string(length) + R"(}, "layers": [)" + layers +
           R"(, {"type": "global_avg_pool"}, {"type": "dense", "units": 1}]})";
}

TEST_CASE(
    "transformer_block: nn.TransformerEncoderLayer (norm_first, gelu, no dropout): y, dx, every parameter")
{
    const std::string f = "attention_profile/transformer_block/";
    LayerSpec s;
    s.type = "transformer_block", s.name = "block";
    s.heads = test::fixture_json(f + "heads").get<std::size_t>();
    s.ff_units = test::fixture_json(f + "ff_units").get<std::size_t>();
    TransformerBlock block(s);
    const Tensor x0 = test::fixture(f + "x");
    Rng rng(1);
    block.build({x0.shape()[1], x0.shape()[2]}, rng);
    REQUIRE(block.params().size() == 16);
    for (auto& p : block.params()) p.var = Var(test::fixture(f + p.name.substr(6)), true);  // drop "block."
    Var x(x0, true);
    ForwardCtx ctx;
    ctx.rng = &rng;
    block.keep_attention(true);
    Var y = block.forward(x, ctx);
    CHECK_ALLCLOSE(y.value(), test::fixture(f + "y"), 1e-4f, 1e-6f);
    CHECK(block.attention().shape()[1] == s.heads);
    backward(test::detail::weighted_sum(y, test::fixture(f + "r")));
    CHECK_ALLCLOSE(x.grad(), test::fixture(f + "dx"), 1e-4f, 1e-6f);
    for (auto& p : block.params()) {
        const std::string key = p.name.substr(6);
        INFO("d" << key);
        CHECK_ALLCLOSE(p.var.grad(), test::fixture(f + "d" + key), 1e-4f, 1e-6f);
    }
}

const char* kProfileTransformer = R"({"input": {"length": 120}, "layers": [
    {"type": "conv1d", "name": "stem", "filters": 8, "kernel_size": 5, "padding": "same", "activation": "relu"},
    {"type": "conv1d", "name": "dil2", "filters": 8, "kernel_size": 3, "padding": "same", "dilation": 2,
     "activation": "relu"},
    {"type": "add", "name": "res2", "inputs": ["stem", "dil2"]},
    {"type": "conv1d", "name": "dil4", "filters": 8, "kernel_size": 3, "dilation": 4, "activation": "gelu"},
    {"type": "crop", "name": "window", "length": 100},
    {"type": "positional", "name": "pos", "encoding": "learned"},
    {"type": "positional", "name": "sin"},
    {"type": "transformer_block", "name": "block", "heads": 2, "ff_units": 16, "rate": 0.1, "alibi": true,
     "max_length": 100},
    {"type": "global_avg_pool", "name": "mean"},
    {"type": "dense", "name": "out", "units": 1}], "training": {"seed": 3}})";

TEST_CASE(
    "a spec with a dilated residual tower, crop, positions and a transformer block builds, trains, "
    "round-trips")
{
    auto r = parse_spec_text(kProfileTransformer);
    REQUIRE_MESSAGE(r.ok(), (r.errors.empty() ? "" : r.errors[0].message));
    std::vector<SpecError> errors;
    auto m = Model::build(r.spec, errors);
    REQUIRE_MESSAGE(m, (errors.empty() ? "" : errors[0].message));
    const double D = 8, F = 16;
    const double block = 4 * (D * D + D) + 4 * D + (D * F + F) + (F * D + D);
    CHECK(m->parameter_count() == (5 * 4 * 8 + 8) + (3 * 8 * 8 + 8) + (3 * 8 * 8 + 8) + 100 * 8 + block +
                                      (8 + 1));  // dil4: 120-8 = 112
    CHECK(m->check_length(120).empty());
    Rng rng(0);
    Tensor x = xt::zeros<float>({std::size_t{3}, std::size_t{120}, std::size_t{4}});
    for (std::size_t b = 0; b < 3; ++b)
        for (std::size_t l = 0; l < 120; ++l) x(b, l, (b + l * 7) % 4) = 1.0f;
    Var y = m->forward(x, true, rng);
    CHECK(y.shape() == Shape{3, 1});
    backward(ops::sum(y));
    for (Param* p : m->params()) {
        INFO(p->name);
        CHECK(xt::amax(xt::abs(p->var.grad()))() > 0.0f);  // every parameter is reached by the gradient
    }
    // written back, the spec reads the same layers again
    const nlohmann::json back = spec_to_json(r.spec);
    CHECK(back["layers"][1]["dilation"] == 2);
    CHECK(back["layers"][4]["length"] == 100);
    CHECK(back["layers"][5]["encoding"] == "learned");
    CHECK(back["layers"][7]["heads"] == 2);
    CHECK(back["layers"][7]["alibi"] == true);
    auto again = parse_spec(back);
    REQUIRE(again.ok());
    CHECK(spec_to_json(again.spec) == back);
}

TEST_CASE("spec errors of the new layers name the field, or the layer and the reason")
{
    CHECK(first_error(spec_with(R"({"type": "conv1d", "filters": 4, "kernel_size": 3, "dilation": 0})")) ==
          "layers[0].dilation: must be an integer ≥ 1, got 0");
    CHECK(first_error(spec_with(R"({"type": "crop"})")) ==
          "layers[0].length: missing: the central window to keep, in positions");
    CHECK(first_error(spec_with(R"({"type": "crop", "length": 150})")) ==
          "layers[0] (crop_0): length 150 is longer than its input (100 positions)");
    CHECK(first_error(spec_with(R"({"type": "conv1d", "filters": 4, "kernel_size": 3, "dilation": 60})")) ==
          "layers[0] (conv1d_0): kernel_size 3 at dilation 60 (121 positions) is longer than its input (100 "
          "positions)");
    CHECK(first_error(spec_with(R"({"type": "conv1d", "filters": 6, "kernel_size": 1},
        {"type": "transformer_block"})")) ==
          "layers[1].heads: missing: how many attention heads (dividing the width)");
    CHECK(first_error(spec_with(R"({"type": "conv1d", "filters": 6, "kernel_size": 1},
        {"type": "transformer_block", "heads": 4})")) ==
          "layers[1] (transformer_block_1): heads 4 does not divide the width of its input (6 channels)");
    CHECK(first_error(spec_with(R"({"type": "conv1d", "filters": 8, "kernel_size": 1},
        {"type": "transformer_block", "heads": 2, "max_length": 64})")) ==
          "layers[1] (transformer_block_1): its input has 100 positions, more than max_length 64");
    CHECK(first_error(spec_with(R"({"type": "positional", "encoding": "rotary"})"))
              .find("layers[0].encoding: 'rotary' is not one of") == 0);
    CHECK(first_error(R"({"layers": [{"type": "conv1d", "filters": 8, "kernel_size": 1},
        {"type": "positional", "encoding": "learned"}, {"type": "global_avg_pool"}, {"type": "dense", "units": 1}]})")
              .find("encoding learned needs max_length") != std::string::npos);
    CHECK(first_error(spec_with(R"({"type": "conv1d", "filters": 8, "kernel_size": 1},
        {"type": "transformer_block", "heads": 2, "rate": 1})"))
              .rfind("layers[1].rate: ", 0) == 0);
    CHECK(first_error(spec_with(R"({"type": "conv1d", "filters": 8, "kernel_size": 1, "activation": "gelu"},
        {"type": "gelu"}, {"type": "transformer_block", "heads": 2, "causal": true})")) == "");
}

}  // namespace test_transformer_layers
