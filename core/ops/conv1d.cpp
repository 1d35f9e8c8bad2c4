// core/ops/conv1d.cpp: 1-D convolution over channels-last sequences, computed with f32_gemm.
// x (B, L, C) * w (K, C, F) + b (F) -> y (B, L', F). Valid: L' = L-K+1. Same: L' = L, the input padded
// with (K-1)/2 zeros on the left and K/2 on the right (a zero-padded copy xp (B, L+K-1, C) is made).
// Below, xp is x itself for valid; Lp is its length, so L' = Lp-K+1 in both cases. A dilation > 1 goes to
// conv1d_dilated.cpp (one GEMM per tap: its windows are not contiguous).
//
// A window of K positions is K*C contiguous floats of xp, so the im2col matrix of one sequence is a strided
// view: row l is xp + l*C, with lda = C (no copy), and w (K, C, F) is already the (K*C, F) matrix.
// f32_gemm's grouped rows (a_group_rows = L', a_group_stride = Lp*C) chain the sequences' views, so the
// whole batch is one GEMM in each direction, w packed once:
//   forward  y (B*L', F)      = win(xp) (B*L', K*C) * w (K*C, F) + b      (bias, and relu when fused, at the
//                                                                          GEMM's store; backward then masks
//                                                                          dy)
//   dw       (K*C, F)        += win(xp)^T * dy (B*L', F)
//   dx       dwin (L', K*C)   = dy_b (L', F) * w^T, chunks of sequences per GEMM, then overlap-add:
//            dx[l+k-pad, c] += dwin[l, k*C+c] (padding positions dropped)
// dx uses overlap-add rather than a full convolution with flipped weights: its GEMM is L' x K*C
// (wide) where the full convolution's would be Lp x C. For few channels (C = 4 for DNA) that GEMM is shallow
// (depth F) and the overlap-add costs as much as a fifth of it, so dx is then kernels::f32_conv1d_dx, the
// full correlation computed channels x positions with depth K*F.
#include <algorithm>
#include <vector>

#include "../kernels/f32_conv1d_dx.hpp"
#include "../kernels/f32_gemm.hpp"
#include "../parallel.hpp"
#include "ops.hpp"

