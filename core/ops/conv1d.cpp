// core/ops/conv1d.cpp: 1-D convolution over channels-last sequences, computed with f32_gemm.
// x (B, L, C) * w (K, C, F) + b (F) -> y (B, L', F). Valid: L' = L-K+1. Same: L' = L, the input padded
// with (K-1)/2 zeros on the left and K/2 on the right (a zero-padded copy xp (B, L+K-1, C) is made).
// Below, xp is x itself for valid; Lp is its length, so L' = Lp-K+1 in both cases.
//
// A window of K positions is K*C contiguous floats of xp, so the im2col matrix of one sequence is a strided
// view: row l is xp + l*C, with lda = C (no copy), and w (K, C, F) is already the (K*C, F) matrix.
//   forward  y_b (L', F)    = win(xp_b) (L', K*C) * w (K*C, F)      one GEMM per sequence, sequences in parallel
//   dw       (K*C, F)      += win(xp)^T * dy_ext                     ONE GEMM over the whole batch (below)
//   dx       dwin_b (L', K*C) = dy_b (L', F) * w^T, then overlap-add: dxp[l+k, c] += dwin[l, k*C+c]
// dw trick: the windows starting at every position r of the flattened xp (B*Lp, C) are again a strided view
// (B*Lp-K+1 rows). Those that straddle two sequences (K-1 per sequence) are paired with zero rows of
// dy_ext, so one long GEMM over the whole batch sums exactly the real windows, split over threads by rows
// of dw. dx uses overlap-add rather than a full convolution with flipped weights: its GEMM is L' x K*C
// (wide) where the full convolution's would be Lp x C (C = 4 for DNA: half a SIMD tile wasted).
#include <algorithm>
#include <vector>

#include "../kernels/f32_gemm.hpp"
#include "../parallel.hpp"
#include "ops.hpp"

namespace helix::ops {

namespace {

// xp (B, L+K-1, C): x with (K-1)/2 zero positions before and K/2 after each sequence.
Tensor pad_same(const Tensor& x, std::size_t K)
{
    const std::size_t B = x.shape()[0], L = x.shape()[1], C = x.shape()[2], Lp = L + K - 1;
    Tensor xp = xt::zeros<float>(Shape{B, Lp, C});
    for (std::size_t b = 0; b < B; ++b)
        std::copy(x.data() + b * L * C, x.data() + (b + 1) * L * C, xp.data() + (b * Lp + (K - 1) / 2) * C);
    return xp;
}

}  // namespace

Var conv1d(const Var& x, const Var& w, const Var& b, Padding padding)
{
    HELIX_ASSERT(x.ndim() == 3 && w.ndim() == 3 && x.dim(2) == w.dim(1));
    const std::size_t B = x.dim(0), L = x.dim(1), C = x.dim(2), K = w.dim(0), F = w.dim(2);
    HELIX_ASSERT(K >= 1 && F >= 1);
    if (b) HELIX_ASSERT(b.ndim() == 1 && b.dim(0) == F);
    const bool same = padding == Padding::same;
    HELIX_ASSERT(same || L >= K);  // the model layer rejects L < K before calling
    const std::size_t Lp = same ? L + K - 1 : L, Lo = Lp - K + 1;

    auto xp = std::make_shared<Tensor>();  // only filled for same; shared with the backward closure
    if (same) *xp = pad_same(x.value(), K);
    const float* px = same ? xp->data() : x.value().data();
    const float* pw = w.value().data();
    const float* pb = b ? b.value().data() : nullptr;

    Tensor y = Tensor::from_shape({B, Lo, F});
    float* py = y.data();
    ThreadPool::global().parallel_for(0, B, 1, [&](std::size_t b0, std::size_t b1) {
        for (std::size_t s = b0; s < b1; ++s) {
            kernels::GemmArgs g;
            g.m = Lo, g.n = F, g.k = K * C;
            g.a = px + s * Lp * C, g.lda = C;  // row l = window starting at position l
            g.b = pw, g.ldb = F;
            g.c = py + s * Lo * F, g.ldc = F;
            kernels::f32_gemm(g);
            if (pb)
                for (std::size_t l = 0; l < Lo; ++l)
                    for (std::size_t f = 0; f < F; ++f) py[(s * Lo + l) * F + f] += pb[f];
        }
    });

    std::vector<Var> inputs{x, w};
    const bool has_bias = static_cast<bool>(b);
    if (has_bias) inputs.push_back(b);
    return record("conv1d", std::move(y), inputs, [=](BackwardCtx& c) {
        const float* dy = c.grad_out().data();
        const float* pw = c.value_in(1).data();
        const float* xin = same ? xp->data() : c.value_in(0).data();
        if (c.needs_grad(1)) {
            // dy_ext (B*Lp-K+1, F): row s*Lp + l holds dy[s, l] for l < Lo, zero for straddling windows.
            const std::size_t rows = B * Lp - K + 1;
            std::vector<float> dy_ext(rows * F, 0.0f);
            float* pe = dy_ext.data();
            ThreadPool::global().parallel_for(0, B, std::max<std::size_t>(1, 65536 / (Lo * F)), [=](std::size_t b0, std::size_t b1) {
                for (std::size_t s = b0; s < b1; ++s) std::copy(dy + s * Lo * F, dy + (s + 1) * Lo * F, pe + s * Lp * F);
            });
            kernels::GemmArgs g;
            g.m = K * C, g.n = F, g.k = rows;
            g.a = xin, g.lda = C, g.trans_a = true;  // A^T(kc, r) = xp_flat[r*C + kc]
            g.b = dy_ext.data(), g.ldb = F;
            g.c = c.grad_in(1).data(), g.ldc = F, g.accumulate = true;
            kernels::f32_gemm(g);
        }
        if (has_bias && c.needs_grad(2)) {
            std::vector<double> s(F, 0.0);
            for (std::size_t r = 0; r < B * Lo; ++r)
                for (std::size_t f = 0; f < F; ++f) s[f] += dy[r * F + f];
            float* db = c.grad_in(2).data();
            for (std::size_t f = 0; f < F; ++f) db[f] += static_cast<float>(s[f]);
        }
        if (c.needs_grad(0)) {
            float* dx = c.grad_in(0).data();
            const std::size_t KC = K * C, pad_left = same ? (K - 1) / 2 : 0;
            ThreadPool::global().parallel_for(0, B, 1, [&](std::size_t b0, std::size_t b1) {
                std::vector<float> dwin(Lo * KC);
                std::vector<float> dxp(Lp * C);
                for (std::size_t s = b0; s < b1; ++s) {
                    kernels::GemmArgs g;  // dwin (Lo, K*C) = dy_s (Lo, F) * w^T; w stored (K*C, F)
                    g.m = Lo, g.n = KC, g.k = F;
                    g.a = dy + s * Lo * F, g.lda = F;
                    g.b = pw, g.ldb = F, g.trans_b = true;
                    g.c = dwin.data(), g.ldc = KC;
                    kernels::f32_gemm(g);
                    std::fill(dxp.begin(), dxp.end(), 0.0f);
                    for (std::size_t l = 0; l < Lo; ++l) {  // window l covers xp positions l .. l+K-1
                        float* d = dxp.data() + l * C;
                        const float* src = dwin.data() + l * KC;
                        for (std::size_t j = 0; j < KC; ++j) d[j] += src[j];
                    }
                    float* dxs = dx + s * L * C;
                    const float* from = dxp.data() + pad_left * C;
                    for (std::size_t j = 0; j < L * C; ++j) dxs[j] += from[j];
                }
            });
        }
    });
}

}  // namespace helix::ops
