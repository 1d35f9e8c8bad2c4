// core/ops/upsample.cpp: nearest-neighbour upsampling along the length (see ops.hpp). Each input row of C
// floats is copied `size` times; backward adds the `size` copies' gradients back into that row.
#include <algorithm>

#include "ops.hpp"

namespace helix::ops {

Var upsample1d(const Var& x, std::size_t size)
{
    HELIX_ASSERT(x.ndim() == 3 && size >= 1);
    const std::size_t B = x.dim(0), L = x.dim(1), C = x.dim(2);
    Tensor y = Tensor::from_shape({B, L * size, C});
    const float* px = x.value().data();
    float* py = y.data();
    for (std::size_t row = 0; row < B * L; ++row)
        for (std::size_t k = 0; k < size; ++k)
            std::copy(px + row * C, px + (row + 1) * C, py + (row * size + k) * C);
    return record("upsample1d", std::move(y), {x}, [size](BackwardCtx& c) {
        const std::size_t C = c.value_in(0).shape()[2], rows = C ? c.value_in(0).size() / C : 0;
        const float* dy = c.grad_out().data();
        float* dx = c.grad_in(0).data();
        for (std::size_t row = 0; row < rows; ++row)
            for (std::size_t k = 0; k < size; ++k)
                for (std::size_t ch = 0; ch < C; ++ch) dx[row * C + ch] += dy[(row * size + k) * C + ch];
    });
}

}  // namespace helix::ops
