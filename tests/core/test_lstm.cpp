// tests/core/test_lstm.cpp: ops::lstm against the gate equations written as plain loops in double, and every
// input's gradient (x, w_ih, w_hh, b) against finite differences, for sequences and for the last state.
// Gradcheck tolerance: eps 1e-2 on O(1) inputs; the LSTM is smooth but not linear, so a central difference is
// off by ~eps^2/6 |f'''| (~1e-5 here) plus float rounding of the outputs (~1e-7 sqrt(#outputs) / 2eps,
// ~3e-5): tol 1e-3 leaves room for both and still fails on any wrong term (those are O(0.1)).
#include <array>
#include <cmath>

#include "core/ops/recurrent.hpp"
#include "gradcheck.hpp"

using namespace helix;
using namespace helix::test;

// One namespace for the whole file, tests included: the unity build (CMakeLists.txt) compiles test files
// together, where helpers of the same name in two files would clash.
namespace test_lstm {

double sigmoid(double v)
{
    return 1.0 / (1.0 + std::exp(-v));
}

// The definition (recurrent.hpp), one position and one unit at a time, in double: h (B, L, H).
Tensor lstm_by_loops(const Tensor& x, const Tensor& w_ih, const Tensor& w_hh, const Tensor& b)
{
    const std::size_t B = x.shape()[0], L = x.shape()[1], C = x.shape()[2], H = w_hh.shape()[0];
    Tensor hs = Tensor::from_shape({B, L, H});
    for (std::size_t s = 0; s < B; ++s) {
        std::vector<double> h(H, 0.0), c(H, 0.0);
        for (std::size_t t = 0; t < L; ++t) {
            std::vector<double> z(4 * H);
            for (std::size_t k = 0; k < 4 * H; ++k) {
                z[k] = b(k);
                for (std::size_t ch = 0; ch < C; ++ch) z[k] += x(s, t, ch) * w_ih(ch, k);
                for (std::size_t j = 0; j < H; ++j) z[k] += h[j] * w_hh(j, k);
            }
            for (std::size_t j = 0; j < H; ++j) {
                const double i = sigmoid(z[j]), f = sigmoid(z[H + j]), g = std::tanh(z[2 * H + j]),
                             o = sigmoid(z[3 * H + j]);
                c[j] = f * c[j] + i * g;
                h[j] = o * std::tanh(c[j]);
                hs(s, t, j) = static_cast<float>(h[j]);
            }
        }
    }
    return hs;
}

struct LstmInputs {
    Tensor x, w_ih, w_hh, b;
};

// PyTorch's default init is U(-1/sqrt(H), 1/sqrt(H)); +-0.6 is that for H ~ 3 and saturates no gate.
LstmInputs random_lstm(std::size_t B, std::size_t L, std::size_t C, std::size_t H, std::uint64_t seed)
{
    Rng rng(seed);
    return {uniform({B, L, C}, -1, 1, rng), uniform({C, 4 * H}, -0.6f, 0.6f, rng),
            uniform({H, 4 * H}, -0.6f, 0.6f, rng), uniform({4 * H}, -0.5f, 0.5f, rng)};
}

Tensor last_of(const Tensor& hs)
{
    const std::size_t B = hs.shape()[0], L = hs.shape()[1], H = hs.shape()[2];
    Tensor y = Tensor::from_shape({B, H});
    for (std::size_t s = 0; s < B; ++s)
        for (std::size_t j = 0; j < H; ++j) y(s, j) = hs(s, L - 1, j);
    return y;
}

TEST_CASE("lstm: forward equals the gate equations, for sequences and for the last state")
{
    // H = 1, 3, 9: 4H = 4, 12, 36 columns cross the GEMM's 8-wide panels; B = 5 crosses its 4-row tiles.
    for (auto dims : {std::array<std::size_t, 4>{1, 1, 1, 1}, {2, 5, 4, 3}, {5, 9, 4, 9}, {3, 2, 7, 1}}) {
        const std::size_t B = dims[0], L = dims[1], C = dims[2],
                          H = dims[3];  // not structured bindings: INFO captures them (clang)
        INFO("B " << B << " L " << L << " C " << C << " H " << H);
        LstmInputs in = random_lstm(B, L, C, H, /*seed=*/B * 100 + H);
        const Tensor expect = lstm_by_loops(in.x, in.w_ih, in.w_hh, in.b);
        Var y = ops::lstm(Var(in.x), Var(in.w_ih), Var(in.w_hh), Var(in.b), /*return_sequences=*/true);
        CHECK(y.shape() == Shape{B, L, H});
        CHECK_ALLCLOSE(y.value(), expect, 1e-5f, 1e-6f);
        Var last = ops::lstm(Var(in.x), Var(in.w_ih), Var(in.w_hh), Var(in.b), /*return_sequences=*/false);
        CHECK(last.shape() == Shape{B, H});
        CHECK_ALLCLOSE(last.value(), last_of(expect), 1e-5f, 1e-6f);
    }
}

TEST_CASE("lstm: x, w_ih, w_hh and b gradients match finite differences (B=2, L=5, C=4, H=3), both modes")
{
    LstmInputs in = random_lstm(2, 5, 4, 3, /*seed=*/11);
    for (bool seq : {true, false}) {
        INFO("return_sequences " << seq);
        CHECK(gradcheck([seq](const std::vector<Var>& v) { return ops::lstm(v[0], v[1], v[2], v[3], seq); },
                        {in.x, in.w_ih, in.w_hh, in.b}, 1e-2f, 1e-3f));
    }
}

TEST_CASE("lstm: a single step (L=1) and a batch of one still check out")
{
    LstmInputs one = random_lstm(1, 1, 4, 3, /*seed=*/12);
    CHECK(gradcheck([](const std::vector<Var>& v) { return ops::lstm(v[0], v[1], v[2], v[3], true); },
                    {one.x, one.w_ih, one.w_hh, one.b}, 1e-2f, 1e-3f));
    LstmInputs b1 = random_lstm(1, 6, 2, 2, /*seed=*/13);
    CHECK(gradcheck([](const std::vector<Var>& v) { return ops::lstm(v[0], v[1], v[2], v[3], false); },
                    {b1.x, b1.w_ih, b1.w_hh, b1.b}, 1e-2f, 1e-3f));
}

TEST_CASE("lstm: each sequence of a batch is computed as if alone")
{
    LstmInputs in = random_lstm(3, 6, 4, 5, /*seed=*/14);
    Tensor all = ops::lstm(Var(in.x), Var(in.w_ih), Var(in.w_hh), Var(in.b), true).value();
    for (std::size_t s = 0; s < 3; ++s) {
        Tensor xs = xt::view(in.x, xt::range(s, s + 1), xt::all(), xt::all());
        Tensor alone = ops::lstm(Var(xs), Var(in.w_ih), Var(in.w_hh), Var(in.b), true).value();
        Tensor row = xt::view(all, xt::range(s, s + 1), xt::all(), xt::all());
        CHECK_ALLCLOSE(row, alone, 1e-6f, 1e-7f);
    }
}

TEST_CASE("lstm: frozen weights get no gradient, and dx is the same as when they learn")
{
    LstmInputs in = random_lstm(2, 4, 3, 2, /*seed=*/15);
    Var x(in.x, true), w_ih(in.w_ih, false), w_hh(in.w_hh, false), b(in.b, false);
    backward(ops::sum(ops::lstm(x, w_ih, w_hh, b, true)));
    CHECK_FALSE(w_ih.has_grad());
    CHECK_FALSE(w_hh.has_grad());
    CHECK_FALSE(b.has_grad());
    Var x2(in.x, true), w_ih2(in.w_ih, true), w_hh2(in.w_hh, true), b2(in.b, true);
    backward(ops::sum(ops::lstm(x2, w_ih2, w_hh2, b2, true)));
    CHECK_ALLCLOSE(x.grad(), x2.grad(), 0.0f, 0.0f);
    // Inference records nothing.
    CHECK_FALSE(ops::lstm(Var(in.x), Var(in.w_ih), Var(in.w_hh), Var(in.b), true).requires_grad());
}

}  // namespace test_lstm
