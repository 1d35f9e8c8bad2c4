// tests/core/test_attention.cpp: scaled dot-product attention against a direct loop in double (heads, key
// padding, ALiBi, causal), its probabilities (rows sum to 1, masked keys and padding rows 0), that padding
// cannot leak into real positions, the ALiBi slopes by hand, and the gradients of q, k, v and of every weight
// of multi_head_attention by finite differences (small scores: softmax is smooth, tol 2e-3 at eps 1e-3).
#include <cmath>
#include <vector>

#include "core/ops/attention.hpp"
#include "core/ops/ops.hpp"
#include "gradcheck.hpp"

using namespace helix;
using namespace helix::test;

namespace test_attention {

struct Case {
    std::size_t B, L, D, H;
    std::vector<std::size_t> lengths;  // empty: all L
    bool alibi, causal;
};

ops::AttentionOptions options(const Case& c, Tensor* probabilities = nullptr)
{
    ops::AttentionOptions o;
    o.heads = c.H, o.alibi = c.alibi, o.causal = c.causal, o.probabilities = probabilities;
    o.lengths = c.lengths.empty() ? nullptr : c.lengths.data();
    return o;
}

// out[b, i, h*dh + e] = sum_j p_ij v[b, j, h*dh + e], p = softmax over allowed j of q.k / sqrt(dh) - m_h
// |i-j|.
Tensor direct(const Tensor& q, const Tensor& k, const Tensor& v, const Case& c)
{
    const std::size_t dh = c.D / c.H;
    std::vector<float> slopes(c.H, 0.0f);
    if (c.alibi) ops::alibi_slopes(c.H, slopes.data());
    Tensor out = xt::zeros<float>(Shape{c.B, c.L, c.D});
    for (std::size_t b = 0; b < c.B; ++b) {
        const std::size_t n = c.lengths.empty() ? c.L : c.lengths[b];
        for (std::size_t h = 0; h < c.H; ++h)
            for (std::size_t i = 0; i < n; ++i) {
                std::vector<double> s;
                double mx = -1e300, sum = 0.0;
                const std::size_t e = c.causal ? std::min(n, i + 1) : n;
                for (std::size_t j = 0; j < e; ++j) {
                    double dot = 0.0;
                    for (std::size_t t = 0; t < dh; ++t)
                        dot += double(q(b, i, h * dh + t)) * k(b, j, h * dh + t);
                    s.push_back(dot / std::sqrt(double(dh)) - slopes[h] * std::fabs(double(i) - double(j)));
                    mx = std::max(mx, s.back());
                }
                for (double& x : s) sum += (x = std::exp(x - mx));
                for (std::size_t t = 0; t < dh; ++t) {
                    double acc = 0.0;
                    for (std::size_t j = 0; j < e; ++j) acc += s[j] / sum * v(b, j, h * dh + t);
                    out(b, i, h * dh + t) = float(acc);
                }
            }
    }
    return out;
}

const std::vector<Case> cases{
    {2, 5, 4, 1, {}, false, false}, {3, 6, 8, 2, {6, 4, 1}, false, false},
    {2, 7, 6, 3, {}, true, false},  {2, 5, 8, 4, {5, 3}, true, true},
    {1, 4, 4, 2, {}, false, true},  {2, 3, 4, 2, {0, 3}, false, false},
};

TEST_CASE("attention: forward as a direct loop (heads, key padding, ALiBi, causal, an empty example)")
{
    std::uint64_t seed = 60;
    for (const Case& c : cases) {
        INFO("B=" << c.B << " L=" << c.L << " D=" << c.D << " H=" << c.H << " alibi=" << c.alibi
                  << " causal=" << c.causal << " padded=" << !c.lengths.empty());
        Rng rng(++seed);
        const Tensor q = uniform({c.B, c.L, c.D}, -1, 1, rng), k = uniform({c.B, c.L, c.D}, -1, 1, rng),
                     v = uniform({c.B, c.L, c.D}, -1, 1, rng);
        Tensor p;
        const Tensor y = ops::attention(Var(q), Var(k), Var(v), options(c, &p)).value();
        CHECK_ALLCLOSE(y, direct(q, k, v, c), 1e-5f, 1e-6f);
        // the probabilities: each real query row sums to 1 over the keys it may see, everything else is 0
        REQUIRE(p.dimension() == 4);
        for (std::size_t b = 0; b < c.B; ++b)
            for (std::size_t h = 0; h < c.H; ++h)
                for (std::size_t i = 0; i < c.L; ++i) {
                    const std::size_t n = c.lengths.empty() ? c.L : c.lengths[b];
                    double row = 0.0;
                    for (std::size_t j = 0; j < c.L; ++j) {
                        const bool allowed = i < n && j < n && (!c.causal || j <= i);
                        if (!allowed) CHECK(p(b, h, i, j) == 0.0f);
                        row += p(b, h, i, j);
                    }
                    CHECK(row == doctest::Approx(i < n ? 1.0 : 0.0).epsilon(1e-6));
                }
    }
}

TEST_CASE("attention: values at padding positions change nothing at real positions, and get no gradient")
{
    const Case c{2, 6, 4, 2, {4, 2}, true, false};
    Rng rng(70);
    Tensor q = uniform({2, 6, 4}, -1, 1, rng), k = uniform({2, 6, 4}, -1, 1, rng),
           v = uniform({2, 6, 4}, -1, 1, rng);
    const Tensor y0 = ops::attention(Var(q), Var(k), Var(v), options(c)).value();
    for (std::size_t b = 0; b < 2; ++b)
        for (std::size_t l = c.lengths[b]; l < 6; ++l)
            for (std::size_t d = 0; d < 4; ++d) q(b, l, d) += 5.0f, k(b, l, d) -= 3.0f, v(b, l, d) *= 7.0f;
    Var vq(q, true), vk(k, true), vv(v, true);
    const Var y1 = ops::attention(vq, vk, vv, options(c));
    CHECK_ALLCLOSE(y1.value(), y0, 0.0f, 0.0f);
    backward(ops::sum(y1));
    for (std::size_t b = 0; b < 2; ++b)
        for (std::size_t l = c.lengths[b]; l < 6; ++l)
            for (std::size_t d = 0; d < 4; ++d) {
                CHECK(y1.value()(b, l, d) == 0.0f);
                CHECK(vq.grad()(b, l, d) == 0.0f);
                CHECK(vk.grad()(b, l, d) == 0.0f);
                CHECK(vv.grad()(b, l, d) == 0.0f);
            }
}

TEST_CASE("alibi_slopes: 2^(-8(h+1)/H) for a power of two, the paper's interleaving otherwise")
{
    std::vector<float> s(8);
    ops::alibi_slopes(8, s.data());
    for (std::size_t h = 0; h < 8; ++h) CHECK(s[h] == std::exp2(-float(h + 1)));
    ops::alibi_slopes(6, s.data());  // 4 heads: 2^-2, 2^-4, 2^-6, 2^-8; then slopes 0 and 2 of 8: 2^-1, 2^-3
    const float want[6] = {0.25f, 0.0625f, 0.015625f, 0.00390625f, 0.5f, 0.125f};
    for (std::size_t h = 0; h < 6; ++h) CHECK(s[h] == want[h]);
    ops::alibi_slopes(1, s.data());
    CHECK(s[0] == 1.0f / 256.0f);
}

TEST_CASE("attention: dq, dk, dv by finite differences for every case")
{
    std::uint64_t seed = 80;
    for (const Case& c : cases) {
        INFO("B=" << c.B << " L=" << c.L << " D=" << c.D << " H=" << c.H << " alibi=" << c.alibi
                  << " causal=" << c.causal);
        Rng rng(++seed);
        std::vector<Tensor> in;
        for (int i = 0; i < 3; ++i) in.push_back(uniform({c.B, c.L, c.D}, -1, 1, rng));
        CHECK(
            gradcheck([&](const std::vector<Var>& v) { return ops::attention(v[0], v[1], v[2], options(c)); },
                      in, 1e-3f, 2e-3f));
    }
}

TEST_CASE("multi_head_attention: x and every projection weight and bias by finite differences")
{
    const Case c{2, 5, 6, 2, {5, 3}, true, false};
    Rng rng(90);
    std::vector<Tensor> in{uniform({2, 5, 6}, -1, 1, rng)};
    for (int i = 0; i < 4; ++i)
        in.push_back(uniform({6, 6}, -0.5f, 0.5f, rng)), in.push_back(uniform({6}, -0.2f, 0.2f, rng));
    CHECK(gradcheck(
        [&](const std::vector<Var>& v) {
            return ops::multi_head_attention(v[0], {v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8]},
                                             options(c));
        },
        in, 1e-3f, 2e-3f));
    // without biases (empty Vars) too
    CHECK(gradcheck(
        [&](const std::vector<Var>& v) {
            return ops::multi_head_attention(v[0], {v[1], Var(), v[3], Var(), v[5], Var(), v[7], Var()},
                                             options(c));
        },
        in, 1e-3f, 2e-3f, {true, true, false, true, false, true, false, true, false}));
}

}  // namespace test_attention
