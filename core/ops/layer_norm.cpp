// core/ops/layer_norm.cpp: layer normalisation over the last axis. See norm.hpp.
// x is viewed as rows of D; each row's mean and biased variance in double. With xhat = (x - mean) * inv_std:
//   dx = inv_std * (g - mean_D(g) - xhat * mean_D(g * xhat)),  g = dy * gamma   (per row)
//   dgamma = sum over rows of dy * xhat, dbeta = sum over rows of dy.
#include <cmath>
#include <memory>
#include <vector>

#include "norm.hpp"

namespace helix::ops {

Var layer_norm(const Var& x, const Var& gamma, const Var& beta, float eps)
{
    HELIX_ASSERT(x.ndim() >= 1);
    const std::size_t D = x.dim(x.ndim() - 1), rows = D ? x.value().size() / D : 0;
    HELIX_ASSERT(D >= 1 && gamma.ndim() == 1 && gamma.dim(0) == D && beta.ndim() == 1 && beta.dim(0) == D);
    const float *px = x.value().data(), *pg = gamma.value().data(), *pb = beta.value().data();
    auto xhat = small_pool::make_shared<Tensor>(Tensor::from_shape(x.value().shape()));
    auto inv_std = small_pool::make_shared<StepVector<float>>(rows);
    Tensor y = Tensor::from_shape(x.value().shape());
    float *ph = xhat->data(), *py = y.data();
    for (std::size_t r = 0; r < rows; ++r) {
        const float* xr = px + r * D;
        double mean = 0.0, var = 0.0;
        for (std::size_t d = 0; d < D; ++d) mean += xr[d];
        mean /= static_cast<double>(D);
        for (std::size_t d = 0; d < D; ++d) var += (xr[d] - mean) * (xr[d] - mean);
        const double is = 1.0 / std::sqrt(var / static_cast<double>(D) + eps);
        (*inv_std)[r] = static_cast<float>(is);
        for (std::size_t d = 0; d < D; ++d) {
            ph[r * D + d] = static_cast<float>((xr[d] - mean) * is);
            py[r * D + d] = pg[d] * ph[r * D + d] + pb[d];
        }
    }
    return record("layer_norm", std::move(y), {x, gamma, beta}, [=](BackwardCtx& c) {
        const float* dy = c.grad_out().data();
        const float* pg = c.value_in(1).data();
        const float* ph = xhat->data();
        if (c.needs_grad(0)) {
            float* dx = c.grad_in(0).data();
            for (std::size_t r = 0; r < rows; ++r) {
                double mean_g = 0.0, mean_gh = 0.0;
                for (std::size_t d = 0; d < D; ++d) {
                    const double g = static_cast<double>(dy[r * D + d]) * pg[d];
                    mean_g += g;
                    mean_gh += g * ph[r * D + d];
                }
                mean_g /= static_cast<double>(D), mean_gh /= static_cast<double>(D);
                for (std::size_t d = 0; d < D; ++d) {
                    const std::size_t i = r * D + d;
                    const double g = static_cast<double>(dy[i]) * pg[d];
                    dx[i] += static_cast<float>((g - mean_g - ph[i] * mean_gh) * (*inv_std)[r]);
                }
            }
        }
        if (c.needs_grad(1) || c.needs_grad(2)) {
            StepVector<double> sum_dy(D, 0.0), sum_dy_xhat(D, 0.0);  // step storage: no heap in a steady step
            for (std::size_t r = 0; r < rows; ++r)
                for (std::size_t d = 0; d < D; ++d) {
                    sum_dy[d] += dy[r * D + d];
                    sum_dy_xhat[d] += static_cast<double>(dy[r * D + d]) * ph[r * D + d];
                }
            if (c.needs_grad(1))
                for (std::size_t d = 0; d < D; ++d)
                    c.grad_in(1).data()[d] += static_cast<float>(sum_dy_xhat[d]);
            if (c.needs_grad(2))
                for (std::size_t d = 0; d < D; ++d) c.grad_in(2).data()[d] += static_cast<float>(sum_dy[d]);
        }
    });
}

}  // namespace helix::ops
