// tests/core/test_f32_gemm.cpp: the fast GEMM against the three-loop definition, over remainders of the
// 4 x 2W tile (W = SIMD width), both transposes, strided A (lda < K, conv1d's im2col view), accumulate,
// and thread counts.
#include <cmath>
#include <vector>

#include "core/kernels/f32_gemm.hpp"
#include "core/parallel.hpp"
#include "gradcheck.hpp"

using namespace helix;
using namespace helix::kernels;

namespace {

struct Case {
    std::size_t m, n, k;
    bool trans_a = false, trans_b = false, accumulate = false;
    std::size_t lda = 0;  // 0: dense (k, or m when trans_a)
    std::uint64_t seed = 1;
};

std::vector<float> random_vec(std::size_t n, Rng& rng)
{
    std::vector<float> v(n);
    for (auto& x : v) x = rng.uniform(-1.0f, 1.0f);
    return v;
}

// Runs f32_gemm and f32_gemm__ref on the same random operands; returns the fast result. Every element must
// agree within 1e-5 * sum_p |a_ip b_pj| + 1e-6 (float rounding of a K-term sum, not a fixed tolerance).
std::vector<float> check_gemm(const Case& t)
{
    Rng rng(t.seed);
    GemmArgs g;
    g.m = t.m, g.n = t.n, g.k = t.k, g.trans_a = t.trans_a, g.trans_b = t.trans_b,
    g.accumulate = t.accumulate;
    g.lda = t.lda ? t.lda : (t.trans_a ? t.m : t.k);
    // Strided A: row i starts at i*lda and spans k floats, so it needs (m-1)*lda + k floats.
    const std::size_t a_size = t.trans_a ? t.k * g.lda : (t.m - 1) * g.lda + t.k;
    g.ldb = t.trans_b ? t.k + 3 : t.n + 5;  // padded rows: ldb != row length must work too
    g.ldc = t.n + 2;
    auto a = random_vec(a_size, rng);
    auto b = random_vec((t.trans_b ? t.n : t.k) * g.ldb, rng);
    auto c0 = random_vec(t.m * g.ldc, rng);
    auto c_fast = c0, c_ref = c0;
    g.a = a.data(), g.b = b.data();
    g.c = c_fast.data();
    f32_gemm(g);
    g.c = c_ref.data();
    f32_gemm__ref(g);
    std::size_t bad = 0;
    for (std::size_t i = 0; i < t.m; ++i)
        for (std::size_t j = 0; j < g.ldc; ++j) {
            const std::size_t at = i * g.ldc + j;
            if (j >= t.n) {  // padding columns of C are never written
                if (c_fast[at] != c0[at]) ++bad;
                continue;
            }
            double scale = t.accumulate ? std::fabs(c0[at]) : 0.0;
            for (std::size_t p = 0; p < t.k; ++p)
                scale += std::fabs((t.trans_a ? a[p * g.lda + i] : a[i * g.lda + p]) *
                                   (t.trans_b ? b[j * g.ldb + p] : b[p * g.ldb + j]));
            if (!(std::fabs(c_fast[at] - c_ref[at]) <= 1e-5 * scale + 1e-6)) {
                if (bad++ == 0)
                    MESSAGE("i=" << i << " j=" << j << " ref=" << c_ref[at] << " got=" << c_fast[at]
                                 << " M x N x K = " << t.m << " x " << t.n << " x " << t.k
                                 << " trans_a=" << t.trans_a << " trans_b=" << t.trans_b << " lda=" << g.lda
                                 << " accumulate=" << t.accumulate << " seed=" << t.seed);
            }
        }
    CHECK(bad == 0);
    return c_fast;
}

}  // namespace

TEST_CASE("f32_gemm matches the reference over tile remainders, both transposes and accumulate")
{
    std::uint64_t seed = 0;
    for (std::size_t m : {1, 3, 4, 5, 9, 17})
        for (std::size_t n : {1, 7, 8, 9, 16, 17, 33})
            for (std::size_t k : {1, 4, 96, 300})  // 300 > one 256-deep K block
                for (int variant = 0; variant < 8; ++variant)
                    check_gemm({m, n, k, bool(variant & 1), bool(variant & 2), bool(variant & 4), 0, ++seed});
}

