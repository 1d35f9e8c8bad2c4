// tests/core/test_autograd.cpp: the tape: gradients accumulate over shared inputs, no tape without
// parameters, deep chains do not overflow the stack.
#include <doctest/doctest.h>

#include "core/autograd.hpp"
#include "core/ops/ops.hpp"

using namespace helix;

TEST_CASE("autograd: an input used twice receives both shares of the gradient")
{
    Var x(Tensor({1.0f, -2.0f, 3.0f}), true);
    Var y = ops::sum(ops::add_bias(ops::relu(x), x));  // relu(x) + x, summed
    backward(y);
    CHECK(x.grad()(0) == doctest::Approx(2.0f));
    CHECK(x.grad()(1) == doctest::Approx(1.0f));
    CHECK(x.grad()(2) == doctest::Approx(2.0f));
}

TEST_CASE("autograd: ops on values that need no gradient record no tape")
{
    Var x(Tensor({1.0f, 2.0f}), false);
    Var y = ops::relu(x);
    CHECK_FALSE(y.requires_grad());
    CHECK(y.node()->inputs.empty());
}

TEST_CASE("autograd: a chain of 20000 ops runs backward without recursion")
{
    Var x(Tensor({0.5f}), true);
    Var h = x;
    for (int i = 0; i < 20000; ++i) h = ops::relu(h);
    backward(ops::sum(h));
    CHECK(x.grad()(0) == doctest::Approx(1.0f));
}

TEST_CASE("autograd: gradients accumulate across backward calls until zeroed")
{
    Var x(Tensor({3.0f}), true);
    backward(ops::sum(x));
    backward(ops::sum(x));
    CHECK(x.grad()(0) == doctest::Approx(2.0f));
    x.zero_grad();
    CHECK(x.grad()(0) == 0.0f);
}
