// core/ops/losses.cpp: the training losses, each the mean over the entries that count.
// mask: same shape as targets (per row for softmax_cross_entropy), 1 = counts, 0 = missing label; an empty
// Tensor means all count. Masked entries are never read beyond the mask, so a missing label may be NaN.
// When nothing counts the loss is 0 and every gradient is 0 (a batch with no labels teaches nothing).
// Sums run in double; values and gradients are float.
#include <cmath>
#include <memory>

#include "loss_mask.hpp"
#include "ops.hpp"

namespace helix::ops {

// Per entry: max(z, 0) - z*y + log1p(exp(-|z|)) = -[y log s(z) + (1-y) log(1-s(z))], never overflowing.
// d/dz = sigmoid(z) - y.
Var bce_with_logits(const Var& logits, const Tensor& targets, const Tensor& mask)
{
    const std::size_t n = logits.value().size();
    HELIX_ASSERT(targets.size() == n && (loss_mask::none(mask) || mask.size() == n));
    const float *z = logits.value().data(), *y = targets.data();
    const std::size_t k = loss_mask::count(mask, n);
    double s = 0.0;
    for (std::size_t i = 0; i < n; ++i)
        if (loss_mask::counts(mask, i))
            s += std::max(z[i], 0.0f) - static_cast<double>(z[i]) * y[i] +
                 std::log1p(std::exp(-std::fabs(z[i])));
    auto t = small_pool::make_shared<Tensor>(targets);
    auto m = small_pool::make_shared<Tensor>(mask);
    return record("bce_with_logits", loss_mask::scalar(k ? s / k : 0.0), {logits},
                  [t, m, n, k](BackwardCtx& c) {
                      if (k == 0) return;
                      const float scale = c.grad_out()(0) / static_cast<float>(k);
                      const float *z = c.value_in(0).data(), *y = t->data();
                      float* dz = c.grad_in(0).data();
                      for (std::size_t i = 0; i < n; ++i) {
                          if (!loss_mask::counts(*m, i)) continue;
                          const float e = std::exp(-std::fabs(z[i]));  // sigmoid without overflow
                          const float sig = z[i] >= 0.0f ? 1.0f / (1.0f + e) : e / (1.0f + e);
                          dz[i] += (sig - y[i]) * scale;
                      }
                  });
}

// logits (B, K), classes (B) as floats. Per row: logsumexp(z) - z[class], with the row maximum shifted out.
// d/dz = softmax(z) - onehot(class).
Var softmax_cross_entropy(const Var& logits, const Tensor& classes, const Tensor& mask)
{
    HELIX_ASSERT(logits.ndim() == 2);
    const std::size_t B = logits.dim(0), K = logits.dim(1);
    HELIX_ASSERT(classes.size() == B && (loss_mask::none(mask) || mask.size() == B));
    const float* z = logits.value().data();
    const std::size_t k = loss_mask::count(mask, B);
    double s = 0.0;
    for (std::size_t b = 0; b < B; ++b) {
        if (!loss_mask::counts(mask, b)) continue;
        const float* row = z + b * K;
        const auto cls = static_cast<std::size_t>(classes.data()[b]);
        HELIX_ASSERT(cls < K);
        float mx = row[0];
        for (std::size_t j = 1; j < K; ++j) mx = std::max(mx, row[j]);
        double e = 0.0;
        for (std::size_t j = 0; j < K; ++j) e += std::exp(static_cast<double>(row[j] - mx));
        s += mx + std::log(e) - row[cls];
    }
    auto cl = small_pool::make_shared<Tensor>(classes);
    auto m = small_pool::make_shared<Tensor>(mask);
    return record("softmax_cross_entropy", loss_mask::scalar(k ? s / k : 0.0), {logits},
                  [cl, m, B, K, k](BackwardCtx& c) {
                      if (k == 0) return;
                      const float scale = c.grad_out()(0) / static_cast<float>(k);
                      const float* z = c.value_in(0).data();
                      float* dz = c.grad_in(0).data();
                      for (std::size_t b = 0; b < B; ++b) {
                          if (!loss_mask::counts(*m, b)) continue;
                          const float* row = z + b * K;
                          float mx = row[0];
                          for (std::size_t j = 1; j < K; ++j) mx = std::max(mx, row[j]);
                          double e = 0.0;
                          for (std::size_t j = 0; j < K; ++j) e += std::exp(static_cast<double>(row[j] - mx));
                          const auto cls = static_cast<std::size_t>(cl->data()[b]);
                          for (std::size_t j = 0; j < K; ++j) {
                              const float p =
                                  static_cast<float>(std::exp(static_cast<double>(row[j] - mx)) / e);
                              dz[b * K + j] += (p - (j == cls ? 1.0f : 0.0f)) * scale;
                          }
                      }
                  });
}

// Per entry (p - t)^2; d/dp = 2 (p - t).
Var mse(const Var& pred, const Tensor& targets, const Tensor& mask)
{
    const std::size_t n = pred.value().size();
    HELIX_ASSERT(targets.size() == n && (loss_mask::none(mask) || mask.size() == n));
    const float *p = pred.value().data(), *t = targets.data();
    const std::size_t k = loss_mask::count(mask, n);
    double s = 0.0;
    for (std::size_t i = 0; i < n; ++i)
        if (loss_mask::counts(mask, i))
            s += (static_cast<double>(p[i]) - t[i]) * (static_cast<double>(p[i]) - t[i]);
    auto tt = small_pool::make_shared<Tensor>(targets);
    auto m = small_pool::make_shared<Tensor>(mask);
    return record("mse", loss_mask::scalar(k ? s / k : 0.0), {pred}, [tt, m, n, k](BackwardCtx& c) {
        if (k == 0) return;
        const float scale = 2.0f * c.grad_out()(0) / static_cast<float>(k);
        const float *p = c.value_in(0).data(), *t = tt->data();
        float* dp = c.grad_in(0).data();
        for (std::size_t i = 0; i < n; ++i)
            if (loss_mask::counts(*m, i)) dp[i] += (p[i] - t[i]) * scale;
    });
}

}  // namespace helix::ops
