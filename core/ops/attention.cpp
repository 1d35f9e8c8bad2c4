// core/ops/attention.cpp: scaled dot-product attention over H heads, and the ALiBi slopes. See attention.hpp.
// q, k, v (B, L, D), head h = columns h*dh .. (h+1)*dh, n = the example's length (L without lengths):
//   S  = q_h k_h^T                 (n, n)   f32_gemm, rows of q_h and k_h strided by D (no copy)
//   P  = softmax_j(S / sqrt(dh) - m_h |i - j|)   over keys j < n (j <= i when causal); other entries 0
//   y_h = P v_h                    (n, dh)  written into columns h of y; rows n .. L-1 stay 0
// P (B, H, L, L) is kept for the backward (and handed out for attention maps). With dy_h the columns h of
// dy and scale = 1/sqrt(dh):
//   dP = dy_h v_h^T,  dS = scale * P .* (dP - rowsum(P .* dP))   (0 where P is masked)
//   dq_h += dS k_h,  dk_h += dS^T q_h,  dv_h += P^T dy_h
// Each (b, h) pair is one task of the thread pool; its GEMMs run inline on that thread with a packing buffer
// from a workspace sized for the pool (f32_gemm.hpp's `pack`), and it writes only its own rows and columns.
#include "attention.hpp"

#include <algorithm>
#include <cmath>

#include "../kernels/f32_gemm.hpp"
#include "../parallel.hpp"

