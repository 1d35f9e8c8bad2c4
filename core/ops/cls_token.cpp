// core/ops/cls_token.cpp: a [CLS]-style readout (BERT): a learned token put before the sequence, whose
// output after the encoder summarises the whole sequence.
//   prepend_token: x (B, L, D), token (D) -> y (B, L+1, D), y[b, 0] = token, y[b, 1 + l] = x[b, l]
//                  dx[b, l] += dy[b, 1 + l], dtoken += sum_b dy[b, 0]
//   first_position: x (B, L, D) -> y (B, D), y[b] = x[b, 0]; dx[b, 0] += dy[b]
#include <algorithm>

#include "attention.hpp"

namespace helix::ops {

Var prepend_token(const Var& x, const Var& token)
{
    HELIX_ASSERT(x.ndim() == 3 && token.ndim() == 1 && token.dim(0) == x.dim(2));
    const std::size_t B = x.dim(0), L = x.dim(1), D = x.dim(2);
    Tensor y = Tensor::from_shape({B, L + 1, D});
    const float *px = x.value().data(), *pt = token.value().data();
    for (std::size_t b = 0; b < B; ++b) {
        std::copy(pt, pt + D, y.data() + b * (L + 1) * D);
        std::copy(px + b * L * D, px + (b + 1) * L * D, y.data() + (b * (L + 1) + 1) * D);
    }
    return record("prepend_token", std::move(y), {x, token}, [B, L, D](BackwardCtx& c) {
        const float* dy = c.grad_out().data();
        for (std::size_t b = 0; b < B; ++b) {
            const float* row = dy + b * (L + 1) * D;
            if (c.needs_grad(0)) {
                float* dx = c.grad_in(0).data() + b * L * D;
                for (std::size_t i = 0; i < L * D; ++i) dx[i] += row[D + i];
            }
            if (c.needs_grad(1))
                for (std::size_t d = 0; d < D; ++d) c.grad_in(1).data()[d] += row[d];
        }
    });
}

Var first_position(const Var& x)
{
    HELIX_ASSERT(x.ndim() == 3 && x.dim(1) >= 1);
    const std::size_t B = x.dim(0), L = x.dim(1), D = x.dim(2);
    Tensor y = Tensor::from_shape({B, D});
    const float* px = x.value().data();
    for (std::size_t b = 0; b < B; ++b) std::copy(px + b * L * D, px + b * L * D + D, y.data() + b * D);
    return record("first_position", std::move(y), {x}, [B, L, D](BackwardCtx& c) {
        const float* dy = c.grad_out().data();
        float* dx = c.grad_in(0).data();
        for (std::size_t b = 0; b < B; ++b)
            for (std::size_t d = 0; d < D; ++d) dx[b * L * D + d] += dy[b * D + d];
    });
}

}  // namespace helix::ops
