// core/ops/lstm.cpp: the LSTM layer as one op, forward and backward through time. Equations in recurrent.hpp.
// x (B, L, C), w_ih (C, 4H), w_hh (H, 4H), b (4H) -> y (B, L, H) or (B, H).
//
// Forward: the input side of every step's gates is one GEMM over all B*L positions, z (B, L, 4H) = x w_ih +
// b; then the batch is split into blocks of sequences, one per thread, and in each block step t is ONE GEMM,
// z[:, t] += h_{t-1} w_hh, reading h_{t-1} from the saved
// states and writing into z's rows of step t in place (row strides L*H and L*4H: no copies), and then the
// gate nonlinearities, which overwrite z[:, t] with the activations i, f, g, o. Saved for backward: those
// activations a (B, L, 4H), the cells cs (B, L, H) and the states hs (B, L, H).
// Backward, t = L-1 down to 0, with dh, dc the gradients reaching h_t, c_t from later steps:
//   dc_t = dc + dh o (1 - tanh^2 c_t)
//   dz_t = [dc_t g i(1-i), dc_t c_{t-1} f(1-f), dc_t i (1-g^2), dh tanh(c_t) o(1-o)]
//   dc  <- dc_t f;   dh <- dz_t w_hh^T + dy[:, t-1]      (the one GEMM per step)
// dz of every step is kept (B, L, 4H), so the parameter gradients are GEMMs over all steps at the end
// (recurrent_projections.cpp). tanh(c_t) is recomputed, not saved: that would be one more (B, L, H) buffer.
#include <algorithm>
#include <memory>

#include "../kernels/f32_activations.hpp"
#include "../kernels/f32_gemm.hpp"
#include "../parallel.hpp"
#include "recurrent.hpp"

