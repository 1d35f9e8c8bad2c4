// tests/core/test_reshape.cpp: reshape keeps the batch axis and the row-major order; concat along each axis.
// Both only move values: tol 1e-3 as test_linear.cpp.
#include "core/ops/norm.hpp"
#include "gradcheck.hpp"

using namespace helix;
using namespace helix::test;

TEST_CASE("reshape: (B, ...) -> (B, shape...), one axis inferred, data order kept, gradient reshaped back")
{
    Rng rng(1);
    Tensor x = uniform({2, 3, 4}, -1, 1, rng);
    Var y = ops::reshape(Var(x), {4, 3});
    CHECK(y.shape() == Shape{2, 4, 3});
    CHECK(std::equal(x.begin(), x.end(), y.value().begin()));
    CHECK(ops::reshape(Var(x), {ops::infer_axis, 2}).shape() == Shape{2, 6, 2});
    CHECK(ops::reshape(Var(x), {12}).shape() == Shape{2, 12});
    CHECK(gradcheck([](const Var& v) { return ops::reshape(v, {2, ops::infer_axis, 3}); }, x, 1e-2f, 1e-3f));
}

TEST_CASE("reshape: concat along the first, a middle and the last axis; each input gets its slice of dy")
{
    Tensor a = tensor({2, 2}, {1, 2, 3, 4}), b = tensor({2, 1}, {5, 6}), c = tensor({1, 2}, {7, 8});
    CHECK(ops::concat({Var(a), Var(b)}, 1).value() == tensor({2, 3}, {1, 2, 5, 3, 4, 6}));
    CHECK(ops::concat({Var(a), Var(c)}, 0).value() == tensor({3, 2}, {1, 2, 3, 4, 7, 8}));
    CHECK(ops::concat({Var(a)}, 1).value() == a);

    Rng rng(2);
    Tensor x = uniform({2, 3, 4}, -1, 1, rng), y = uniform({2, 1, 4}, -1, 1, rng),
           z = uniform({2, 2, 4}, -1, 1, rng);
    Tensor cat = ops::concat({Var(x), Var(y), Var(z)}, 1).value();
    CHECK(cat.shape()[1] == 6);
    CHECK(xt::view(cat, xt::all(), xt::range(3, 4), xt::all()) == y);
    CHECK(xt::view(cat, xt::all(), xt::range(4, 6), xt::all()) == z);
    for (std::size_t axis : {0, 1, 2}) {
        INFO("axis " << axis);
        Shape s1{2, 3, 4}, s2{2, 3, 4};
        s2[axis] = 1;
        Tensor p = uniform(s1, -1, 1, rng), q = uniform(s2, -1, 1, rng);
        CHECK(gradcheck(
            [=](const std::vector<Var>& v) {
                return ops::concat({v[0], v[1], v[0]}, axis);
            },
            {p, q}, 1e-2f, 1e-3f));
    }
    // only the inputs that need a gradient get one
    Var p(a, true), q(b, false);
    backward(ops::sum(ops::concat({p, q}, 1)));
    CHECK(p.grad() == xt::ones<float>(Shape{2, 2}));
    CHECK_FALSE(q.has_grad());
}
