// core/ops/gru.cpp: the GRU layer as one op, forward and backward through time, in PyTorch's formulation
// (equations in recurrent.hpp). x (B, L, C), w_ih (C, 3H), w_hh (H, 3H), b_ih, b_hh (3H) -> y (B, L, H) or
// (B, H).
//
// Forward: the input side of every step is one GEMM over all B*L positions (zx = x w_ih + b_ih, (B, L, 3H));
// then, in each thread's block of sequences, step t is ONE GEMM, zh (B, 3H) = h_{t-1} w_hh + b_hh (h_{t-1}
// read from the saved
// states with row stride L*H), then the gates; the activations r, z, n overwrite zx[:, t]. Saved for
// backward: those activations a (B, L, 3H), the n block of the hidden side hn (B, L, H) = h_{t-1} w_hn + b_hn
// (r multiplies it), and the states hs (B, L, H).
// Backward, t = L-1 down to 0, with dh the gradient reaching h_t (from y and from step t+1):
//   dn = dh (1-z) (1-n^2);  dz = dh (h_{t-1} - n) z(1-z);  dr = dn hn r(1-r)
//   input side  dzx_t = [dr, dz, dn]      hidden side  dzh_t = [dr, dz, dn r]
//   dh <- dh z + dzh_t w_hh^T + dy[:, t-1]      (the one GEMM per step)
// dzx and dzh of every step are kept (B, L, 3H): the parameter gradients are GEMMs over all steps at the end
// (recurrent_projections.cpp), and db_hh is the column sum of dzh.
#include <algorithm>
#include <memory>

#include "../kernels/f32_activations.hpp"
#include "../kernels/f32_gemm.hpp"
#include "../parallel.hpp"
#include "recurrent.hpp"

