// core/kernels/f32_conv1d_dx.hpp: the input gradient of a 1-D convolution with few input channels.
// x (B, L, C) * w (K, C, F) -> y (B, Lo, F), window l reading x positions l - pad_left .. l - pad_left + K-1.
// Given dy (B, Lo, F), dx (B, L, C) += the full correlation
//   dx[s, pos, c] += sum_k sum_f dy[s, pos + pad_left - k, f] * w[k, c, f]     (dy zero outside [0, Lo))
// conv1d's general dx (a GEMM dy w^T of depth F, then an overlap-add) suits wide inputs. With C = 4 (one-hot
// DNA) its GEMM is shallow (depth F) and the overlap-add is a fifth of the work; here each sequence's dy is
// transposed once to (F, positions) and every 4 channels x 2W positions of dx are one register tile summed
// over the K*F depth, reading dy in place (no packing, no overlap-add).
#pragma once

#include <cstddef>

namespace helix::kernels {

struct Conv1dDxArgs {
    std::size_t batch = 0, length = 0, channels = 0, width = 0, filters = 0;  // B, L, C, K, F
    std::size_t out_length = 0, pad_left = 0;                                 // Lo, pad_left
    const float* dy = nullptr;                                                // (B, Lo, F)
    const float* w = nullptr;                                                 // (K, C, F)
    float* dx = nullptr;                                                      // (B, L, C), added to
};

// The channel counts for which f32_conv1d_dx is the faster way (conv1d chooses with it).
inline bool conv1d_dx_prefers_direct(std::size_t channels)
{
    return channels <= 8;
}

void f32_conv1d_dx__ref(const Conv1dDxArgs& a);  // the definition, in double
void f32_conv1d_dx(const Conv1dDxArgs& a);       // SIMD, sequences split over the thread pool

}  // namespace helix::kernels