namespace helix::ops {

namespace {

// xp (B, L+K-1, C): x with (K-1)/2 zero positions before and K/2 after each sequence.
Tensor pad_same(const Tensor& x, std::size_t K)
{
    const std::size_t B = x.shape()[0], L = x.shape()[1], C = x.shape()[2], Lp = L + K - 1;
    Tensor xp = xt::zeros<float>({B, Lp, C});  // a braced shape: no std::vector Shape built per step
    for (std::size_t b = 0; b < B; ++b)
        std::copy(x.data() + b * L * C, x.data() + (b + 1) * L * C, xp.data() + (b * Lp + (K - 1) / 2) * C);
    return xp;
}

}  // namespace

Var conv1d(const Var& x, const Var& w, const Var& b, Padding padding, Fused act, std::size_t dilation)
{
    if (dilation != 1) return conv1d_dilated(x, w, b, padding, dilation, act);
    HELIX_ASSERT(x.ndim() == 3 && w.ndim() == 3 && x.dim(2) == w.dim(1));
    const std::size_t B = x.dim(0), L = x.dim(1), C = x.dim(2), K = w.dim(0), F = w.dim(2);
    HELIX_ASSERT(K >= 1 && F >= 1);
    if (b) HELIX_ASSERT(b.ndim() == 1 && b.dim(0) == F);
    const bool same = padding == Padding::same;
    HELIX_ASSERT(same || L >= K);  // the model layer rejects L < K before calling
    const std::size_t Lp = same ? L + K - 1 : L, Lo = Lp - K + 1;

    auto xp = small_pool::make_shared<Tensor>();  // only filled for same; shared with the backward closure
    if (same) *xp = pad_same(x.value(), K);
    const float* px = same ? xp->data() : x.value().data();
    const float* pw = w.value().data();
    const float* pb = b ? b.value().data() : nullptr;

    // The whole batch is one GEMM (rows grouped per sequence: f32_gemm.hpp), so w is packed once per call
    // and the threads split row tiles over every sequence; the bias is added at the GEMM's store.
    Tensor y = Tensor::from_shape({B, Lo, F});
    kernels::GemmArgs g;
    g.m = B * Lo, g.n = F, g.k = K * C;
    g.a = px, g.lda = C, g.a_group_rows = Lo, g.a_group_stride = Lp * C;  // row (s, l) = window at l of s
    g.b = pw, g.ldb = F;
    g.c = y.data(), g.ldc = F;
    g.bias = pb;
    g.relu = act == Fused::relu;
    kernels::f32_gemm(g);

    const bool has_bias = static_cast<bool>(b);
    const Var operands[3] = {x, w, b};
    const VarList inputs(operands, has_bias ? 3 : 2);
    return record(act == Fused::relu ? "conv1d_relu" : "conv1d", std::move(y), inputs, [=](BackwardCtx& c) {
        StepVector<float> masked;
        const float* dy =
            act == Fused::relu ? relu_masked(c.value_out(), c.grad_out(), masked) : c.grad_out().data();
        const float* pw = c.value_in(1).data();
        const float* xin = same ? xp->data() : c.value_in(0).data();
        if (c.needs_grad(
                1)) {  // dw (K*C, F) += windows^T (K*C, B*Lo) dy (B*Lo, F): depths grouped per sequence
            kernels::GemmArgs g;
            g.m = K * C, g.n = F, g.k = B * Lo;
            g.a = xin, g.lda = C, g.trans_a = true, g.a_group_rows = Lo, g.a_group_stride = Lp * C;
            g.b = dy, g.ldb = F;
            g.c = c.grad_in(1).data(), g.ldc = F, g.accumulate = true;
            kernels::f32_gemm(g);
        }
        if (has_bias && c.needs_grad(2)) add_row_sums(c.grad_in(2).data(), dy, B * Lo, F);
        if (c.needs_grad(0) && kernels::conv1d_dx_prefers_direct(C)) {
            kernels::Conv1dDxArgs a;
            a.batch = B, a.length = L, a.channels = C, a.width = K, a.filters = F;
            a.out_length = Lo, a.pad_left = same ? (K - 1) / 2 : 0;
            a.dy = dy, a.w = pw, a.dx = c.grad_in(0).data();
            kernels::f32_conv1d_dx(a);
        } else if (c.needs_grad(0)) {
            // dwin (S*Lo, K*C) = dy (S*Lo, F) w^T for a chunk of S sequences at a time (one packing of w per
            // chunk; the chunk's dwin stays under kChunkFloats), then each sequence's overlap-add, in
            // parallel.
            float* dx = c.grad_in(0).data();
            const std::size_t KC = K * C, pad_left = same ? (K - 1) / 2 : 0;
            constexpr std::size_t kChunkFloats = 1u << 20;
            const std::size_t S = std::clamp<std::size_t>(kChunkFloats / (Lo * KC), 1, B);
            thread_local std::vector<float> dwin;  // workspace kept across steps (grows to the largest chunk)
            if (dwin.size() < S * Lo * KC) dwin.resize(S * Lo * KC);
            for (std::size_t s0 = 0; s0 < B; s0 += S) {
                const std::size_t s1 = std::min(B, s0 + S);
                kernels::GemmArgs g;  // w stored (K*C, F)
                g.m = (s1 - s0) * Lo, g.n = KC, g.k = F;
                g.a = dy + s0 * Lo * F, g.lda = F;
                g.b = pw, g.ldb = F, g.trans_b = true;
                g.c = dwin.data(), g.ldc = KC;
                kernels::f32_gemm(g);
                const float* pwin = dwin.data();
                ThreadPool::global().parallel_for(s0, s1, 1, [=](std::size_t b0, std::size_t b1) {
                    for (std::size_t s = b0; s < b1; ++s) {
                        // Window l covers xp positions l .. l+K-1; positions of the padding are dropped.
                        const float* win = pwin + (s - s0) * Lo * KC;
                        float* dxs = dx + s * L * C;
                        for (std::size_t l = 0; l < Lo; ++l) {
                            const std::size_t k0 = l < pad_left ? pad_left - l : 0;  // first k inside x
                            const std::size_t k1 = std::min(K, L + pad_left - l);    // one past the last
                            if (k0 >= k1) continue;
                            float* d = dxs + (l + k0 - pad_left) * C;
                            const float* src = win + l * KC + k0 * C;
                            for (std::size_t j = 0, n = (k1 - k0) * C; j < n; ++j) d[j] += src[j];
                        }
                    }
                });
            }
        }
    });
}

}  // namespace helix::ops