namespace helix::ops {

void alibi_slopes(std::size_t heads, float* out)
{
    std::size_t n = 1;
    while (n * 2 <= heads) n *= 2;
    for (std::size_t h = 0; h < n && h < heads; ++h)
        out[h] = static_cast<float>(std::exp2(-8.0 * (h + 1) / n));
    for (std::size_t i = 0; n + i < heads; ++i)  // slopes 0, 2, 4, ... of 2n heads
        out[n + i] = static_cast<float>(std::exp2(-8.0 * (2 * i + 1) / (2.0 * n)));
}

namespace {

struct Dims {
    std::size_t B, L, D, H, dh;
    float scale;
    bool causal;
};

// One past the last key query i may see, in an example of length n.
std::size_t key_end(std::size_t i, std::size_t n, bool causal)
{
    return causal ? std::min(n, i + 1) : n;
}

// c (m, n) (+)= a (m, k) b (k, n); lda, ldb, ldc and the transposes as f32_gemm; packing into `pack`.
void gemm(std::size_t m, std::size_t n, std::size_t k, const float* a, std::size_t lda, bool ta,
          const float* b, std::size_t ldb, bool tb, float* c, std::size_t ldc, bool acc, float* pack)
{
    kernels::GemmArgs g;
    g.m = m, g.n = n, g.k = k;
    g.a = a, g.lda = lda, g.trans_a = ta;
    g.b = b, g.ldb = ldb, g.trans_b = tb;
    g.c = c, g.ldc = ldc, g.accumulate = acc;
    g.pack = pack;
    kernels::f32_gemm(g);
}

// The packing floats of the largest GEMM of a task: (L x L) by depth dh, or (L x dh) by depth L.
std::size_t pack_floats(const Dims& d)
{
    kernels::GemmArgs a, b;
    a.m = d.L, a.n = d.L, a.k = d.dh;
    b.m = d.L, b.n = d.dh, b.k = d.L;
    return std::max(kernels::f32_gemm_pack_floats(a), kernels::f32_gemm_pack_floats(b));
}

// Softmax of row i of P (scores of length n in place), with the ALiBi term and the causal cut.
void softmax_row(float* row, std::size_t i, std::size_t n, const Dims& d, float slope)
{
    const std::size_t e = key_end(i, n, d.causal);
    float mx = -INFINITY;
    for (std::size_t j = 0; j < e; ++j) {
        const float dist = static_cast<float>(i > j ? i - j : j - i);
        row[j] = row[j] * d.scale - slope * dist;
        mx = std::max(mx, row[j]);
    }
    double s = 0.0;
    for (std::size_t j = 0; j < e; ++j) s += (row[j] = std::exp(row[j] - mx));
    const float inv = static_cast<float>(1.0 / s);
    for (std::size_t j = 0; j < e; ++j) row[j] *= inv;
    std::fill(row + e, row + n, 0.0f);
}

}  // namespace

Var attention(const Var& q, const Var& k, const Var& v, const AttentionOptions& o)
{
    HELIX_ASSERT(q.ndim() == 3 && k.value().shape() == q.value().shape() &&
                 v.value().shape() == q.value().shape());
    HELIX_ASSERT(o.heads >= 1 && q.dim(2) % o.heads == 0 && q.dim(2) >= o.heads);
    const std::size_t dh0 = q.dim(2) / o.heads;
    const Dims d{q.dim(0), q.dim(1), q.dim(2),
                 o.heads,  dh0,      static_cast<float>(1.0 / std::sqrt(static_cast<double>(dh0))),
                 o.causal};
    const std::size_t B = d.B, L = d.L, D = d.D, H = d.H, dh = d.dh;
    auto len = small_pool::make_shared<StepVector<std::size_t>>(B, L);
    for (std::size_t b = 0; b < B && o.lengths; ++b) {
        HELIX_ASSERT(o.lengths[b] <= L);
        (*len)[b] = o.lengths[b];
    }
    StepVector<float> slopes(H, 0.0f);
    if (o.alibi) alibi_slopes(H, slopes.data());

    auto P = small_pool::make_shared<Tensor>(Tensor::from_shape({B, H, L, L}));
    Tensor y = xt::zeros<float>({B, L, D});
    const std::size_t pack = pack_floats(d);
    StepVector<float> ws(ThreadPool::global().threads() * pack);
    const float *pq = q.value().data(), *pk = k.value().data(), *pv = v.value().data();
    float *pp = P->data(), *py = y.data();
    ThreadPool::global().parallel_for(0, B * H, 1, [&](std::size_t u0, std::size_t u1) {
        float* pw = ws.data() + ThreadPool::slot() * pack;
        for (std::size_t u = u0; u < u1; ++u) {
            const std::size_t b = u / H, h = u % H, n = (*len)[b], off = b * L * D + h * dh;
            float* Pu = pp + u * L * L;
            std::fill(Pu, Pu + L * L, 0.0f);
            if (n == 0) continue;
            gemm(n, n, dh, pq + off, D, false, pk + off, D, true, Pu, L, false, pw);
            for (std::size_t i = 0; i < n; ++i) softmax_row(Pu + i * L, i, n, d, slopes[h]);
            gemm(n, dh, n, Pu, L, false, pv + off, D, false, py + off, D, false, pw);
        }
    });
    if (o.probabilities) *o.probabilities = *P;

    return record("attention", std::move(y), {q, k, v}, [P, len, d](BackwardCtx& c) {
        const std::size_t B = d.B, L = d.L, D = d.D, H = d.H, dh = d.dh;
        float* dq = c.needs_grad(0) ? c.grad_in(0).data() : nullptr;  // allocated here, not in the tasks
        float* dk = c.needs_grad(1) ? c.grad_in(1).data() : nullptr;
        float* dv = c.needs_grad(2) ? c.grad_in(2).data() : nullptr;
        const float *pq = c.value_in(0).data(), *pk = c.value_in(1).data(), *pv = c.value_in(2).data();
        const float *dy = c.grad_out().data(), *pp = P->data();
        const std::size_t pack = pack_floats(d), slot_floats = L * L + pack;
        StepVector<float> ws(ThreadPool::global().threads() * slot_floats);
        ThreadPool::global().parallel_for(0, B * H, 1, [&](std::size_t u0, std::size_t u1) {
            float* dS = ws.data() + ThreadPool::slot() * slot_floats;
            float* pw = dS + L * L;
            for (std::size_t u = u0; u < u1; ++u) {
                const std::size_t b = u / H, h = u % H, n = (*len)[b], off = b * L * D + h * dh;
                if (n == 0) continue;
                const float* Pu = pp + u * L * L;
                gemm(n, n, dh, dy + off, D, false, pv + off, D, true, dS, L, false, pw);  // dP
                for (std::size_t i = 0; i < n; ++i) {
                    const float* pr = Pu + i * L;
                    float* r = dS + i * L;
                    const std::size_t e = key_end(i, n, d.causal);
                    double dot = 0.0;
                    for (std::size_t j = 0; j < e; ++j) dot += static_cast<double>(pr[j]) * r[j];
                    for (std::size_t j = 0; j < e; ++j)
                        r[j] = d.scale * pr[j] * (r[j] - static_cast<float>(dot));
                    std::fill(r + e, r + n, 0.0f);
                }
                if (dq) gemm(n, dh, n, dS, L, false, pk + off, D, false, dq + off, D, true, pw);
                if (dk) gemm(n, dh, n, dS, L, true, pq + off, D, false, dk + off, D, true, pw);
                if (dv) gemm(n, dh, n, Pu, L, true, dy + off, D, false, dv + off, D, true, pw);
            }
        });
    });
}

}  // namespace helix::ops
