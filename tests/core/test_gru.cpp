// tests/core/test_gru.cpp: ops::gru against PyTorch's GRU equations written as plain loops in double, and
// every input's gradient (x, w_ih, w_hh, b_ih, b_hh) against finite differences, sequences and last state.
// Gradcheck tolerance as in test_lstm.cpp: eps 1e-2, tol 1e-3 (smooth op: ~1e-5 truncation, ~3e-5 rounding).
#include <array>
#include <cmath>

#include "core/ops/recurrent.hpp"
#include "gradcheck.hpp"

using namespace helix;
using namespace helix::test;

namespace {

double sigmoid(double v)
{
    return 1.0 / (1.0 + std::exp(-v));
}

// The definition (recurrent.hpp), in double: h (B, L, H).
Tensor gru_by_loops(const Tensor& x, const Tensor& w_ih, const Tensor& w_hh, const Tensor& b_ih,
                    const Tensor& b_hh)
{
    const std::size_t B = x.shape()[0], L = x.shape()[1], C = x.shape()[2], H = w_hh.shape()[0];
    Tensor hs = Tensor::from_shape({B, L, H});
    for (std::size_t s = 0; s < B; ++s) {
        std::vector<double> h(H, 0.0);
        for (std::size_t t = 0; t < L; ++t) {
            std::vector<double> zx(3 * H), zh(3 * H);
            for (std::size_t k = 0; k < 3 * H; ++k) {
                zx[k] = b_ih(k);
                zh[k] = b_hh(k);
                for (std::size_t ch = 0; ch < C; ++ch) zx[k] += x(s, t, ch) * w_ih(ch, k);
                for (std::size_t j = 0; j < H; ++j) zh[k] += h[j] * w_hh(j, k);
            }
            for (std::size_t j = 0; j < H; ++j) {
                const double r = sigmoid(zx[j] + zh[j]), z = sigmoid(zx[H + j] + zh[H + j]);
                const double n = std::tanh(zx[2 * H + j] + r * zh[2 * H + j]);
                h[j] = (1 - z) * n + z * h[j];
                hs(s, t, j) = static_cast<float>(h[j]);
            }
        }
    }
    return hs;
}

struct GruInputs {
    Tensor x, w_ih, w_hh, b_ih, b_hh;
    std::vector<Tensor> all() const { return {x, w_ih, w_hh, b_ih, b_hh}; }
};

GruInputs random_gru(std::size_t B, std::size_t L, std::size_t C, std::size_t H, std::uint64_t seed)
{
    Rng rng(seed);
    return {uniform({B, L, C}, -1, 1, rng), uniform({C, 3 * H}, -0.6f, 0.6f, rng),
            uniform({H, 3 * H}, -0.6f, 0.6f, rng), uniform({3 * H}, -0.5f, 0.5f, rng),
            uniform({3 * H}, -0.5f, 0.5f, rng)};
}

Var gru_of(const std::vector<Var>& v, bool seq)
{
    return ops::gru(v[0], v[1], v[2], v[3], v[4], seq);
}

}  // namespace

TEST_CASE("gru: forward equals PyTorch's GRU equations, for sequences and for the last state")
{
    for (auto dims : {std::array<std::size_t, 4>{1, 1, 1, 1}, {2, 5, 4, 3}, {5, 9, 4, 9}, {3, 2, 7, 1}}) {
        const std::size_t B = dims[0], L = dims[1], C = dims[2],
                          H = dims[3];  // not structured bindings: INFO captures them (clang)
        INFO("B " << B << " L " << L << " C " << C << " H " << H);
        GruInputs in = random_gru(B, L, C, H, /*seed=*/B * 100 + H);
        const Tensor expect = gru_by_loops(in.x, in.w_ih, in.w_hh, in.b_ih, in.b_hh);
        std::vector<Var> v;
        for (const Tensor& t : in.all()) v.emplace_back(t);
        Var y = gru_of(v, true);
        CHECK(y.shape() == Shape{B, L, H});
        CHECK_ALLCLOSE(y.value(), expect, 1e-5f, 1e-6f);
        Var last = gru_of(v, false);
        CHECK(last.shape() == Shape{B, H});
        Tensor expect_last = xt::view(expect, xt::all(), L - 1, xt::all());
        CHECK_ALLCLOSE(last.value(), expect_last, 1e-5f, 1e-6f);
    }
}

TEST_CASE(
    "gru: x, w_ih, w_hh, b_ih and b_hh gradients match finite differences (B=2, L=5, C=4, H=3), both modes")
{
    GruInputs in = random_gru(2, 5, 4, 3, /*seed=*/21);
    for (bool seq : {true, false}) {
        INFO("return_sequences " << seq);
        CHECK(gradcheck([seq](const std::vector<Var>& v) { return gru_of(v, seq); }, in.all(), 1e-2f, 1e-3f));
    }
}

TEST_CASE("gru: a single step (L=1) and a batch of one still check out")
{
    CHECK(gradcheck([](const std::vector<Var>& v) { return gru_of(v, true); },
                    random_gru(1, 1, 4, 3, 22).all(), 1e-2f, 1e-3f));
    CHECK(gradcheck([](const std::vector<Var>& v) { return gru_of(v, false); },
                    random_gru(1, 6, 2, 2, 23).all(), 1e-2f, 1e-3f));
}

TEST_CASE("gru: b_ih and b_hh are not interchangeable (the reset gate scales only b_hh's n block)")
{
    GruInputs in = random_gru(2, 3, 4, 2, /*seed=*/24);
    std::vector<Var> v, swapped;
    for (const Tensor& t : in.all()) v.emplace_back(t);
    swapped = {v[0], v[1], v[2], v[4], v[3]};
    const Tensor a = gru_of(v, true).value(), b = gru_of(swapped, true).value();
    CHECK(xt::amax(xt::abs(a - b))() > 1e-3f);
}

TEST_CASE("gru: frozen weights get no gradient, and dx is the same as when they learn")
{
    GruInputs in = random_gru(2, 4, 3, 2, /*seed=*/25);
    std::vector<Var> frozen{Var(in.x, true)}, learning{Var(in.x, true)};
    for (std::size_t i = 1; i < 5; ++i)
        frozen.emplace_back(in.all()[i], false), learning.emplace_back(in.all()[i], true);
    backward(ops::sum(gru_of(frozen, true)));
    backward(ops::sum(gru_of(learning, true)));
    for (std::size_t i = 1; i < 5; ++i) CHECK_FALSE(frozen[i].has_grad());
    CHECK_ALLCLOSE(frozen[0].grad(), learning[0].grad(), 0.0f, 0.0f);
}
