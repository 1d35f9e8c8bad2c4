// tests/core/test_activations.cpp: relu, sigmoid, tanh, softmax. Gradients by finite differences with
// eps 1e-2 (float outputs of O(1): rounding error ~1e-7/eps) and tol 2e-3 (curvature: eps^2 f'''/6 ~ 1e-4).
#include <cmath>

#include "core/ops/ops.hpp"
#include "gradcheck.hpp"

using namespace helix;
using namespace helix::test;

TEST_CASE("relu: max(x, 0), gradient matches finite differences away from the kink")
{
    Tensor x = uniform({3, 5}, -2.0f, 2.0f, Rng(/*seed=*/7));
    keep_away_from(x, /*kink=*/0.0f, /*margin=*/0.05f);  // a difference across 0 sees a slope in (0, 1)
    Tensor y = ops::relu(Var(x)).value();
    for (std::size_t i = 0; i < x.size(); ++i) CHECK(y.data()[i] == std::max(x.data()[i], 0.0f));
    CHECK(gradcheck([](const Var& v) { return ops::relu(v); }, x, 1e-2f, 1e-3f));
}

TEST_CASE("relu: the gradient at exactly 0 is 0, as in PyTorch")
{
    Var x(Tensor{0.0f, 1.0f, -1.0f}, true);
    backward(ops::sum(ops::relu(x)));
    CHECK(x.grad()(0) == 0.0f);
    CHECK(x.grad()(1) == 1.0f);
    CHECK(x.grad()(2) == 0.0f);
}

TEST_CASE("sigmoid: stable for large |x|, gradient matches finite differences")
{
    Tensor big{-200.0f, -30.0f, 0.0f, 30.0f, 200.0f};
    Tensor y = ops::sigmoid(Var(big)).value();
    CHECK(y(0) == 0.0f);
    CHECK(y(2) == 0.5f);
    CHECK(y(4) == 1.0f);
    for (float v : y) CHECK(std::isfinite(v));
    CHECK(gradcheck([](const Var& v) { return ops::sigmoid(v); }, uniform({4, 6}, -4, 4, Rng(8)), 1e-2f,
                    2e-3f));
}

TEST_CASE("tanh: gradient matches finite differences")
{
    CHECK(gradcheck([](const Var& v) { return ops::tanh(v); }, uniform({4, 6}, -3, 3, Rng(9)), 1e-2f, 2e-3f));
}

TEST_CASE("softmax: rows sum to 1 even for huge logits; gradient matches finite differences")
{
    Tensor big{{1000.0f, 0.0f, -1000.0f}, {-1e30f, -1e30f, -1e30f}};
    Tensor y = ops::softmax(Var(big)).value();
    CHECK(y(0, 0) == doctest::Approx(1.0f));
    CHECK(y(0, 2) == 0.0f);
    CHECK(y(1, 1) == doctest::Approx(1.0f / 3));
    // the weighted sum in gradcheck makes this a real test: the plain sum of a softmax is constant
    CHECK(gradcheck([](const Var& v) { return ops::softmax(v); }, uniform({3, 5}, -3, 3, Rng(10)), 1e-2f,
                    2e-3f));
    CHECK(gradcheck([](const Var& v) { return ops::softmax(v); }, uniform({2, 3, 4}, -3, 3, Rng(11)), 1e-2f,
                    2e-3f));
}
