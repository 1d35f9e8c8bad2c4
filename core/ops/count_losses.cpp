// core/ops/count_losses.cpp: losses on read counts (BPNet's two heads, Poisson regression). As losses.cpp:
// shape {1}, the mean over what counts, sums in double; mask empty = all count; nothing counts: 0, no
// gradient.
//
// poisson_nll(z, t):  mean over entries of exp(z) - t z, z the log rate: torch.nn.PoissonNLLLoss(
//   log_input=True, full=False). d/dz = exp(z) - t.
// multinomial_nll(z (B, L, S), c (B, L, S), mask (B)): BPNet's profile loss. Per example b and strand s,
//   the counts c[b, :, s] are a draw of N = sum_l c[b, l, s] reads over the L positions with probabilities
//   p = softmax over L of z[b, :, s]; the loss is the negative log-likelihood summed over strands and
//   averaged over the examples that count (as BPNet: the sum over the batch divided by its size):
//     -sum_s sum_l c log p                                           (full = false)
//     -sum_s [log N! - sum_l log c! + sum_l c log p]                 (full = true: the exact multinomial NLL,
//                                                                     torch.distributions.Multinomial)
//   The log-factorial terms do not depend on z (same gradient); full = true gives the true likelihood, which
//   is >= 0 and 0 only for a perfect, certain profile. d/dz[b, l, s] = N p[b, l, s] - c[b, l, s].
// log1p_mse(pred, counts): mean of (pred - log(1 + counts))^2, BPNet's total-count loss (pred is the
//   predicted log(1 + total count)); mse against the transformed targets.
#include <cmath>
#include <memory>

#include "loss_mask.hpp"
#include "ops.hpp"

namespace helix::ops {

Var poisson_nll(const Var& log_rate, const Tensor& targets, const Tensor& mask)
{
    const std::size_t n = log_rate.value().size();
    HELIX_ASSERT(targets.size() == n && (loss_mask::none(mask) || mask.size() == n));
    const float *z = log_rate.value().data(), *t = targets.data();
    const std::size_t k = loss_mask::count(mask, n);
    double s = 0.0;
    for (std::size_t i = 0; i < n; ++i)
        if (loss_mask::counts(mask, i))
            s += std::exp(static_cast<double>(z[i])) - static_cast<double>(t[i]) * z[i];
    auto tt = small_pool::make_shared<Tensor>(targets);
    auto m = small_pool::make_shared<Tensor>(mask);
    return record("poisson_nll", loss_mask::scalar(k ? s / k : 0.0), {log_rate},
                  [tt, m, n, k](BackwardCtx& c) {
                      if (k == 0) return;
                      const float scale = c.grad_out()(0) / static_cast<float>(k);
                      const float *z = c.value_in(0).data(), *t = tt->data();
                      float* dz = c.grad_in(0).data();
                      for (std::size_t i = 0; i < n; ++i)
                          if (loss_mask::counts(*m, i)) dz[i] += (std::exp(z[i]) - t[i]) * scale;
                  });
}

Var multinomial_nll(const Var& logits, const Tensor& counts, const Tensor& mask, bool full)
{
    HELIX_ASSERT(logits.ndim() == 3 && counts.size() == logits.value().size());
    const std::size_t B = logits.dim(0), L = logits.dim(1), S = logits.dim(2);
    HELIX_ASSERT(L >= 1 && (loss_mask::none(mask) || mask.size() == B));
    const float *z = logits.value().data(), *cn = counts.data();
    // Per (b, s): the log of softmax's denominator (max + log sum exp) and the total count N.
    auto lse = small_pool::make_shared<StepVector<double>>(B * S);
    auto total = small_pool::make_shared<StepVector<double>>(B * S);
    const std::size_t k = loss_mask::count(mask, B);
    double loss = 0.0;
    for (std::size_t b = 0; b < B; ++b) {
        if (!loss_mask::counts(mask, b)) continue;
        for (std::size_t s = 0; s < S; ++s) {
            const float* zc = z + b * L * S + s;  // column s: stride S
            const float* cc = cn + b * L * S + s;
            double mx = zc[0];
            for (std::size_t l = 1; l < L; ++l) mx = std::max(mx, static_cast<double>(zc[l * S]));
            double e = 0.0, n = 0.0, cz = 0.0, log_fact = 0.0;
            for (std::size_t l = 0; l < L; ++l) {
                e += std::exp(zc[l * S] - mx);
                n += cc[l * S];
                cz += static_cast<double>(cc[l * S]) * zc[l * S];
                if (full) log_fact += std::lgamma(static_cast<double>(cc[l * S]) + 1.0);
            }
            const double log_z = mx + std::log(e);
            (*lse)[b * S + s] = log_z, (*total)[b * S + s] = n;
            loss += n * log_z - cz;  // -sum c (z - log_z)
            if (full) loss += log_fact - std::lgamma(n + 1.0);
        }
    }
    auto cc = small_pool::make_shared<Tensor>(counts);
    auto m = small_pool::make_shared<Tensor>(mask);
    return record("multinomial_nll", loss_mask::scalar(k ? loss / k : 0.0), {logits},
                  [cc, m, lse, total, B, L, S, k](BackwardCtx& c) {
                      if (k == 0) return;
                      const double scale = c.grad_out()(0) / static_cast<double>(k);
                      const float *z = c.value_in(0).data(), *cn = cc->data();
                      float* dz = c.grad_in(0).data();
                      for (std::size_t b = 0; b < B; ++b) {
                          if (!loss_mask::counts(*m, b)) continue;
                          for (std::size_t l = 0; l < L; ++l)
                              for (std::size_t s = 0; s < S; ++s) {
                                  const std::size_t i = (b * L + l) * S + s;
                                  const double p = std::exp(z[i] - (*lse)[b * S + s]);
                                  dz[i] += static_cast<float>(((*total)[b * S + s] * p - cn[i]) * scale);
                              }
                      }
                  });
}

Var log1p_mse(const Var& pred, const Tensor& counts, const Tensor& mask)
{
    Tensor t = Tensor::from_shape(counts.shape());
    for (std::size_t i = 0; i < counts.size(); ++i) t.data()[i] = std::log1p(counts.data()[i]);
    return mse(pred, t, mask);
}

}  // namespace helix::ops
