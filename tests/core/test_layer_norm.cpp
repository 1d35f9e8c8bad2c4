// tests/core/test_layer_norm.cpp: layer normalisation over the last axis. Nonlinear in x through 1/std; O(1)
// inputs with row std ~0.5, eps 1e-2: tol 2e-3 covers the O(eps^2) truncation error.
#include "core/ops/norm.hpp"
#include "gradcheck.hpp"

using namespace helix;
using namespace helix::test;

TEST_CASE("layer_norm: each row to mean 0 and biased variance 1, then gamma, beta; rows independent")
{
    Tensor x = tensor({2, 4}, {1, 2, 3, 6, -5, -5, -5, 3});
    Tensor g = tensor({4}, {1, 1, 2, 1}), b = tensor({4}, {0, 0, 0, 1});
    Tensor y = ops::layer_norm(Var(x), Var(g), Var(b), 0.0f).value();
    // row 0: mean 3, variance (4 + 1 + 0 + 9) / 4 = 3.5; row 1: mean -3, variance (4*3 + 36) / 4 = 12
    const float s0 = std::sqrt(3.5f), s1 = std::sqrt(12.0f);
    CHECK_ALLCLOSE(y,
                   tensor({2, 4}, {-2 / s0, -1 / s0, 0, 3 / s0 + 1, -2 / s1, -2 / s1, -4 / s1, 6 / s1 + 1}),
                   1e-5f, 1e-6f);
    // a constant row: variance 0, so eps keeps it finite and the output is beta
    Tensor yc = ops::layer_norm(Var(tensor({1, 3}, {7, 7, 7})), Var(tensor({3}, {1, 1, 1})),
                                Var(tensor({3}, {1, 2, 3})))
                    .value();
    CHECK(yc == tensor({1, 3}, {1, 2, 3}));
}

TEST_CASE("layer_norm: dx, dgamma, dbeta match finite differences for (B, F) and (B, L, F)")
{
    Rng rng(1);
    for (Shape s : {Shape{3, 5}, Shape{2, 3, 4}, Shape{1, 2}}) {
        const std::size_t D = s.back();
        Tensor x = uniform(s, -1, 1, rng), g = uniform({D}, 0.5f, 1.5f, rng),
               b = uniform({D}, -0.5f, 0.5f, rng);
        CHECK(gradcheck([](const std::vector<Var>& v) { return ops::layer_norm(v[0], v[1], v[2]); },
                        {x, g, b}, 1e-2f, 2e-3f));
    }
}
