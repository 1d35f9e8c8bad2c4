// tests/core/test_losses.cpp: the three losses: values against their definitions, stability for huge
// logits, gradients by finite differences, and masks (masked entries get zero gradient and are never read;
// all masked gives loss 0 and zero gradient). tol 2e-3 at eps 1e-2: smooth functions of O(1) curvature.
#include <cmath>
#include <limits>

#include "core/ops/ops.hpp"
#include "gradcheck.hpp"

using namespace helix;
using namespace helix::test;

namespace {
const float missing = std::numeric_limits<float>::quiet_NaN();
}

TEST_CASE("bce_with_logits: equals -[y log s(z) + (1-y) log(1-s(z))] averaged, and is finite for huge logits")
{
    Tensor z = tensor({3, 1}, {0.5f, -1, 2}), y = tensor({3, 1}, {1, 0, 0.3f});
    double expect = 0.0;
    for (std::size_t i = 0; i < 3; ++i) {
        const double s = 1.0 / (1.0 + std::exp(-double(z(i, 0))));
        expect -= y(i, 0) * std::log(s) + (1 - y(i, 0)) * std::log(1 - s);
    }
    CHECK(ops::bce_with_logits(Var(z), y).value()(0) == doctest::Approx(expect / 3).epsilon(1e-6));
    Tensor big{1000.0f, -1000.0f}, t{0.0f, 0.0f};
    CHECK(ops::bce_with_logits(Var(big), t).value()(0) == doctest::Approx(500.0f));
    Var zb(big, true);
    backward(ops::bce_with_logits(zb, t));
    CHECK(zb.grad()(0) == doctest::Approx(0.5f));  // (sigmoid(1000) - 0) / 2
    CHECK(zb.grad()(1) == doctest::Approx(0.0f));
}

TEST_CASE("bce_with_logits: gradient matches finite differences, with and without a mask")
{
    Rng rng(1);
    Tensor z = uniform({4, 3}, -3, 3, rng), y = uniform({4, 3}, 0, 1, rng);
    Tensor mask = xt::ones<float>(Shape{4, 3});
    mask(0, 1) = mask(2, 2) = mask(3, 0) = 0.0f;
    CHECK(gradcheck([&](const Var& v) { return ops::bce_with_logits(v, y); }, z, 1e-2f, 2e-3f));
    CHECK(gradcheck([&](const Var& v) { return ops::bce_with_logits(v, y, mask); }, z, 1e-2f, 2e-3f));
}

TEST_CASE("bce_with_logits: masked entries are skipped (even NaN labels) and get zero gradient")
{
    Tensor z{0.3f, -0.7f, 1.1f}, y{1.0f, missing, 0.0f}, mask{1.0f, 0.0f, 1.0f};
    Var zv(z, true);
    Var loss = ops::bce_with_logits(zv, y, mask);
    const Tensor z2{0.3f, 1.1f}, y2{1.0f, 0.0f};
    CHECK(loss.value()(0) ==
          doctest::Approx(ops::bce_with_logits(Var(z2), y2).value()(0)));  // mean over 2, not 3
    backward(loss);
    CHECK(zv.grad()(1) == 0.0f);
    CHECK(zv.grad()(0) != 0.0f);
    Var all_masked(z, true);
    Var zero = ops::bce_with_logits(all_masked, y, Tensor{0.0f, 0.0f, 0.0f});
    CHECK(zero.value()(0) == 0.0f);
    backward(zero);
    CHECK(all_masked.grad() == xt::zeros<float>(Shape{3}));
}

TEST_CASE("softmax_cross_entropy: log-sum-exp minus the true logit; stable; gradient; mask per row")
{
    Tensor z{{1.0f, 2.0f, 3.0f}, {0.0f, 0.0f, 0.0f}}, cls{2.0f, 0.0f};
    const double lse0 = std::log(std::exp(1.0) + std::exp(2.0) + std::exp(3.0));
    CHECK(ops::softmax_cross_entropy(Var(z), cls).value()(0) ==
          doctest::Approx((lse0 - 3.0 + std::log(3.0)) / 2).epsilon(1e-6));
    Tensor big{{1000.0f, -1000.0f}};
    CHECK(ops::softmax_cross_entropy(Var(big), Tensor{1.0f}).value()(0) == doctest::Approx(2000.0f));
    Rng rng(2);
    Tensor logits = uniform({5, 4}, -3, 3, rng), classes{0.0f, 3.0f, 1.0f, 2.0f, 3.0f};
    Tensor mask{1.0f, 0.0f, 1.0f, 1.0f, 0.0f};
    CHECK(gradcheck([&](const Var& v) { return ops::softmax_cross_entropy(v, classes); }, logits, 1e-2f,
                    2e-3f));
    CHECK(gradcheck([&](const Var& v) { return ops::softmax_cross_entropy(v, classes, mask); }, logits, 1e-2f,
                    2e-3f));
    Var lv(logits, true);
    backward(ops::softmax_cross_entropy(lv, Tensor{0.0f, missing, 1.0f, 2.0f, missing},
                                        mask));  // masked rows unread
    for (std::size_t k = 0; k < 4; ++k) {
        CHECK(lv.grad()(1, k) == 0.0f);
        CHECK(lv.grad()(4, k) == 0.0f);
    }
    Var all(logits, true);
    Var zero = ops::softmax_cross_entropy(all, classes, xt::zeros<float>(Shape{5}));
    CHECK(zero.value()(0) == 0.0f);
    backward(zero);
    CHECK(all.grad() == xt::zeros<float>(Shape{5, 4}));
}

TEST_CASE("mse: mean squared error over counted entries; gradient; mask")
{
    Tensor p{1.0f, 2.0f, 4.0f}, t{0.0f, 2.0f, 1.0f};
    CHECK(ops::mse(Var(p), t).value()(0) == doctest::Approx(10.0f / 3));
    CHECK(ops::mse(Var(p), Tensor{0.0f, missing, 1.0f}, Tensor{1.0f, 0.0f, 1.0f}).value()(0) ==
          doctest::Approx(5.0f));
    Rng rng(3);
    Tensor pred = uniform({3, 4}, -2, 2, rng), target = uniform({3, 4}, -2, 2, rng);
    Tensor mask = xt::ones<float>(Shape{3, 4});
    mask(1, 1) = 0.0f;
    CHECK(gradcheck([&](const Var& v) { return ops::mse(v, target); }, pred, 1e-2f, 2e-3f));
    CHECK(gradcheck([&](const Var& v) { return ops::mse(v, target, mask); }, pred, 1e-2f, 2e-3f));
    Var pv(pred, true);
    backward(ops::mse(pv, target, mask));
    CHECK(pv.grad()(1, 1) == 0.0f);
    Var all(pred, true);
    Var zero = ops::mse(all, target, xt::zeros<float>(Shape{3, 4}));
    CHECK(zero.value()(0) == 0.0f);
    backward(zero);
    CHECK(all.grad() == xt::zeros<float>(Shape{3, 4}));
}
