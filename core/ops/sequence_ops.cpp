// core/ops/sequence_ops.cpp: reverse_time, concat_last and last_step, and bidirectional, which composes
// them around two recurrent directions. Pure data movement: each backward moves the gradient back.
#include <algorithm>

#include "norm.hpp"
#include "recurrent.hpp"

namespace helix::ops {

// (B, L, C): y[b, t] = x[b, L-1-t]. Its own inverse, so the backward is the same copy, adding.
Var reverse_time(const Var& x)
{
    HELIX_ASSERT(x.ndim() == 3);
    const std::size_t B = x.dim(0), L = x.dim(1), C = x.dim(2);
    Tensor y = Tensor::from_shape({B, L, C});
    const float* px = x.value().data();
    float* py = y.data();
    for (std::size_t b = 0; b < B; ++b)
        for (std::size_t t = 0; t < L; ++t)
            std::copy(px + (b * L + L - 1 - t) * C, px + (b * L + L - t) * C, py + (b * L + t) * C);
    return record("reverse_time", std::move(y), {x}, [B, L, C](BackwardCtx& c) {
        const float* dy = c.grad_out().data();
        float* dx = c.grad_in(0).data();
        for (std::size_t b = 0; b < B; ++b)
            for (std::size_t t = 0; t < L; ++t) {
                const float* src = dy + (b * L + t) * C;
                float* dst = dx + (b * L + L - 1 - t) * C;
                for (std::size_t k = 0; k < C; ++k) dst[k] += src[k];
            }
    });
}

// xs[i] (..., C_i) -> y (..., sum C_i): row r of y is row r of xs[0], then of xs[1], ...
Var concat_last(VarList xs)
{
    HELIX_ASSERT(xs.size() > 0);
    return concat(xs, xs[0].ndim() - 1);  // reshape.cpp's concat along any axis
}

// (B, L, H) -> (B, H): the state after the last position.
Var last_step(const Var& x)
{
    HELIX_ASSERT(x.ndim() == 3 && x.dim(1) >= 1);
    const std::size_t B = x.dim(0), L = x.dim(1), H = x.dim(2);
    Tensor y = Tensor::from_shape({B, H});
    const float* px = x.value().data();
    for (std::size_t b = 0; b < B; ++b)
        std::copy(px + (b * L + L - 1) * H, px + (b * L + L) * H, y.data() + b * H);
    return record("last_step", std::move(y), {x}, [B, L, H](BackwardCtx& c) {
        const float* dy = c.grad_out().data();
        float* dx = c.grad_in(0).data();
        for (std::size_t b = 0; b < B; ++b)
            for (std::size_t k = 0; k < H; ++k) dx[(b * L + L - 1) * H + k] += dy[b * H + k];
    });
}

Var bidirectional(const Var& x, const RecurrentFn& fwd, const RecurrentFn& bwd, bool return_sequences)
{
    const Var backward_dir = bwd(reverse_time(x), return_sequences);
    return concat_last(
        {fwd(x, return_sequences), return_sequences ? reverse_time(backward_dir) : backward_dir});
}

}  // namespace helix::ops
