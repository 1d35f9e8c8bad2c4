// tests/core/test_sequence_ops.cpp: reverse_time, concat_last, last_step, and bidirectional built from them.
// The three sequence ops are linear: tol 1e-3 at eps 1e-2 is float rounding only. Bidirectional LSTM/GRU are
// smooth: the same eps 1e-2, tol 1e-3 as test_lstm.cpp.
#include "core/ops/recurrent.hpp"
#include "gradcheck.hpp"

using namespace helix;
using namespace helix::test;

TEST_CASE("sequence ops: reverse_time: y[b, t] = x[b, L-1-t]; twice is the identity; gradient reversed back")
{
    Tensor x = uniform({2, 5, 3}, -1, 1, Rng(1));
    Var y = ops::reverse_time(Var(x));
    CHECK(y.shape() == Shape{2, 5, 3});
    CHECK(y.value()(0, 0, 2) == x(0, 4, 2));
    CHECK(y.value()(1, 1, 0) == x(1, 3, 0));
    CHECK(y.value()(1, 2, 1) == x(1, 2, 1));
    CHECK_ALLCLOSE(ops::reverse_time(y).value(), x, 0.0f, 0.0f);
    CHECK(gradcheck([](const Var& v) { return ops::reverse_time(v); }, x, 1e-2f, 1e-3f));
}

TEST_CASE("sequence ops: concat_last: rows of each input side by side, rank 2 and 3; gradient split back")
{
    Rng rng(2);
    Tensor a = uniform({2, 3, 2}, -1, 1, rng), b = uniform({2, 3, 1}, -1, 1, rng),
           c = uniform({2, 3, 4}, -1, 1, rng);
    Var y = ops::concat_last({Var(a), Var(b), Var(c)});
    CHECK(y.shape() == Shape{2, 3, 7});
    CHECK(y.value()(1, 2, 1) == a(1, 2, 1));
    CHECK(y.value()(1, 2, 2) == b(1, 2, 0));
    CHECK(y.value()(0, 1, 6) == c(0, 1, 3));
    CHECK(gradcheck([](const std::vector<Var>& v) { return ops::concat_last(v); }, {a, b, c}, 1e-2f, 1e-3f));
    Tensor p = uniform({4, 3}, -1, 1, rng), q = uniform({4, 2}, -1, 1, rng);
    CHECK(ops::concat_last({Var(p), Var(q)}).value()(3, 4) == q(3, 1));
    CHECK(gradcheck([](const std::vector<Var>& v) { return ops::concat_last(v); }, {p, q}, 1e-2f, 1e-3f));
    // Only the inputs that learn get a gradient.
    Var vp(p, false), vq(q, true);
    backward(ops::sum(ops::concat_last({vp, vq})));
    CHECK_FALSE(vp.has_grad());
    CHECK(vq.grad()(2, 1) == 1.0f);
}

TEST_CASE("sequence ops: last_step: (B, L, H) -> (B, H) at t = L-1; only that step gets a gradient")
{
    Tensor x = uniform({3, 4, 2}, -1, 1, Rng(3));
    Var y = ops::last_step(Var(x));
    CHECK(y.shape() == Shape{3, 2});
    CHECK(y.value()(2, 1) == x(2, 3, 1));
    CHECK(gradcheck([](const Var& v) { return ops::last_step(v); }, x, 1e-2f, 1e-3f));
    Var xv(x, true);
    backward(ops::sum(ops::last_step(xv)));
    CHECK(xv.grad()(1, 3, 0) == 1.0f);
    CHECK(xv.grad()(1, 2, 0) == 0.0f);
}

namespace {

// x, then per direction w_ih, w_hh, b: B=2, L=5, C=4, H=3.
std::vector<Tensor> bilstm_inputs(std::uint64_t seed)
{
    Rng rng(seed);
    std::vector<Tensor> in{uniform({2, 5, 4}, -1, 1, rng)};
    for (int dir = 0; dir < 2; ++dir) {
        in.push_back(uniform({4, 12}, -0.6f, 0.6f, rng));
        in.push_back(uniform({3, 12}, -0.6f, 0.6f, rng));
        in.push_back(uniform({12}, -0.5f, 0.5f, rng));
    }
    return in;
}

Var bilstm(const std::vector<Var>& v, bool seq)
{
    return ops::bidirectional(
        v[0], [&](const Var& x, bool s) { return ops::lstm(x, v[1], v[2], v[3], s); },
        [&](const Var& x, bool s) { return ops::lstm(x, v[4], v[5], v[6], s); }, seq);
}

}  // namespace

TEST_CASE("bidirectional lstm: forward half is lstm(x), backward half lstm(reversed x) put back in order")
{
    std::vector<Var> v;
    for (const Tensor& t : bilstm_inputs(4)) v.emplace_back(t);
    const Tensor fwd = ops::lstm(v[0], v[1], v[2], v[3], true).value();
    const Tensor bwd =
        ops::lstm(ops::reverse_time(v[0]), v[4], v[5], v[6], true).value();  // bwd(t) read x[L-1-t]
    Tensor y = bilstm(v, true).value();
    CHECK(y.shape() == Shape{2, 5, 6});
    for (std::size_t s = 0; s < 2; ++s)
        for (std::size_t t = 0; t < 5; ++t)
            for (std::size_t j = 0; j < 3; ++j) {
                CHECK(y(s, t, j) == fwd(s, t, j));
                CHECK(y(s, t, 3 + j) == bwd(s, 4 - t, j));
            }
    // Last state: the forward direction after position L-1, the backward one after position 0.
    Tensor last = bilstm(v, false).value();
    CHECK(last.shape() == Shape{2, 6});
    for (std::size_t s = 0; s < 2; ++s)
        for (std::size_t j = 0; j < 3; ++j) {
            CHECK(last(s, j) == fwd(s, 4, j));
            CHECK(last(s, 3 + j) == bwd(s, 4, j));
        }
}

TEST_CASE("bidirectional lstm: gradients of x and both directions' weights match finite differences")
{
    const std::vector<Tensor> in = bilstm_inputs(5);
    for (bool seq : {true, false}) {
        INFO("return_sequences " << seq);
        CHECK(gradcheck([seq](const std::vector<Var>& v) { return bilstm(v, seq); }, in, 1e-2f, 1e-3f));
    }
}
