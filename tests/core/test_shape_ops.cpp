// tests/core/test_shape_ops.cpp: flatten, sum, mean. Linear ops: tol 1e-3 at eps 1e-2 is float rounding only.
#include "core/ops/ops.hpp"
#include "gradcheck.hpp"

using namespace helix;
using namespace helix::test;

TEST_CASE("flatten: (B, L, C) -> (B, L*C) in row-major order; gradient flows back unchanged")
{
    Tensor x = uniform({2, 3, 4}, -1, 1, Rng(1));
    Var y = ops::flatten(Var(x));
    CHECK(y.shape() == Shape{2, 12});
    CHECK(y.value()(1, 7) == x(1, 1, 3));
    CHECK(gradcheck([](const Var& v) { return ops::flatten(v); }, x, 1e-2f, 1e-3f));
    CHECK(ops::flatten(Var(uniform({1, 5}, -1, 1, Rng(2)))).shape() == Shape{1, 5});
}

TEST_CASE("sum and mean: shape {1}, gradients 1 and 1/n")
{
    Tensor x = uniform({3, 4}, -1, 1, Rng(3));
    Var s = ops::sum(Var(x)), m = ops::mean(Var(x));
    CHECK(s.shape() == Shape{1});
    CHECK(s.value()(0) == doctest::Approx(xt::sum(x)()).epsilon(1e-6));
    CHECK(m.value()(0) == doctest::Approx(xt::sum(x)() / 12).epsilon(1e-6));
    CHECK(gradcheck([](const Var& v) { return ops::sum(v); }, x, 1e-2f, 1e-3f));
    CHECK(gradcheck([](const Var& v) { return ops::mean(v); }, x, 1e-2f, 1e-3f));
    Var xv(x, true);
    backward(ops::mean(xv));
    CHECK(xv.grad()(2, 3) == doctest::Approx(1.0f / 12));
}
