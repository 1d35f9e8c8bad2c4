// core/kernels/f32_activations.hpp: the elementwise nonlinearities of the recurrent gates and of ops::sigmoid
// / ops::tanh, over arrays, vectorised with xsimd (SSE4.1 natively, lowered to SIMD128 in wasm; AVX2 with
// -march=native): xsimd's exp and tanh are polynomial / rational approximations within a few ulp of libm's,
// several times faster than calling libm per element. The tail past the last full vector uses libm.
#pragma once

#include <cstddef>

namespace helix::kernels {

// y[i] = 1 / (1 + e^-x[i]). No overflow: for x << 0, e^-x is +inf and y is 0. y may be x.
void f32_sigmoid(const float* x, float* y, std::size_t n);
// y[i] = tanh(x[i]). y may be x.
void f32_tanh(const float* x, float* y, std::size_t n);

}  // namespace helix::kernels
