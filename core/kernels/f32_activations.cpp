// core/kernels/f32_activations.cpp: see f32_activations.hpp.
#include "f32_activations.hpp"

#include <cmath>
#include <xsimd/xsimd.hpp>

namespace helix::kernels {

namespace {
using Batch = xsimd::batch<float>;
constexpr std::size_t W = Batch::size;

float sigmoid_scalar(float v)
{
    if (v >= 0.0f) return 1.0f / (1.0f + std::exp(-v));
    const float e = std::exp(v);
    return e / (1.0f + e);
}
}  // namespace

void f32_sigmoid(const float* x, float* y, std::size_t n)
{
    const Batch one(1.0f);
    std::size_t i = 0;
    for (; i + W <= n; i += W)
        (one / (one + xsimd::exp(-Batch::load_unaligned(x + i)))).store_unaligned(y + i);
    for (; i < n; ++i) y[i] = sigmoid_scalar(x[i]);
}

void f32_tanh(const float* x, float* y, std::size_t n)
{
    std::size_t i = 0;
    for (; i + W <= n; i += W) xsimd::tanh(Batch::load_unaligned(x + i)).store_unaligned(y + i);
    for (; i < n; ++i) y[i] = std::tanh(x[i]);
}

}  // namespace helix::kernels
