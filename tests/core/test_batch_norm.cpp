// tests/core/test_batch_norm.cpp: batch normalisation, training and eval. Training gradients include the
// batch statistics' dependence on x (the terms a careless backward drops); inputs are O(1) with feature
// std ~0.5, so the normalisation is smooth on the eps 1e-2 scale: tol 2e-3 leaves room for the O(eps^2)
// truncation error of the central difference (nonlinear in x through 1/std).
#include <cmath>

#include "core/ops/norm.hpp"
#include "gradcheck.hpp"

using namespace helix;
using namespace helix::test;

namespace {

// batch_norm with fresh running statistics (zeros, ones), so each evaluation by gradcheck starts alike.
Var bn_train(const std::vector<Var>& v)
{
    const std::size_t F = v[1].dim(0);
    Tensor rm = xt::zeros<float>(Shape{F}), rv = xt::ones<float>(Shape{F});
    return ops::batch_norm(v[0], v[1], v[2], rm, rv, /*training=*/true);
}

}  // namespace

TEST_CASE("batch_norm training: each feature normalised to mean 0, biased variance 1, then gamma, beta")
{
    Rng rng(1);
    Tensor x = uniform({6, 3}, -2, 3, rng);
    Tensor rm = xt::zeros<float>(Shape{3}), rv = xt::ones<float>(Shape{3});
    Tensor gamma = tensor({3}, {1, 2, -0.5f}), beta = tensor({3}, {0, 1, 0.25f});
    Tensor y = ops::batch_norm(Var(x), Var(gamma), Var(beta), rm, rv, true, 0.1f, 0.0f).value();
    for (std::size_t f = 0; f < 3; ++f) {
        Tensor z = (xt::view(y, xt::all(), f) - beta(f)) / gamma(f);
        CHECK(xt::mean(z)() == doctest::Approx(0.0).epsilon(1e-5).scale(1));
        CHECK(xt::mean(z * z)() == doctest::Approx(1.0).epsilon(1e-5));
    }
}

TEST_CASE(
    "batch_norm training: running stats move by momentum toward the batch mean and the unbiased variance")
{
    Tensor x = tensor({4, 2}, {1, 10, 2, 20, 3, 30, 6, 40});  // feature 0: mean 3, feature 1: mean 25
    Tensor rm = tensor({2}, {1, -1}), rv = tensor({2}, {2, 3});
    Tensor g = xt::ones<float>(Shape{2}), b = xt::zeros<float>(Shape{2});
    ops::batch_norm(Var(x), Var(g), Var(b), rm, rv, true, /*momentum=*/0.25f);
    // unbiased variances: (4 + 1 + 0 + 9) / 3 = 14/3 and (225 + 25 + 25 + 225) / 3 = 500/3
    CHECK(rm(0) == doctest::Approx(0.75 * 1 + 0.25 * 3));
    CHECK(rm(1) == doctest::Approx(0.75 * -1 + 0.25 * 25));
    CHECK(rv(0) == doctest::Approx(0.75 * 2 + 0.25 * 14.0 / 3));
    CHECK(rv(1) == doctest::Approx(0.75 * 3 + 0.25 * 500.0 / 3));
    // (B, L, F): statistics over B and L together
    Tensor x3 = tensor({2, 2, 1}, {1, 2, 3, 6}), rm3 = xt::zeros<float>(Shape{1}),
           rv3 = xt::zeros<float>(Shape{1});
    ops::batch_norm(Var(x3), Var(tensor({1}, {1})), Var(tensor({1}, {0})), rm3, rv3, true, 1.0f);
    CHECK(rm3(0) == doctest::Approx(3.0));
    CHECK(rv3(0) == doctest::Approx(14.0 / 3));
    // a single row: no unbiased variance, so running_var is kept (PyTorch refuses to train on it)
    Tensor rm1 = tensor({1}, {0}), rv1 = tensor({1}, {5});
    Tensor y1 = ops::batch_norm(Var(tensor({1, 1}, {4})), Var(tensor({1}, {1})), Var(tensor({1}, {0.5f})),
                                rm1, rv1, true, 0.5f)
                    .value();
    CHECK(y1(0, 0) == 0.5f);
    CHECK(rm1(0) == 2.0f);
    CHECK(rv1(0) == 5.0f);
}

TEST_CASE("batch_norm eval: the running statistics normalise and are left unchanged; the batch is ignored")
{
    Tensor x = tensor({2, 2}, {1, 2, 3, 4}), rm = tensor({2}, {1, -1}), rv = tensor({2}, {4, 0.25f});
    Tensor g = tensor({2}, {2, 1}), b = tensor({2}, {0.5f, 0});
    Tensor y =
        ops::batch_norm(Var(x), Var(g), Var(b), rm, rv, /*training=*/false, 0.1f, /*eps=*/0.0f).value();
    CHECK_ALLCLOSE(y, tensor({2, 2}, {0.5f, 6, 2.5f, 10}), 1e-6f, 1e-6f);
    CHECK(rm == tensor({2}, {1, -1}));
    CHECK(rv == tensor({2}, {4, 0.25f}));
    // the same batch in training mode normalises by its own statistics instead
    Tensor yt = ops::batch_norm(Var(x), Var(g), Var(b), rm, rv, true, 0.1f, 0.0f).value();
    CHECK_ALLCLOSE(yt, tensor({2, 2}, {-1.5f, -1, 2.5f, 1}), 1e-5f, 1e-5f);
}

TEST_CASE("batch_norm: dx (with the batch-statistics terms), dgamma, dbeta match finite differences")
{
    Rng rng(2);
    for (Shape s : {Shape{5, 3}, Shape{2, 4, 3}, Shape{2, 3}}) {
        INFO("x shape rank " << s.size() << ", rows " << numel(s) / 3);
        Tensor x = uniform(s, -1, 1, rng), g = uniform({3}, 0.5f, 1.5f, rng),
               b = uniform({3}, -0.5f, 0.5f, rng);
        CHECK(gradcheck(bn_train, {x, g, b}, 1e-2f, 2e-3f));
        Tensor rm = uniform({3}, -0.2f, 0.2f, rng), rv = uniform({3}, 0.5f, 1.5f, rng);
        CHECK(gradcheck(
            [&](const std::vector<Var>& v) {
                Tensor m = rm, var = rv;
                return ops::batch_norm(v[0], v[1], v[2], m, var, /*training=*/false);
            },
            {x, g, b}, 1e-2f, 1e-3f));  // eval is linear in each input: tol as test_linear.cpp
    }
}
