// tests/core/test_conv1d_dilated.cpp: dilated conv1d against a direct loop, and its three gradients by finite
// differences, for valid and same padding (odd and even span), with and without bias and fused relu, few and
// many channels, a span longer than the input with same padding; and conv1d_dilated with dilation 1 against
// conv1d's im2col path. conv1d is linear in each input: tol 1e-3 at eps 1e-2.
#include "core/ops/ops.hpp"
#include "direct_conv.hpp"
#include "gradcheck.hpp"

using namespace helix;
using namespace helix::test;

namespace test_conv1d_dilated {

void check(std::size_t B, std::size_t L, std::size_t C, std::size_t K, std::size_t F, std::size_t d,
           ops::Padding padding, bool with_bias, std::uint64_t seed)
{
    INFO("B=" << B << " L=" << L << " C=" << C << " K=" << K << " F=" << F << " d=" << d
              << " same=" << (padding == ops::Padding::same) << " bias=" << with_bias);
    Rng rng(seed);
    Tensor x = uniform({B, L, C}, -1, 1, rng), w = uniform({K, C, F}, -1, 1, rng),
           b = uniform({F}, -1, 1, rng);
    Var y = ops::conv1d(Var(x), Var(w), with_bias ? Var(b) : Var(), padding, ops::Fused::none, d);
    CHECK_ALLCLOSE(y.value(), direct_conv(x, w, with_bias ? &b : nullptr, padding, d), 1e-5f, 1e-5f);
    auto f = [&](const std::vector<Var>& v) {
        return ops::conv1d(v[0], v[1], with_bias ? v[2] : Var(), padding, ops::Fused::none, d);
    };
    CHECK(gradcheck(f, with_bias ? std::vector<Tensor>{x, w, b} : std::vector<Tensor>{x, w}, 1e-2f, 1e-3f));
}

TEST_CASE("conv1d dilated, valid: forward as a direct loop; dx, dw, db by finite differences")
{
    check(2, 13, 4, 3, 5, 2, ops::Padding::valid, true, 1);
    check(2, 16, 3, 4, 3, 3, ops::Padding::valid, false, 2);  // K even
    check(1, 7, 2, 3, 2, 3, ops::Padding::valid, true, 3);    // span 7 == L: one output
    check(2, 14, 10, 3, 6, 4, ops::Padding::valid, true, 4);  // more channels
}

TEST_CASE("conv1d dilated, same: L' = L with (E-1)/2 zeros left and E/2 right")
{
    check(2, 12, 4, 3, 5, 2, ops::Padding::same, true, 5);   // E = 5: 2 and 2
    check(2, 10, 3, 2, 3, 3, ops::Padding::same, true, 6);   // E = 4: 1 and 2 (PyTorch 'same')
    check(1, 4, 2, 3, 2, 4, ops::Padding::same, false, 7);   // E = 9 > L
    check(2, 11, 12, 4, 5, 2, ops::Padding::same, true, 8);  // more channels, E = 7
}

TEST_CASE("conv1d dilated with relu fused: the same values and gradients as conv then relu")
{
    Rng rng(9);
    Tensor x = uniform({3, 20, 6}, -1, 1, rng), w = uniform({3, 6, 7}, -1, 1, rng),
           b = uniform({7}, -1, 1, rng);
    auto run = [&](bool fused) {
        Var vx(x, true), vw(w, true), vb(b, true);
        Var y = fused ? ops::conv1d(vx, vw, vb, ops::Padding::same, ops::Fused::relu, 3)
                      : ops::relu(ops::conv1d(vx, vw, vb, ops::Padding::same, ops::Fused::none, 3));
        Rng r(3);
        backward(ops::weighted_sum(y, uniform({3, 20, 7}, -1, 1, r)));
        return std::vector<Tensor>{y.value(), vx.grad(), vw.grad(), vb.grad()};
    };
    const auto fused = run(true), parts = run(false);
    for (std::size_t i = 0; i < fused.size(); ++i) CHECK_ALLCLOSE(fused[i], parts[i], 1e-5f, 1e-6f);
    CHECK(xt::amin(fused[0])() == 0.0f);
}

TEST_CASE("conv1d_dilated with dilation 1 (one GEMM per tap) agrees with conv1d's im2col path")
{
    Rng rng(10);
    for (auto pad : {ops::Padding::valid, ops::Padding::same}) {
        Tensor x = uniform({4, 30, 8}, -1, 1, rng), w = uniform({5, 8, 6}, -1, 1, rng),
               b = uniform({6}, -1, 1, rng);
        auto run = [&](bool per_tap) {
            Var vx(x, true), vw(w, true), vb(b, true);
            Var y = per_tap ? ops::conv1d_dilated(vx, vw, vb, pad, 1) : ops::conv1d(vx, vw, vb, pad);
            Rng r(4);
            const Shape s(y.value().shape().begin(), y.value().shape().end());
            backward(ops::weighted_sum(y, uniform(s, -1, 1, r)));
            return std::vector<Tensor>{y.value(), vx.grad(), vw.grad(), vb.grad()};
        };
        const auto a = run(true), c = run(false);
        for (std::size_t i = 0; i < a.size(); ++i) CHECK_ALLCLOSE(a[i], c[i], 1e-5f, 1e-5f);
    }
}

}  // namespace test_conv1d_dilated