TEST_CASE("f32_gemm reads A as a strided view when lda < K (conv1d's im2col)")
{
    // x (L=40, C=4) viewed as 40-K+1 windows of K*C floats, row stride C.
    for (std::size_t K : {1, 3, 8, 24})
        check_gemm({40 - K + 1, 16, K * 4, false, false, false, /*lda=*/4, K});
    // and transposed (conv1d's dw: A^T with rows of A strided by C)
    for (std::size_t K : {1, 5, 24}) {
        Case t{/*m=*/K * 4, /*n=*/7, /*k=*/60 - K + 1, /*trans_a=*/true};
        t.lda = 4;  // stored "K x M" with row stride 4 < M: element (p, i) at p*4 + i
        // a_size for trans_a is k*lda, but rows overlap: the last row reads up to (k-1)*4 + M - 1.
        Rng rng(K);
        const std::size_t a_size = (t.k - 1) * 4 + t.m;
        std::vector<float> a = random_vec(a_size, rng), b = random_vec(t.k * t.n, rng);
        std::vector<float> c(t.m * t.n), r(t.m * t.n);
        GemmArgs g;
        g.m = t.m, g.n = t.n, g.k = t.k, g.a = a.data(), g.lda = 4, g.trans_a = true, g.b = b.data(),
        g.ldb = t.n;
        g.c = c.data(), g.ldc = t.n;
        f32_gemm(g);
        g.c = r.data();
        f32_gemm__ref(g);
        Tensor tc = xt::adapt(c, Shape{t.m, t.n}), tr = xt::adapt(r, Shape{t.m, t.n});
        CHECK_ALLCLOSE(tc, tr, 1e-5f, 1e-5f);
    }
}

TEST_CASE("f32_gemm with K = 0 writes zeros, or leaves C alone when accumulating")
{
    std::vector<float> c(6, 7.0f);
    GemmArgs g;
    g.m = 2, g.n = 3, g.k = 0, g.c = c.data(), g.ldc = 3, g.accumulate = true;
    f32_gemm(g);
    CHECK(c == std::vector<float>(6, 7.0f));
    g.accumulate = false;
    f32_gemm(g);
    CHECK(c == std::vector<float>(6, 0.0f));
}

TEST_CASE("f32_gemm gives bit-identical results with 1, 2 and 3 threads")
{
    ThreadPool& pool = ThreadPool::global();
    const std::size_t before = pool.threads();
    for (const Case& t : {Case{301, 77, 190}, Case{130, 600, 520, true, true}, Case{1000, 16, 96}}) {
        pool.set_threads(1);
        const auto one = check_gemm(t);
        pool.set_threads(2);
        const auto two = check_gemm(t);
        pool.set_threads(3);
        const auto three = check_gemm(t);
        CHECK(one == two);
        CHECK(one == three);
    }
    pool.set_threads(before);
}

