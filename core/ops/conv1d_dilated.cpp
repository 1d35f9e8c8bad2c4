// core/ops/conv1d_dilated.cpp: dilated 1-D convolution, channels-last, one f32_gemm per tap.
// x (B, L, C) * w (K, C, F) + b (F) -> y (B, L', F), dilation d >= 1, span E = (K-1) d + 1:
//   y[b, l, f] = b[f] + sum_k sum_c xp[b, l + k d, c] w[k, c, f]
// Valid: L' = L-E+1. Same: L' = L, xp = x padded with (E-1)/2 zeros on the left and E/2 on the right
// (PyTorch's padding='same' with dilation; for d = 1 the split of conv1d.cpp).
//
// conv1d.cpp's im2col view (a window of K positions is K*C contiguous floats) does not hold when d > 1: the
// taps of a window are d*C floats apart. Tap k alone is still a strided view, though: row (s, l) of
// A_k = xp + k d C is the C floats of position l + k d, lda = C, the sequences chained by f32_gemm's grouped
// rows. So each direction is K GEMMs of depth C over the whole batch (w packed once per tap):
//   forward  y (B*L', F)  (+)= A_k (B*L', C) * w_k (C, F)      k = 0 .. K-1 (the last adds b, and relu)
//   dw_k     (C, F)        += A_k^T dy (B*L', F)
//   dx       (B*L, C)      += dyp_k (B*L, F) * w_k^T           dyp: dy padded so that
//            dx[s, i] = sum_k dyp[s, i + (K-1-k) d] w_k^T is the same kind of strided view (no overlap-add)
// For d = 1 this is the same arithmetic as conv1d with K GEMMs of depth C instead of one of depth K*C:
// conv1d keeps its path there (tests/core/test_conv1d_dilated.cpp compares the two and a direct loop).
#include <algorithm>

#include "../kernels/f32_gemm.hpp"
#include "ops.hpp"

namespace helix::ops {

namespace {

// (B, left + L + right, W): each sequence of t (B, L, W) between zero positions.
Tensor pad_zeros(const float* t, std::size_t B, std::size_t L, std::size_t W, std::size_t left,
                 std::size_t right)
{
    const std::size_t Lp = left + L + right;
    Tensor out = xt::zeros<float>({B, Lp, W});
    for (std::size_t b = 0; b < B; ++b)
        std::copy(t + b * L * W, t + (b + 1) * L * W, out.data() + (b * Lp + left) * W);
    return out;
}

}  // namespace

Var conv1d_dilated(const Var& x, const Var& w, const Var& b, Padding padding, std::size_t dilation, Fused act)
{
    HELIX_ASSERT(x.ndim() == 3 && w.ndim() == 3 && x.dim(2) == w.dim(1) && dilation >= 1);
    const std::size_t B = x.dim(0), L = x.dim(1), C = x.dim(2), K = w.dim(0), F = w.dim(2), d = dilation;
    HELIX_ASSERT(K >= 1 && F >= 1);
    if (b) HELIX_ASSERT(b.ndim() == 1 && b.dim(0) == F);
    const std::size_t E = (K - 1) * d + 1;
    const bool same = padding == Padding::same;
    HELIX_ASSERT(same || L >= E);  // the model layer rejects a span longer than its input
    const std::size_t pad_left = same ? (E - 1) / 2 : 0, Lp = same ? L + E - 1 : L, Lo = Lp - E + 1;

    auto xp = small_pool::make_shared<Tensor>();  // only filled for same; shared with the backward closure
    if (same) *xp = pad_zeros(x.value().data(), B, L, C, pad_left, E / 2);
    const float* px = same ? xp->data() : x.value().data();
    Tensor y = Tensor::from_shape({B, Lo, F});
    for (std::size_t k = 0; k < K; ++k) {
        kernels::GemmArgs g;
        g.m = B * Lo, g.n = F, g.k = C;
        g.a = px + k * d * C, g.lda = C, g.a_group_rows = Lo, g.a_group_stride = Lp * C;
        g.b = w.value().data() + k * C * F, g.ldb = F;
        g.c = y.data(), g.ldc = F, g.accumulate = k > 0;
        if (k + 1 == K) g.bias = b ? b.value().data() : nullptr, g.relu = act == Fused::relu;
        kernels::f32_gemm(g);
    }

    const bool has_bias = static_cast<bool>(b);
    const Var operands[3] = {x, w, b};
    const VarList inputs(operands, has_bias ? 3 : 2);
    const char* name = act == Fused::relu ? "conv1d_dilated_relu" : "conv1d_dilated";
    return record(name, std::move(y), inputs, [=](BackwardCtx& c) {
        StepVector<float> masked;
        const float* dy =
            act == Fused::relu ? relu_masked(c.value_out(), c.grad_out(), masked) : c.grad_out().data();
        const float* pw = c.value_in(1).data();
        const float* xin = same ? xp->data() : c.value_in(0).data();
        for (std::size_t k = 0; k < K && c.needs_grad(1); ++k) {  // dw_k (C, F) += A_k^T dy
            kernels::GemmArgs g;
            g.m = C, g.n = F, g.k = B * Lo;
            g.a = xin + k * d * C, g.lda = C, g.trans_a = true, g.a_group_rows = Lo,
            g.a_group_stride = Lp * C;
            g.b = dy, g.ldb = F;
            g.c = c.grad_in(1).data() + k * C * F, g.ldc = F, g.accumulate = true;
            kernels::f32_gemm(g);
        }
        if (has_bias && c.needs_grad(2)) add_row_sums(c.grad_in(2).data(), dy, B * Lo, F);
        if (!c.needs_grad(0)) return;
        // dyp (B, L+E-1, F): dy with E-1-pad_left zeros before it, so that dx[s, i] reads dyp[s, i + (K-1-k)
        // d].
        const std::size_t left = E - 1 - pad_left, Lq = L + E - 1;
        const Tensor dyp = pad_zeros(dy, B, Lo, F, left, Lq - left - Lo);
        for (std::size_t k = 0; k < K; ++k) {  // dx (B*L, C) += dyp_k (B*L, F) w_k^T, w_k stored (C, F)
            kernels::GemmArgs g;
            g.m = B * L, g.n = C, g.k = F;
            g.a = dyp.data() + (K - 1 - k) * d * F, g.lda = F, g.a_group_rows = L, g.a_group_stride = Lq * F;
            g.b = pw + k * C * F, g.ldb = F, g.trans_b = true;
            g.c = c.grad_in(0).data(), g.ldc = C, g.accumulate = true;
            kernels::f32_gemm(g);
        }
    });
}

}  // namespace helix::ops
