// core/ops/gelu.cpp: GELU, PyTorch's nn.GELU() default (approximate='none'): the exact form with erf.
//   y = x * Phi(x) = 0.5 x (1 + erf(x / sqrt 2))                 x any shape, y the same shape
//   dy/dx = Phi(x) + x phi(x),  phi(x) = exp(-x^2 / 2) / sqrt(2 pi)
// Elementwise, split over the thread pool in fixed chunks (any split gives the same floats).
#include <cmath>

#include "../parallel.hpp"
#include "ops.hpp"

namespace helix::ops {

namespace {
constexpr std::size_t kGrain = 1u << 16;
constexpr float kInvSqrt2 = 0.70710678118654752f, kInvSqrt2Pi = 0.39894228040143268f;
}  // namespace

Var gelu(const Var& x)
{
    Tensor y = Tensor::from_shape(x.value().shape());
    const float* px = x.value().data();
    float* py = y.data();
    ThreadPool::global().parallel_for(0, y.size(), kGrain, [px, py](std::size_t i0, std::size_t i1) {
        for (std::size_t i = i0; i < i1; ++i) py[i] = 0.5f * px[i] * (1.0f + std::erf(px[i] * kInvSqrt2));
    });
    return record("gelu", std::move(y), {x}, [](BackwardCtx& c) {
        const float *px = c.value_in(0).data(), *dy = c.grad_out().data();
        float* dx = c.grad_in(0).data();
        ThreadPool::global().parallel_for(
            0, c.grad_out().size(), kGrain, [px, dy, dx](std::size_t i0, std::size_t i1) {
                for (std::size_t i = i0; i < i1; ++i) {
                    const float v = px[i];
                    const float cdf = 0.5f * (1.0f + std::erf(v * kInvSqrt2));
                    dx[i] += dy[i] * (cdf + v * kInvSqrt2Pi * std::exp(-0.5f * v * v));
                }
            });
    });
}

}  // namespace helix::ops