TEST_CASE("f32_gemm reads grouped rows of A (a batch of strided views), with bias, relu and accumulation")
{
    // A batch of S sequences of Lp positions x C channels, each viewed as Lp-K+1 windows of K*C floats:
    // rows of A (forward), or depths of A^T (dw), grouped per sequence at a stride of Lp*C (+ 3 floats of
    // gap). With C = 4 the dw case reads A^T in place (one micro-kernel call per run of depths inside a
    // sequence); S = 40 makes K blocks (256 depths) end inside sequences. Other C values pack A^T.
    ThreadPool& pool = ThreadPool::global();
    const std::size_t before = pool.threads();
    const std::size_t Lp = 23;
    for (std::size_t C : {3, 4, 5})
        for (std::size_t S : {5, 40})
            for (std::size_t K : {1, 4, 9})
                for (bool trans_a : {false, true})
                    for (int fuse = 0; fuse < 4; ++fuse) {
                        const bool with_bias = fuse & 1, relu = fuse & 2, accumulate = S == 40 && K == 4;
                        INFO("C=" << C << " S=" << S << " K=" << K << " trans_a=" << trans_a << " bias="
                                  << with_bias << " relu=" << relu << " accumulate=" << accumulate);
                        const std::size_t stride = Lp * C + 3, rows = Lp - K + 1, F = 11;
                        Rng rng(K * 10 + trans_a + 100 * C + S);
                        std::vector<float> a = random_vec(S * stride, rng), bias = random_vec(F, rng);
                        GemmArgs g;
                        g.a = a.data(), g.lda = C, g.trans_a = trans_a, g.a_group_rows = rows,
                        g.a_group_stride = stride;
                        if (!trans_a) {  // y (S*rows, F) = windows (S*rows, K*C) w (K*C, F)
                            g.m = S * rows, g.n = F, g.k = K * C;
                        } else {  // dw (K*C, F) = windows^T (K*C, S*rows) dy (S*rows, F)
                            g.m = K * C, g.n = F, g.k = S * rows;
                        }
                        const std::vector<float> b = random_vec(g.k * F, rng), c0 = random_vec(g.m * F, rng);
                        g.b = b.data(), g.ldb = F, g.ldc = F;
                        g.accumulate = accumulate, g.relu = relu;
                        if (with_bias) g.bias = bias.data();
                        std::vector<float> c = c0, c3 = c0, r = c0;
                        pool.set_threads(1);
                        g.c = c.data();
                        f32_gemm(g);
                        pool.set_threads(3);
                        g.c = c3.data();
                        f32_gemm(g);
                        g.c = r.data();
                        f32_gemm__ref(g);
                        Tensor tc = xt::adapt(c, Shape{g.m, F}), tr = xt::adapt(r, Shape{g.m, F});
                        CHECK_ALLCLOSE(tc, tr, 1e-5f, 1e-5f);
                        CHECK(c == c3);
                    }
    pool.set_threads(before);
}

TEST_CASE("f32_gemm fuses bias and relu at the store: over K blocks, partial tiles and accumulation")
{
    for (const Case& t : {Case{7, 13, 5}, Case{64, 32, 600}, Case{9, 16, 300, false, false, true},
                          Case{4, 8, 1}, Case{33, 40, 0}})
        for (bool with_bias : {false, true}) {
            INFO("M x N x K = " << t.m << " x " << t.n << " x " << t.k << " accumulate=" << t.accumulate
                                << " bias=" << with_bias);
            Rng rng(t.m * 100 + t.k);
            std::vector<float> a = random_vec(t.m * std::max<std::size_t>(t.k, 1), rng);
            std::vector<float> b = random_vec(std::max<std::size_t>(t.k, 1) * t.n, rng),
                               bias = random_vec(t.n, rng);
            std::vector<float> c = random_vec(t.m * t.n, rng), r = c;
            GemmArgs g;
            g.m = t.m, g.n = t.n, g.k = t.k, g.accumulate = t.accumulate, g.relu = true;
            g.a = a.data(), g.lda = std::max<std::size_t>(t.k, 1), g.b = b.data(), g.ldb = t.n, g.ldc = t.n;
            if (with_bias) g.bias = bias.data();
            g.c = c.data();
            f32_gemm(g);
            g.c = r.data();
            f32_gemm__ref(g);
            std::size_t negative = 0, zeros = 0;
            for (float v : c) negative += v < 0.0f, zeros += v == 0.0f;
            CHECK(negative == 0);
            CHECK(zeros > 0);  // random signs: some elements were clipped
            CHECK_ALLCLOSE(xt::adapt(c, Shape{t.m, t.n}), xt::adapt(r, Shape{t.m, t.n}), 1e-5f, 1e-5f);
        }
}

TEST_CASE("f32_gemm with the caller's packing buffer (f32_gemm_pack_floats) gives the same floats")
{
    Rng rng(77);
    for (std::size_t k : {std::size_t{7}, std::size_t{300}, std::size_t{1100}}) {  // one, two, many K blocks
        CAPTURE(k);
        const std::size_t m = 13, n = 37;
        auto a = random_vec(m * k, rng), b = random_vec(k * n, rng);
        std::vector<float> c_own(m * n), c_given(m * n);
        GemmArgs g;
        g.m = m, g.n = n, g.k = k, g.a = a.data(), g.lda = k, g.b = b.data(), g.ldb = n, g.ldc = n;
        g.c = c_own.data();
        f32_gemm(g);
        std::vector<float> pack(f32_gemm_pack_floats(g),
                                std::nanf(""));  // NaN: any floats read unwritten show
        g.c = c_given.data(), g.pack = pack.data();
        f32_gemm(g);
        CHECK(c_own == c_given);
    }
}
