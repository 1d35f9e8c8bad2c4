// tests/core/test_cls_token.cpp: prepend_token and first_position (a [CLS] readout) against direct indexing,
// their gradients by finite differences, and the pair as spec layers (cls_token, cls_readout) in a model.
#include "core/nn/model.hpp"
#include "core/ops/attention.hpp"
#include "core/ops/ops.hpp"
#include "gradcheck.hpp"

namespace test_cls_token {

using namespace helix;
using namespace helix::test;

TEST_CASE(
    "prepend_token and first_position: the token at position 0, read back; gradients by finite differences")
{
    Rng rng(120);
    const Tensor x = uniform({3, 4, 5}, -1, 1, rng), t = uniform({5}, -1, 1, rng);
    const Tensor y = ops::prepend_token(Var(x), Var(t)).value();
    REQUIRE(y.shape()[1] == 5);
    for (std::size_t b = 0; b < 3; ++b)
        for (std::size_t d = 0; d < 5; ++d) {
            CHECK(y(b, 0, d) == t(d));
            for (std::size_t l = 0; l < 4; ++l) CHECK(y(b, l + 1, d) == x(b, l, d));
        }
    const Tensor first = ops::first_position(Var(x)).value();
    for (std::size_t b = 0; b < 3; ++b)
        for (std::size_t d = 0; d < 5; ++d) CHECK(first(b, d) == x(b, 0, d));
    CHECK(gradcheck([](const std::vector<Var>& v) { return ops::prepend_token(v[0], v[1]); }, {x, t}, 1e-2f,
                    1e-4f));
    CHECK(gradcheck([](const Var& v) { return ops::first_position(v); }, x, 1e-2f, 1e-4f));
    // the pair: only the token's own output is read, so x's gradient is zero and the token's is dy summed
    Var vx(x, true), vt(t, true);
    backward(ops::sum(ops::first_position(ops::prepend_token(vx, vt))));
    CHECK(xt::amax(xt::abs(vx.grad()))() == 0.0f);
    CHECK_ALLCLOSE(vt.grad(), Tensor(xt::ones<float>({5}) * 3.0f), 0.0f, 0.0f);
}

TEST_CASE("cls_token then a transformer block then cls_readout: a [CLS] classifier builds and runs")
{
    auto r = nn::parse_spec_text(R"({"input": {"length": 30}, "layers": [
        {"type": "conv1d", "filters": 8, "kernel_size": 3, "padding": "same"}, {"type": "cls_token"},
        {"type": "transformer_block", "heads": 2}, {"type": "cls_readout"}, {"type": "dense", "units": 1}]})");
    REQUIRE(r.ok());
    std::vector<nn::SpecError> errors;
    auto m = nn::Model::build(r.spec, errors);
    REQUIRE(m);
    Rng rng(1);
    Var y = m->forward(Tensor(xt::ones<float>({std::size_t{2}, std::size_t{30}, std::size_t{4}}) * 0.25f),
                       false, rng);
    CHECK(y.shape() == Shape{2, 1});
}

}  // namespace test_cls_token