namespace helix::ops {

namespace {

struct GruSaved {
    StepVector<float> a;   // (B, L, 3H) gate activations r, z, n
    StepVector<float> hn;  // (B, L, H) h_{t-1} w_hn + b_hn
    StepVector<float> hs;  // (B, L, H) state h_t
};

}  // namespace

Var gru(const Var& x, const Var& w_ih, const Var& w_hh, const Var& b_ih, const Var& b_hh,
        bool return_sequences)
{
    using namespace recurrent_detail;
    HELIX_ASSERT(x.ndim() == 3 && w_ih.ndim() == 2 && w_hh.ndim() == 2 && b_ih.ndim() == 1 &&
                 b_hh.ndim() == 1);
    const std::size_t B = x.dim(0), L = x.dim(1), C = x.dim(2), H = w_hh.dim(0), G = 3 * H;
    HELIX_ASSERT(L >= 1 && H >= 1 && w_ih.dim(0) == C && w_ih.dim(1) == G && w_hh.dim(1) == G);
    HELIX_ASSERT(b_ih.dim(0) == G && b_hh.dim(0) == G);

    auto s = small_pool::make_shared<GruSaved>();
    s->a = project_inputs(x.value(), w_ih.value(), b_ih.value());
    s->hn.assign(B * L * H, 0.0f);
    s->hs.assign(B * L * H, 0.0f);
    float *pa = s->a.data(), *phn = s->hn.data(), *ph = s->hs.data();
    const float* pb_hh = b_hh.value().data();
    StepVector<float> zh(B * G);
    float* pzh = zh.data();
    const float* pw_hh = w_hh.value().data();
    // Each task runs the whole recurrence for its block of sequences: one hand-off per layer, not two per
    // step.
    ThreadPool::global().parallel_for(0, B, sequences_per_task(L, H, G), [=](std::size_t b0, std::size_t b1) {
        for (std::size_t t = 0; t < L; ++t) {
            for (std::size_t bi = b0; bi < b1; ++bi) std::copy(pb_hh, pb_hh + G, pzh + bi * G);
            if (t > 0) {  // zh[b0:b1] (nb, 3H) += h_{t-1} (nb, H) w_hh (H, 3H)
                kernels::GemmArgs g;
                g.m = b1 - b0, g.n = G, g.k = H;
                g.a = ph + (b0 * L + t - 1) * H, g.lda = L * H;
                g.b = pw_hh, g.ldb = G;
                g.c = pzh + b0 * G, g.ldc = G, g.accumulate = true;
                kernels::f32_gemm(g);
            }
            for (std::size_t bi = b0; bi < b1; ++bi) {
                float* zx = pa + (bi * L + t) * G;
                const float* zhb = pzh + bi * G;
                const float* h_prev = t > 0 ? ph + (bi * L + t - 1) * H : nullptr;
                float *hn = phn + (bi * L + t) * H, *h = ph + (bi * L + t) * H;
                for (std::size_t j = 0; j < 2 * H; ++j) zx[j] += zhb[j];
                kernels::f32_sigmoid(zx, zx, 2 * H);  // r, z
                for (std::size_t j = 0; j < H; ++j) zx[2 * H + j] += zx[j] * zhb[2 * H + j];
                kernels::f32_tanh(zx + 2 * H, zx + 2 * H, H);  // n
                for (std::size_t j = 0; j < H; ++j) {
                    const float z = zx[H + j], n = zx[2 * H + j];
                    hn[j] = zhb[2 * H + j];
                    h[j] = (1.0f - z) * n + (h_prev ? z * h_prev[j] : 0.0f);
                }
            }
        }
    });

    Tensor y = return_sequences ? Tensor::from_shape({B, L, H}) : Tensor::from_shape({B, H});
    if (return_sequences)
        std::copy(s->hs.begin(), s->hs.end(), y.data());
    else
        for (std::size_t bi = 0; bi < B; ++bi)
            std::copy(ph + (bi * L + L - 1) * H, ph + (bi * L + L) * H, y.data() + bi * H);

    return record(
        "gru", std::move(y), {x, w_ih, w_hh, b_ih, b_hh}, [s, B, L, H, G, return_sequences](BackwardCtx& c) {
            const float* dy = c.grad_out().data();
            const float *pa = s->a.data(), *phn = s->hn.data(), *ph = s->hs.data();
            const float* pw_hh = c.value_in(2).data();
            StepVector<float> dzx(B * L * G), dzh(B * L * G), dh(B * H, 0.0f);
            float *pdzx = dzx.data(), *pdzh = dzh.data(), *pdh = dh.data();
            ThreadPool::global().parallel_for(
                0, B, sequences_per_task(L, H, G), [=](std::size_t b0, std::size_t b1) {
                    for (std::size_t t = L; t-- > 0;) {
                        for (std::size_t bi = b0; bi < b1; ++bi) {
                            const float* a = pa + (bi * L + t) * G;
                            const float* hn = phn + (bi * L + t) * H;
                            const float* h_prev = t > 0 ? ph + (bi * L + t - 1) * H : nullptr;
                            const float* dy_t = return_sequences ? dy + (bi * L + t) * H
                                                                 : (t == L - 1 ? dy + bi * H : nullptr);
                            float *dx_t = pdzx + (bi * L + t) * G, *dh_t = pdzh + (bi * L + t) * G,
                                  *dhb = pdh + bi * H;
                            for (std::size_t j = 0; j < H; ++j) {
                                const float r = a[j], z = a[H + j], n = a[2 * H + j];
                                const float dhv = dhb[j] + (dy_t ? dy_t[j] : 0.0f);
                                const float dn = dhv * (1.0f - z) * (1.0f - n * n);
                                const float dz = dhv * ((h_prev ? h_prev[j] : 0.0f) - n) * z * (1.0f - z);
                                const float dr = dn * hn[j] * r * (1.0f - r);
                                dx_t[j] = dr, dx_t[H + j] = dz, dx_t[2 * H + j] = dn;
                                dh_t[j] = dr, dh_t[H + j] = dz, dh_t[2 * H + j] = dn * r;
                                dhb[j] = dhv * z;
                            }
                        }
                        if (t > 0) {  // dh[b0:b1] (nb, H) += dzh[b0:b1, t] (nb, 3H) w_hh^T; w_hh is stored
                                      // (H, 3H)
                            kernels::GemmArgs g;
                            g.m = b1 - b0, g.n = H, g.k = G;
                            g.a = pdzh + (b0 * L + t) * G, g.lda = L * G;
                            g.b = pw_hh, g.ldb = G, g.trans_b = true;
                            g.c = pdh + b0 * H, g.ldc = H, g.accumulate = true;
                            kernels::f32_gemm(g);
                        }
                    }
                });
            recurrent_detail::add_input_grads(c, /*x=*/0, /*w_ih=*/1, /*b_ih=*/3, dzx);
            if (c.needs_grad(2)) recurrent_detail::add_hidden_weight_grad(c.grad_in(2), s->hs, dzh, B, L, H);
            if (c.needs_grad(4)) recurrent_detail::add_column_sums(c.grad_in(4), dzh);
        });
}

}  // namespace helix::ops
