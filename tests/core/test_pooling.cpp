// tests/core/test_pooling.cpp: max/avg pooling (windowed and global). Inputs for max pooling are distinct
// values 0.05 apart, so an eps = 1e-2 step never changes which element is the maximum.
#include "core/ops/ops.hpp"
#include "gradcheck.hpp"

using namespace helix;
using namespace helix::test;

namespace {
Tensor spaced(const Shape& s, std::uint64_t seed)
{
    Rng rng(seed);
    return distinct(s, -1.0f, 0.05f, rng);
}
}  // namespace

TEST_CASE("max_pool1d: L' = (L - size) / stride + 1, window maxima, gradient to the maximum only")
{
    Tensor x = tensor({1, 5, 2}, {1, 0, 3, -1, 2, 5, 0, 4, 7, 1});
    Var y = ops::max_pool1d(Var(x), 2, 2);  // windows [0,1], [2,3]; position 4 is left over
    CHECK(y.shape() == Shape{1, 2, 2});
    CHECK(y.value() == tensor({1, 2, 2}, {3, 0, 2, 5}));
    for (auto pool : {std::pair<std::size_t, std::size_t>{2, 2}, {3, 1}, {3, 2}, {2, 3}, {1, 1}}) {
        const std::size_t size = pool.first,
                          stride = pool.second;  // not structured bindings: INFO captures them (clang)
        INFO("size=" << size << " stride=" << stride);
        CHECK(gradcheck([=](const Var& v) { return ops::max_pool1d(v, size, stride); },
                        spaced({2, 9, 3}, size * 10 + stride), 1e-2f, 1e-3f));
    }
}

TEST_CASE("max_pool1d: ties send the gradient to the first maximum")
{
    Var x(tensor({1, 3, 1}, {2, 2, 1}), true);
    backward(ops::sum(ops::max_pool1d(x, 3, 1)));
    CHECK(x.grad() == tensor({1, 3, 1}, {1, 0, 0}));
}

TEST_CASE("avg_pool1d: window means; overlapping windows (stride < size) add their gradients")
{
    Tensor x = tensor({1, 4, 1}, {1, 2, 3, 6});
    CHECK(ops::avg_pool1d(Var(x), 2, 1).value() == tensor({1, 3, 1}, {1.5f, 2.5f, 4.5f}));
    Var xv(x, true);
    backward(ops::sum(ops::avg_pool1d(xv, 2, 1)));
    CHECK(xv.grad() == tensor({1, 4, 1}, {0.5f, 1, 1, 0.5f}));
    for (auto pool : {std::pair<std::size_t, std::size_t>{2, 2}, {3, 1}, {4, 3}}) {
        const std::size_t size = pool.first,
                          stride = pool.second;  // not structured bindings: INFO captures them (clang)
        INFO("size=" << size << " stride=" << stride);
        CHECK(gradcheck([=](const Var& v) { return ops::avg_pool1d(v, size, stride); },
                        uniform({2, 10, 3}, -1, 1, Rng(size)), 1e-2f, 1e-3f));
    }
}

TEST_CASE("global_max_pool and global_avg_pool: (B, L, C) -> (B, C)")
{
    Tensor x = spaced({3, 7, 4}, 1);
    Var m = ops::global_max_pool(Var(x)), a = ops::global_avg_pool(Var(x));
    CHECK(m.shape() == Shape{3, 4});
    CHECK(a.shape() == Shape{3, 4});
    CHECK(m.value()(2, 1) == xt::amax(xt::view(x, 2, xt::all(), 1))());
    CHECK(a.value()(2, 1) == doctest::Approx(xt::mean(xt::view(x, 2, xt::all(), 1))()));
    CHECK(gradcheck([](const Var& v) { return ops::global_max_pool(v); }, x, 1e-2f, 1e-3f));
    CHECK(gradcheck([](const Var& v) { return ops::global_avg_pool(v); }, x, 1e-2f, 1e-3f));
    CHECK(gradcheck([](const Var& v) { return ops::global_max_pool(v); }, spaced({1, 1, 2}, 2), 1e-2f,
                    1e-3f));  // L = 1
}
