// tests/core/test_conv1d.cpp: conv1d against a direct six-loop convolution, and its three gradients by
// finite differences, for valid and same padding with odd and even K, with and without bias, B = 1, and
// on both sides of the channel count where dx switches from the direct kernel (few channels) to GEMM.
// conv1d is linear in each input: tol 1e-3 at eps 1e-2 covers float rounding of the outputs.
#include "core/ops/ops.hpp"
#include "direct_conv.hpp"
#include "gradcheck.hpp"

using namespace helix;
using namespace helix::test;

namespace {

void check_conv(std::size_t B, std::size_t L, std::size_t C, std::size_t K, std::size_t F,
                ops::Padding padding, bool with_bias, std::uint64_t seed)
{
    const bool same = padding == ops::Padding::same;
    INFO("B=" << B << " L=" << L << " C=" << C << " K=" << K << " F=" << F << " bias=" << with_bias
              << " same=" << same);
    Rng rng(seed);
    Tensor x = uniform({B, L, C}, -1, 1, rng), w = uniform({K, C, F}, -1, 1, rng),
           b = uniform({F}, -1, 1, rng);
    Var y = ops::conv1d(Var(x), Var(w), with_bias ? Var(b) : Var(), padding);
    CHECK_ALLCLOSE(y.value(), direct_conv(x, w, with_bias ? &b : nullptr, padding), 1e-5f, 1e-5f);
    if (with_bias)
        CHECK(gradcheck([&](const std::vector<Var>& v) { return ops::conv1d(v[0], v[1], v[2], padding); },
                        {x, w, b}, 1e-2f, 1e-3f));
    else
        CHECK(gradcheck([&](const std::vector<Var>& v) { return ops::conv1d(v[0], v[1], Var(), padding); },
                        {x, w}, 1e-2f, 1e-3f));
}

}  // namespace

TEST_CASE("conv1d valid: forward matches a direct convolution and dx, dw, db match finite differences")
{
    check_conv(2, 9, 4, 3, 5, ops::Padding::valid, true, 1);   // K odd
    check_conv(2, 9, 4, 4, 3, ops::Padding::valid, true, 2);   // K even
    check_conv(1, 6, 3, 6, 2, ops::Padding::valid, false, 3);  // L == K: one output; a batch of 1
    check_conv(3, 7, 2, 1, 9, ops::Padding::valid, true, 4);   // K = 1 is a per-position dense layer
}

TEST_CASE("conv1d same: L' = L with (K-1)/2 zeros left and K/2 right, for odd and even K")
{
    check_conv(2, 8, 4, 3, 5, ops::Padding::same, true, 5);   // K odd: 1 left, 1 right
    check_conv(2, 8, 4, 4, 3, ops::Padding::same, true, 6);   // K even: 1 left, 2 right (PyTorch 'same')
    check_conv(1, 3, 2, 5, 2, ops::Padding::same, false, 7);  // L < K is fine with same padding
    // the even-K split, spelled out: a kernel (K=2) that reads only its second tap sees x shifted by one
    Tensor x = tensor({1, 3, 1}, {1, 2, 3}), w = tensor({2, 1, 1}, {0, 1});
    Tensor y = ops::conv1d(Var(x), Var(w), Var(), ops::Padding::same).value();
    CHECK(y(0, 0, 0) == 2.0f);
    CHECK(y(0, 1, 0) == 3.0f);
    CHECK(y(0, 2, 0) == 0.0f);  // the right pad
}

TEST_CASE("conv1d with more than 8 channels (dx by GEMM and overlap-add rather than the direct kernel)")
{
    check_conv(2, 9, 10, 3, 5, ops::Padding::valid, true, 11);
    check_conv(2, 8, 12, 4, 3, ops::Padding::same, true, 12);
    check_conv(1, 3, 9, 5, 2, ops::Padding::same, false, 13);  // L < K
}

TEST_CASE("conv1d: a long batch goes through the threaded path and still matches")
{
    check_conv(9, 120, 4, 24, 16, ops::Padding::valid, true, 8);  // W1's first layer, shortened
    Rng rng(9);
    Tensor x = uniform({5, 50, 4}, -1, 1, rng), w = uniform({7, 4, 6}, -1, 1, rng);
    CHECK_ALLCLOSE(ops::conv1d(Var(x), Var(w), Var(), ops::Padding::same).value(),
                   direct_conv(x, w, nullptr, ops::Padding::same), 1e-5f, 1e-5f);
}

TEST_CASE("conv1d with relu fused: the same values and gradients as conv1d then relu")
{
    Rng rng(10);
    for (bool same : {false, true})
        for (std::size_t C : {4, 12}) {
            INFO("same=" << same << " C=" << C);
            const auto pad = same ? ops::Padding::same : ops::Padding::valid;
            Tensor x = uniform({3, 30, C}, -1, 1, rng), w = uniform({5, C, 7}, -1, 1, rng);
            Tensor b = uniform({7}, -1, 1, rng);
            auto run = [&](bool fused) {
                Var vx(x, true), vw(w, true), vb(b, true);
                Var y = fused ? ops::conv1d(vx, vw, vb, pad, ops::Fused::relu)
                              : ops::relu(ops::conv1d(vx, vw, vb, pad));
                Rng r(3);
                const Shape shape(y.value().shape().begin(), y.value().shape().end());
                backward(ops::weighted_sum(y, uniform(shape, -1, 1, r)));
                return std::vector<Tensor>{y.value(), vx.grad(), vw.grad(), vb.grad()};
            };
            const auto fused = run(true), parts = run(false);
            for (std::size_t i = 0; i < fused.size(); ++i) CHECK_ALLCLOSE(fused[i], parts[i], 1e-5f, 1e-6f);
            CHECK(xt::amin(fused[0])() == 0.0f);  // some outputs were clipped
        }
}
