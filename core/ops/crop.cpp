// core/ops/crop.cpp: the central window of a sequence, as BPNet's output head (its input is longer than its
// output, so every output position sees a full receptive field).
//   x (B, L, C) -> y (B, Lo, C),  y[b, l] = x[b, l + left],  left = (L - Lo) / 2 (rounded down; an odd
//   difference leaves the extra position on the right, as bpnet-lite's (L - Lo) // 2 trim)
// The backward adds dy into the window of dx; the trimmed positions get no gradient.
#include <algorithm>

#include "ops.hpp"

namespace helix::ops {

Var crop_center(const Var& x, std::size_t out_length)
{
    HELIX_ASSERT(x.ndim() == 3 && out_length >= 1 && out_length <= x.dim(1));  // the spec checks the window
    const std::size_t B = x.dim(0), L = x.dim(1), C = x.dim(2), Lo = out_length, left = (L - Lo) / 2;
    Tensor y = Tensor::from_shape({B, Lo, C});
    const float* px = x.value().data();
    for (std::size_t b = 0; b < B; ++b)
        std::copy(px + (b * L + left) * C, px + (b * L + left + Lo) * C, y.data() + b * Lo * C);
    return record("crop_center", std::move(y), {x}, [B, L, C, Lo, left](BackwardCtx& c) {
        const float* dy = c.grad_out().data();
        float* dx = c.grad_in(0).data();
        for (std::size_t b = 0; b < B; ++b) {
            const float* src = dy + b * Lo * C;
            float* dst = dx + (b * L + left) * C;
            for (std::size_t i = 0; i < Lo * C; ++i) dst[i] += src[i];
        }
    });
}

}  // namespace helix::ops
