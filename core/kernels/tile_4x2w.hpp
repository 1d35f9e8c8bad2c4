// core/kernels/tile_4x2w.hpp: the inner step of the register-blocked kernels (f32_gemm's micro-kernel,
// f32_conv1d_dx's tile): a 4 x 2W tile of sums, held in eight xsimd batches, gains a[r] * b for four
// broadcast values a[0..3] and one row b = (b0, b1) of 2W floats. Baseline wasm SIMD has no FMA: mul + add.
#pragma once

#include <xsimd/xsimd.hpp>

namespace helix::kernels {

template <class Batch>
inline void madd_4x2w(Batch& c00, Batch& c01, Batch& c10, Batch& c11, Batch& c20, Batch& c21, Batch& c30,
                      Batch& c31, const float* a, const Batch& b0, const Batch& b1)
{
    Batch ar(a[0]);
    c00 += ar * b0;
    c01 += ar * b1;
    ar = Batch(a[1]);
    c10 += ar * b0;
    c11 += ar * b1;
    ar = Batch(a[2]);
    c20 += ar * b0;
    c21 += ar * b1;
    ar = Batch(a[3]);
    c30 += ar * b0;
    c31 += ar * b1;
}

}  // namespace helix::kernels
