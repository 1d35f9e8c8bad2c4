// core/kernels/f32_gemm.hpp: C(M,N) (+)= op(A)(M,K) * op(B)(K,N), row-major, f32.
// op(A) = A, or A^T when trans_a (then A is stored K x M). Leading dimensions are in floats and may
// be smaller than a row's length: conv1d passes lda = C so that row l of A is the window of K
// positions starting at position l (an im2col that is a strided view, no copy).
// `accumulate` adds into C instead of overwriting it (backward passes use it).
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
};

void f32_gemm__ref(const GemmArgs& g);  // the definition: three loops; every test compares to it
void f32_gemm(const GemmArgs& g);       // the fast one (SIMD, rows split over the thread pool)

}  // namespace helix::kernels
