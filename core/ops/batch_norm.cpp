// core/ops/batch_norm.cpp: batch normalisation over every axis but the last (channels-last). See norm.hpp.
// x is viewed as (n, F) rows; sums run in double over the n rows (n may be B*L, tens of thousands).
// Backward, with xhat = (x - mean) * inv_std and g = dy * gamma per element, per feature:
//   training: dx = inv_std * (g - mean_n(g) - xhat * mean_n(g * xhat))   (mean and var depend on x)
//   eval:     dx = inv_std * g                                           (running statistics are constants)
//   dgamma = sum_n(dy * xhat), dbeta = sum_n(dy) in both modes.
#include <cmath>
#include <memory>
#include <vector>

#include "norm.hpp"

namespace helix::ops {

Var batch_norm(const Var& x, const Var& gamma, const Var& beta, Tensor& running_mean, Tensor& running_var,
               bool training, float momentum, float eps)
{
    HELIX_ASSERT(x.ndim() >= 2);
    const std::size_t F = x.dim(x.ndim() - 1), n = x.value().size() / F;
    HELIX_ASSERT(gamma.ndim() == 1 && gamma.dim(0) == F && beta.ndim() == 1 && beta.dim(0) == F);
    HELIX_ASSERT(running_mean.size() == F && running_var.size() == F);
    HELIX_ASSERT(n >= 1);
    const float* px = x.value().data();

    StepVector<double> mean(F, 0.0), var(F, 0.0);  // step storage: no heap in a steady step
    if (training) {
        for (std::size_t r = 0; r < n; ++r)
            for (std::size_t f = 0; f < F; ++f) mean[f] += px[r * F + f];
        for (std::size_t f = 0; f < F; ++f) mean[f] /= static_cast<double>(n);
        for (std::size_t r = 0; r < n; ++r)  // two passes: E[x^2] - E[x]^2 cancels badly when |mean| >> std
            for (std::size_t f = 0; f < F; ++f) {
                const double d = px[r * F + f] - mean[f];
                var[f] += d * d;
            }
        for (std::size_t f = 0; f < F; ++f) {
            var[f] /= static_cast<double>(n);
            running_mean.data()[f] =
                static_cast<float>((1.0 - momentum) * running_mean.data()[f] + momentum * mean[f]);
            if (n > 1)
                running_var.data()[f] =
                    static_cast<float>((1.0 - momentum) * running_var.data()[f] +
                                       momentum * var[f] * n / static_cast<double>(n - 1));
        }
    } else {
        for (std::size_t f = 0; f < F; ++f) mean[f] = running_mean.data()[f], var[f] = running_var.data()[f];
    }

    auto inv_std = small_pool::make_shared<StepVector<float>>(F);
    for (std::size_t f = 0; f < F; ++f) (*inv_std)[f] = static_cast<float>(1.0 / std::sqrt(var[f] + eps));
    auto xhat = small_pool::make_shared<Tensor>(Tensor::from_shape(x.value().shape()));
    Tensor y = Tensor::from_shape(x.value().shape());
    const float *pg = gamma.value().data(), *pb = beta.value().data();
    float *ph = xhat->data(), *py = y.data();
    for (std::size_t r = 0; r < n; ++r)
        for (std::size_t f = 0; f < F; ++f) {
            const std::size_t i = r * F + f;
            ph[i] = static_cast<float>((px[i] - mean[f]) * (*inv_std)[f]);
            py[i] = pg[f] * ph[i] + pb[f];
        }

    return record("batch_norm", std::move(y), {x, gamma, beta}, [=](BackwardCtx& c) {
        const float* dy = c.grad_out().data();
        const float* pg = c.value_in(1).data();
        const float* ph = xhat->data();
        StepVector<double> sum_dy(F, 0.0), sum_dy_xhat(F, 0.0);
        for (std::size_t r = 0; r < n; ++r)
            for (std::size_t f = 0; f < F; ++f) {
                sum_dy[f] += dy[r * F + f];
                sum_dy_xhat[f] += static_cast<double>(dy[r * F + f]) * ph[r * F + f];
            }
        if (c.needs_grad(0)) {
            float* dx = c.grad_in(0).data();
            for (std::size_t r = 0; r < n; ++r)
                for (std::size_t f = 0; f < F; ++f) {
                    const std::size_t i = r * F + f;
                    // g's means are gamma times dy's: gamma is constant over the n rows of a feature.
                    double g = static_cast<double>(dy[i]);
                    if (training) g -= (sum_dy[f] + ph[i] * sum_dy_xhat[f]) / static_cast<double>(n);
                    dx[i] += static_cast<float>(g * pg[f] * (*inv_std)[f]);
                }
        }
        if (c.needs_grad(1)) {
            float* dgamma = c.grad_in(1).data();
            for (std::size_t f = 0; f < F; ++f) dgamma[f] += static_cast<float>(sum_dy_xhat[f]);
        }
        if (c.needs_grad(2)) {
            float* dbeta = c.grad_in(2).data();
            for (std::size_t f = 0; f < F; ++f) dbeta[f] += static_cast<float>(sum_dy[f]);
        }
    });
}

}  // namespace helix::ops
