// tests/core/test_dropout.cpp: inverted dropout: identity in evaluation and at rate 0; in training a seeded
// mask, kept units scaled by 1/(1-rate), the gradient passing through the same mask.
#include "core/ops/ops.hpp"
#include "gradcheck.hpp"

using namespace helix;
using namespace helix::test;

TEST_CASE("dropout: identity when not training or when rate == 0")
{
    Var x(uniform({4, 5}, -1, 1, Rng(1)), true);
    Rng rng(2);
    CHECK(ops::dropout(x, 0.5f, rng, /*training=*/false).value() == x.value());
    CHECK(ops::dropout(x, 0.0f, rng, /*training=*/true).value() == x.value());
    backward(ops::sum(ops::dropout(x, 0.5f, rng, false)));
    CHECK(x.grad() == xt::ones<float>(x.value().shape()));
}

TEST_CASE("dropout: the same seed drops the same units; kept units are scaled by 1/(1-rate)")
{
    Tensor ones = xt::ones<float>(Shape{1000});
    Rng a(42), b(42), c(43);
    Tensor ya = ops::dropout(Var(ones), 0.25f, a, true).value();
    Tensor yb = ops::dropout(Var(ones), 0.25f, b, true).value();
    Tensor yc = ops::dropout(Var(ones), 0.25f, c, true).value();
    CHECK(ya == yb);
    CHECK(ya != yc);
    std::size_t kept = 0;
    for (float v : ya) {
        CHECK((v == 0.0f || v == doctest::Approx(1.0f / 0.75f)));
        kept += v != 0.0f;
    }
    // 1000 Bernoulli(0.75) draws: mean 750, sd 13.7; 5 sd either side
    CHECK(kept > 680);
    CHECK(kept < 820);
    CHECK(xt::mean(ya)() == doctest::Approx(1.0).epsilon(0.1));  // expected output equals the input
}

TEST_CASE("dropout: the gradient uses the forward mask (finite differences with a re-seeded Rng)")
{
    Tensor x = uniform({3, 7}, -1, 1, Rng(5));
    CHECK(gradcheck(
        [](const Var& v) {
            Rng rng(/*seed=*/9);  // the same mask on every evaluation
            return ops::dropout(v, 0.4f, rng, true);
        },
        x, 1e-2f, 1e-3f));
    Rng forward_rng(9);
    Var xv(x, true);
    Var y = ops::dropout(xv, 0.4f, forward_rng, true);
    backward(ops::sum(y));
    for (std::size_t i = 0; i < x.size(); ++i) {
        if (y.value().data()[i] == 0.0f)
            CHECK(xv.grad().data()[i] == 0.0f);
        else
            CHECK(xv.grad().data()[i] == doctest::Approx(1.0f / 0.6f));
    }
}
