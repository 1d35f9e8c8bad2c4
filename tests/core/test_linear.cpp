// tests/core/test_linear.cpp: matmul and add_bias, forward against plain loops, gradients against finite
// differences; linear (both in one op, relu fused or not) against them. Tolerances: eps 1e-2 on O(1)
// inputs; these ops are linear in each input, so the central difference is exact up to float rounding of the
// outputs (~1e-6 / 2eps), hence tol 1e-3.
#include <array>
#include <functional>
#include <vector>

#include "core/ops/ops.hpp"
#include "gradcheck.hpp"

using namespace helix;
using namespace helix::test;

TEST_CASE("matmul: forward is x * w, and dx, dw match finite differences")
{
    Rng rng(1);
    for (auto [B, I, O] : {std::array<std::size_t, 3>{1, 1, 1}, {1, 5, 3}, {3, 4, 9}, {7, 13, 5}}) {
        Tensor x = uniform({B, I}, -1, 1, rng), w = uniform({I, O}, -1, 1, rng);
        Tensor expect = xt::zeros<float>(Shape{B, O});
        for (std::size_t b = 0; b < B; ++b)
            for (std::size_t o = 0; o < O; ++o)
                for (std::size_t i = 0; i < I; ++i) expect(b, o) += x(b, i) * w(i, o);
        CHECK_ALLCLOSE(ops::matmul(Var(x), Var(w)).value(), expect, 1e-5f, 1e-6f);
        CHECK(gradcheck([](const std::vector<Var>& v) { return ops::matmul(v[0], v[1]); }, {x, w}, 1e-2f,
                        1e-3f));
    }
}

TEST_CASE("matmul: only the inputs that need a gradient get one")
{
    Rng rng(2);
    Var x(uniform({2, 3}, -1, 1, rng), false), w(uniform({3, 4}, -1, 1, rng), true);
    backward(ops::sum(ops::matmul(x, w)));
    CHECK_FALSE(x.has_grad());
    CHECK(w.has_grad());
}

TEST_CASE("add_bias: broadcasts over every leading axis; dx and db match finite differences")
{
    Rng rng(3);
    Tensor x = uniform({2, 3, 4}, -1, 1, rng), b = uniform({4}, -1, 1, rng);
    Tensor y = ops::add_bias(Var(x), Var(b)).value();
    CHECK(y(1, 2, 3) == x(1, 2, 3) + b(3));
    CHECK(y(0, 1, 0) == x(0, 1, 0) + b(0));
    CHECK(
        gradcheck([](const std::vector<Var>& v) { return ops::add_bias(v[0], v[1]); }, {x, b}, 1e-2f, 1e-3f));
    Tensor x1 = uniform({1, 4}, -1, 1, rng);  // a batch of 1
    CHECK(gradcheck([](const std::vector<Var>& v) { return ops::add_bias(v[0], v[1]); }, {x1, b}, 1e-2f,
                    1e-3f));
}

namespace {

// Values and every gradient of sum(y * r) for y = op(x, w, b), r fixed: the fused op against its parts.
std::vector<Tensor> values_and_grads(const std::function<Var(const Var&, const Var&, const Var&)>& op,
                                     const Tensor& x, const Tensor& w, const Tensor& b, const Tensor& r)
{
    Var vx(x, true), vw(w, true), vb(b, true);
    Var y = op(vx, vw, vb);
    backward(ops::weighted_sum(y, r));
    return {y.value(), vx.grad(), vw.grad(), vb.grad()};
}

}  // namespace

TEST_CASE("linear: the same values and gradients as matmul + add_bias (+ relu), with the bias and relu fused")
{
    Rng rng(4);
    for (const auto& dims : {std::array<std::size_t, 3>{1, 1, 1}, {3, 4, 9}, {7, 300, 13}, {64, 20, 32}}) {
        const std::size_t B = dims[0], I = dims[1],
                          O = dims[2];  // named copies: INFO's lambda cannot capture bindings
        INFO("B=" << B << " I=" << I << " O=" << O);
        Tensor x = uniform({B, I}, -1, 1, rng), w = uniform({I, O}, -1, 1, rng), b = uniform({O}, -1, 1, rng);
        Tensor r = uniform({B, O}, -1, 1, rng);
        const auto parts =
            values_and_grads([](const Var& x, const Var& w,
                                const Var& b) { return ops::relu(ops::add_bias(ops::matmul(x, w), b)); },
                             x, w, b, r);
        const auto fused = values_and_grads(
            [](const Var& x, const Var& w, const Var& b) { return ops::linear(x, w, b, ops::Fused::relu); },
            x, w, b, r);
        for (std::size_t i = 0; i < parts.size(); ++i) CHECK_ALLCLOSE(fused[i], parts[i], 1e-5f, 1e-6f);
        const auto plain = values_and_grads(
            [](const Var& x, const Var& w, const Var& b) { return ops::linear(x, w, b); }, x, w, b, r);
        const auto plain_parts = values_and_grads(
            [](const Var& x, const Var& w, const Var& b) { return ops::add_bias(ops::matmul(x, w), b); }, x,
            w, b, r);
        for (std::size_t i = 0; i < plain.size(); ++i) CHECK_ALLCLOSE(plain[i], plain_parts[i], 1e-5f, 1e-6f);
    }
    Tensor x = uniform({3, 5}, -1, 1, rng), w = uniform({5, 4}, -1, 1, rng), b = uniform({4}, -1, 1, rng);
    CHECK(gradcheck([](const std::vector<Var>& v) { return ops::linear(v[0], v[1], v[2]); }, {x, w, b}, 1e-2f,
                    1e-3f));
    CHECK(gradcheck([](const std::vector<Var>& v) { return ops::linear(v[0], v[1], Var()); }, {x, w}, 1e-2f,
                    1e-3f));
}