namespace helix::ops {

namespace {

struct LstmSaved {
    StepVector<float> a;   // (B, L, 4H) gate activations i, f, g, o
    StepVector<float> cs;  // (B, L, H) cell c_t
    StepVector<float> hs;  // (B, L, H) state h_t
};

}  // namespace

Var lstm(const Var& x, const Var& w_ih, const Var& w_hh, const Var& b, bool return_sequences)
{
    using namespace recurrent_detail;
    HELIX_ASSERT(x.ndim() == 3 && w_ih.ndim() == 2 && w_hh.ndim() == 2 && b.ndim() == 1);
    const std::size_t B = x.dim(0), L = x.dim(1), C = x.dim(2), H = w_hh.dim(0), G = 4 * H;
    HELIX_ASSERT(L >= 1 && H >= 1 && w_ih.dim(0) == C && w_ih.dim(1) == G && w_hh.dim(1) == G &&
                 b.dim(0) == G);

    auto s = small_pool::make_shared<LstmSaved>();
    s->a = project_inputs(x.value(), w_ih.value(), b.value());
    s->cs.assign(B * L * H, 0.0f);
    s->hs.assign(B * L * H, 0.0f);
    float *pa = s->a.data(), *pc = s->cs.data(), *ph = s->hs.data();
    const float* pw_hh = w_hh.value().data();
    // Each task runs the whole recurrence for its block of sequences: one hand-off per layer, not two per
    // step.
    ThreadPool::global().parallel_for(0, B, sequences_per_task(L, H, G), [=](std::size_t b0, std::size_t b1) {
        for (std::size_t t = 0; t < L; ++t) {
            if (t > 0) {  // z[b0:b1, t] (nb, 4H) += h_{t-1} (nb, H) w_hh (H, 4H)
                kernels::GemmArgs g;
                g.m = b1 - b0, g.n = G, g.k = H;
                g.a = ph + (b0 * L + t - 1) * H, g.lda = L * H;
                g.b = pw_hh, g.ldb = G;
                g.c = pa + (b0 * L + t) * G, g.ldc = L * G, g.accumulate = true;
                kernels::f32_gemm(g);
            }
            for (std::size_t bi = b0; bi < b1; ++bi) {
                float* z = pa + (bi * L + t) * G;
                const float* c_prev = t > 0 ? pc + (bi * L + t - 1) * H : nullptr;
                float *c = pc + (bi * L + t) * H, *h = ph + (bi * L + t) * H;
                kernels::f32_sigmoid(z, z, 2 * H);              // i, f
                kernels::f32_tanh(z + 2 * H, z + 2 * H, H);     // g
                kernels::f32_sigmoid(z + 3 * H, z + 3 * H, H);  // o
                for (std::size_t j = 0; j < H; ++j)
                    c[j] = (c_prev ? z[H + j] * c_prev[j] : 0.0f) + z[j] * z[2 * H + j];
                kernels::f32_tanh(c, h, H);
                for (std::size_t j = 0; j < H; ++j) h[j] *= z[3 * H + j];
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
        "lstm", std::move(y), {x, w_ih, w_hh, b}, [s, B, L, H, G, return_sequences](BackwardCtx& c) {
            const float* dy = c.grad_out().data();
            const float *pa = s->a.data(), *pc = s->cs.data();
            const float* pw_hh = c.value_in(2).data();
            StepVector<float> dz(B * L * G), dh(B * H, 0.0f), dc(B * H, 0.0f);
            float *pdz = dz.data(), *pdh = dh.data(), *pdc = dc.data();
            // tanh(c_t) of one sequence, one workspace per thread of the pool (ThreadPool::slot()).
            ThreadPool& pool = ThreadPool::global();
            StepVector<float> tanh_slots(pool.threads() * H);
            float* ptanh = tanh_slots.data();
            pool.parallel_for(0, B, sequences_per_task(L, H, G), [=](std::size_t b0, std::size_t b1) {
                float* tanh_c = ptanh + ThreadPool::slot() * H;
                for (std::size_t t = L; t-- > 0;) {
                    for (std::size_t bi = b0; bi < b1; ++bi) {
                        const float* a = pa + (bi * L + t) * G;
                        const float* c_t = pc + (bi * L + t) * H;
                        const float* c_prev = t > 0 ? pc + (bi * L + t - 1) * H : nullptr;
                        const float* dy_t =
                            return_sequences ? dy + (bi * L + t) * H : (t == L - 1 ? dy + bi * H : nullptr);
                        float *dzt = pdz + (bi * L + t) * G, *dhb = pdh + bi * H, *dcb = pdc + bi * H;
                        kernels::f32_tanh(c_t, tanh_c, H);
                        for (std::size_t j = 0; j < H; ++j) {
                            const float i = a[j], f = a[H + j], gg = a[2 * H + j], o = a[3 * H + j];
                            const float tc = tanh_c[j];
                            const float dhv = dhb[j] + (dy_t ? dy_t[j] : 0.0f);
                            const float dcv = dcb[j] + dhv * o * (1.0f - tc * tc);
                            dzt[j] = dcv * gg * i * (1.0f - i);
                            dzt[H + j] = c_prev ? dcv * c_prev[j] * f * (1.0f - f) : 0.0f;
                            dzt[2 * H + j] = dcv * i * (1.0f - gg * gg);
                            dzt[3 * H + j] = dhv * tc * o * (1.0f - o);
                            dcb[j] = dcv * f;
                        }
                    }
                    if (t > 0) {  // dh[b0:b1] (nb, H) = dz[b0:b1, t] (nb, 4H) w_hh^T; w_hh is stored (H, 4H)
                        kernels::GemmArgs g;
                        g.m = b1 - b0, g.n = H, g.k = G;
                        g.a = pdz + (b0 * L + t) * G, g.lda = L * G;
                        g.b = pw_hh, g.ldb = G, g.trans_b = true;
                        g.c = pdh + b0 * H, g.ldc = H;
                        kernels::f32_gemm(g);
                    }
                }
            });
            recurrent_detail::add_input_grads(c, /*x=*/0, /*w_ih=*/1, /*b=*/3, dz);
            if (c.needs_grad(2)) recurrent_detail::add_hidden_weight_grad(c.grad_in(2), s->hs, dz, B, L, H);
        });
}

}  // namespace helix::ops
