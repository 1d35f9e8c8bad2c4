// core/kernels/transpose4.hpp: a 4 x 4 block of floats transposed in registers (four 4-lane xsimd batches:
// SSE4.1 natively, SIMD128 in wasm). The kernels use it to turn rows into columns when they pack or
// rearrange operands, 16 floats per 8 shuffles instead of 16 scalar loads and stores.
#pragma once

#include <xsimd/xsimd.hpp>

namespace helix::kernels {

// Rows t[0..3] in, columns out: t[i][j] becomes t[j][i].
template <class Arch>
inline void transpose4(xsimd::batch<float, Arch> (&t)[4])
{
    static_assert(xsimd::batch<float, Arch>::size == 4, "transpose4 takes 4-lane batches");
    using Batch = xsimd::batch<float, Arch>;
    using Pair = xsimd::batch<double, Arch>;  // two floats as one lane, to move them together
    const Batch a = xsimd::zip_lo(t[0], t[1]), b = xsimd::zip_hi(t[0], t[1]);  // 00 10 01 11 | 02 12 03 13
    const Batch c = xsimd::zip_lo(t[2], t[3]), d = xsimd::zip_hi(t[2], t[3]);  // 20 30 21 31 | 22 32 23 33
    const auto pa = xsimd::bitwise_cast<Pair>(a), pb = xsimd::bitwise_cast<Pair>(b);
    const auto pc = xsimd::bitwise_cast<Pair>(c), pd = xsimd::bitwise_cast<Pair>(d);
    t[0] = xsimd::bitwise_cast<Batch>(xsimd::zip_lo(pa, pc));
    t[1] = xsimd::bitwise_cast<Batch>(xsimd::zip_hi(pa, pc));
    t[2] = xsimd::bitwise_cast<Batch>(xsimd::zip_lo(pb, pd));
    t[3] = xsimd::bitwise_cast<Batch>(xsimd::zip_hi(pb, pd));
}

}  // namespace helix::kernels
