// core/kernels/f32_gemm.hpp: C(M,N) (+)= op(A)(M,K) * op(B)(K,N), row-major, f32.
// op(A) = A, or A^T when trans_a (then A is stored K x M). Leading dimensions are in floats and may
// be smaller than a row's length: conv1d passes lda = C so that row l of A is the window of K
// positions starting at position l (an im2col that is a strided view, no copy).
// `accumulate` adds into C instead of overwriting it (backward passes use it).
// Grouped rows of A: when a_group_rows > 0, stored row r of A (row r of A, or depth r of A^T) starts at
//   a + (r / a_group_rows) * a_group_stride + (r % a_group_rows) * lda
// so that conv1d can treat a whole batch as one GEMM: each sequence's windows are a strided view of its
// own (padded) input, and the sequences follow each other at a_group_stride.
// `bias` (N floats), when set, is added to every row of C after the product (the fused bias of a layer);
// `relu` then replaces every element of C by max(C, 0) (the fused activation; NaN becomes 0, as ops::relu).
// The order is that of the unfused ops: ((C +) A B) + bias, then relu.
#pragma once

#include <cstddef>

namespace helix::kernels {

struct GemmArgs {
    std::size_t m = 0, n = 0, k = 0;
    const float* a = nullptr;
    std::size_t lda = 0;
    bool trans_a = false;
    const float* b = nullptr;
    std::size_t ldb = 0;
    bool trans_b = false;
    float* c = nullptr;
    std::size_t ldc = 0;
    bool accumulate = false;
    std::size_t a_group_rows = 0, a_group_stride = 0;
    const float* bias = nullptr;
    bool relu = false;
    // Where B is packed: the calling thread's own buffer when null (it grows to the largest GEMM the thread
    // ran). A GEMM run inside a parallel_for chunk (attention: one per sequence and head) passes a buffer of
    // f32_gemm_pack_floats(g) floats from a workspace its caller sized, so workers keep no buffers of their
    // own.
    float* pack = nullptr;
};

std::size_t f32_gemm_pack_floats(const GemmArgs& g);  // the floats f32_gemm(g) packs B into

// Where stored row r of A starts (see a_group_rows above).
inline const float* gemm_a_row(const GemmArgs& g, std::size_t r)
{
    if (g.a_group_rows == 0) return g.a + r * g.lda;
    return g.a + (r / g.a_group_rows) * g.a_group_stride + (r % g.a_group_rows) * g.lda;
}

void f32_gemm__ref(const GemmArgs& g);  // the definition: three loops; every test compares to it
void f32_gemm(const GemmArgs& g);       // the fast one (SIMD, rows split over the thread pool)

}  // namespace helix::kernels
