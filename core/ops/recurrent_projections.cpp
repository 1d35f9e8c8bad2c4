// core/ops/recurrent_projections.cpp: the GEMMs over all B*L positions of a recurrent layer, shared by
// lstm.cpp and gru.cpp. Only h_{t-1} w_hh waits for the previous step; the rest is one long GEMM each:
//   forward   z (B*L, G) = x (B*L, C) w_ih (C, G) + b
//   backward  dx += dz w_ih^T,  dw_ih += x^T dz,  db += colsum(dz),  dw_hh += hprev^T dz
// where dz (B*L, G) holds the gate pre-activation gradients of every step (kept by backward through time) and
// hprev (B*L, H) is the state each step read: h shifted one step later, zero at t = 0.
#include <algorithm>

#include "../kernels/f32_gemm.hpp"
#include "ops.hpp"
#include "recurrent.hpp"

namespace helix::ops::recurrent_detail {

StepVector<float> project_inputs(const Tensor& x, const Tensor& w, const Tensor& b)
{
    const std::size_t C = w.shape()[0], G = w.shape()[1], rows = x.size() / C;
    StepVector<float> z(rows * G);
    kernels::GemmArgs g;
    g.m = rows, g.n = G, g.k = C;
    g.a = x.data(), g.lda = C;
    g.b = w.data(), g.ldb = G;
    g.c = z.data(), g.ldc = G;
    g.bias = b.data();
    kernels::f32_gemm(g);
    return z;
}

void add_input_grads(BackwardCtx& c, std::size_t ix, std::size_t iw, std::size_t ib,
                     const StepVector<float>& dz)
{
    const Tensor& w = c.value_in(iw);
    const std::size_t C = w.shape()[0], G = w.shape()[1], rows = dz.size() / G;
    if (c.needs_grad(ix)) {  // dx (B*L, C) += dz (B*L, G) w^T; w is stored (C, G)
        kernels::GemmArgs g;
        g.m = rows, g.n = C, g.k = G;
        g.a = dz.data(), g.lda = G;
        g.b = w.data(), g.ldb = G, g.trans_b = true;
        g.c = c.grad_in(ix).data(), g.ldc = C, g.accumulate = true;
        kernels::f32_gemm(g);
    }
    if (c.needs_grad(iw)) {  // dw (C, G) += x^T dz; x is stored (B*L, C)
        kernels::GemmArgs g;
        g.m = C, g.n = G, g.k = rows;
        g.a = c.value_in(ix).data(), g.lda = C, g.trans_a = true;
        g.b = dz.data(), g.ldb = G;
        g.c = c.grad_in(iw).data(), g.ldc = G, g.accumulate = true;
        kernels::f32_gemm(g);
    }
    if (c.needs_grad(ib)) add_column_sums(c.grad_in(ib), dz);
}

void add_hidden_weight_grad(Tensor& dw_hh, const StepVector<float>& hs, const StepVector<float>& dz,
                            std::size_t B, std::size_t L, std::size_t H)
{
    const std::size_t G = dw_hh.shape()[1];
    StepVector<float> hprev(B * L * H, 0.0f);  // row (b, t) = h_{t-1} of sequence b
    for (std::size_t b = 0; b < B; ++b)
        std::copy(hs.data() + b * L * H, hs.data() + (b * L + L - 1) * H, hprev.data() + (b * L + 1) * H);
    kernels::GemmArgs g;
    g.m = H, g.n = G, g.k = B * L;
    g.a = hprev.data(), g.lda = H, g.trans_a = true;
    g.b = dz.data(), g.ldb = G;
    g.c = dw_hh.data(), g.ldc = G, g.accumulate = true;
    kernels::f32_gemm(g);
}

void add_column_sums(Tensor& db, const StepVector<float>& dz)
{
    add_row_sums(db.data(), dz.data(), dz.size() / db.size(), db.size());
}

// A sequence's recurrence is L steps of a (1, H) x (H, G) product plus G gate values: ~L*G*(2H + 30) flops.
// A task should have at least ~256 kflop, or the hand-off to another thread costs more than it saves.
std::size_t sequences_per_task(std::size_t L, std::size_t H, std::size_t G)
{
    return std::max<std::size_t>(1, (std::size_t{1} << 18) / std::max<std::size_t>(1, L * G * (2 * H + 30)));
}

}  // namespace helix::ops::recurrent_detail
