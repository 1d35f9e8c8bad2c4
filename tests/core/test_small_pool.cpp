// tests/core/test_small_pool.cpp: the tape's recycling allocator (core/small_pool) and the pooled backward
// closure (core/backward_fn.hpp).
#include <doctest/doctest.h>

#include <memory>
#include <vector>

#include "core/autograd.hpp"
#include "core/backward_fn.hpp"
#include "core/small_pool.hpp"
#include "core/tensor.hpp"

using namespace helix;

TEST_CASE(
    "small_pool: a freed block is handed out again for a request of its size class; large ones pass through")
{
    void* a = small_pool::allocate(40);
    small_pool::deallocate(a, 40);
    void* b = small_pool::allocate(48);  // same 16-byte class as 40
    CHECK(b == a);
    void* c = small_pool::allocate(40);  // the list is empty now: a new block
    CHECK(c != b);
    small_pool::deallocate(b, 48);
    small_pool::deallocate(c, 40);
    void* big = small_pool::allocate(4096);  // above the classes: plain heap
    small_pool::deallocate(big, 4096);
    std::vector<int, small_pool::Allocator<int>> v(100, 7);  // as a container allocator
    CHECK(v[99] == 7);
}

TEST_CASE("BackwardFn owns its closure: moved, called once per call, destroyed exactly once")
{
    auto token = std::make_shared<int>(0);
    {
        BackwardFn f = [token](BackwardCtx&) { ++*token; };
        CHECK(token.use_count() == 2);
        BackwardFn g = std::move(f);
        CHECK(!f);
        CHECK(static_cast<bool>(g));
        CHECK(token.use_count() == 2);
        Var x(xt::zeros<float>({1}), true);
        BackwardCtx ctx(*x.node());
        g(ctx);
        g(ctx);
        CHECK(*token == 2);
        BackwardFn h;
        h = std::move(g);
        CHECK(token.use_count() == 2);
    }
    CHECK(token.use_count() == 1);
}

TEST_CASE("autograd: repeated steps rebuild the tape in recycled blocks and give the same gradients")
{
    Var w(Tensor(xt::xarray<float>{0.5f, -1.0f, 2.0f}), true);
    std::vector<float> grads;
    for (int step = 0; step < 3; ++step) {
        w.zero_grad();
        Var y = record("square_sum", Tensor(xt::xarray<float>{xt::sum(w.value() * w.value())()}), {w},
                       [](BackwardCtx& c) { c.grad_in(0) += 2.0f * c.value_in(0) * c.grad_out()(0); });
        backward(y);
        grads.assign(w.grad().begin(), w.grad().end());
        CHECK(grads == std::vector<float>{1.0f, -2.0f, 4.0f});
    }
}
