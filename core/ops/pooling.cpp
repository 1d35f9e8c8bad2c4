// core/ops/pooling.cpp: max and average pooling along the length axis of (B, L, C), and their global forms.
// Windows of `size` positions start every `stride` positions, no padding: L' = (L - size) / stride + 1.
// Windows may overlap (stride < size): then a position receives the sum of its windows' gradients.
// Max pooling remembers, per output, the position of the first maximum; that position alone gets the
// gradient (PyTorch does the same, so fixtures match).
#include <algorithm>
#include <memory>
#include <vector>

#include "../parallel.hpp"
#include "ops.hpp"

namespace helix::ops {

namespace {

// out (B, Lo, C) = max over each window; arg (B*Lo*C) = position in [0, L) of the first maximum.
// `squeeze`: return (B, C) instead of (B, 1, C) (the global pools; same data order).
Var max_pool(const char* name, const Var& x, std::size_t size, std::size_t stride, std::size_t Lo,
             bool squeeze)
{
    const std::size_t B = x.dim(0), L = x.dim(1), C = x.dim(2);
    Tensor y = squeeze ? Tensor::from_shape({B, C}) : Tensor::from_shape({B, Lo, C});
    auto arg = small_pool::make_shared<StepVector<std::uint32_t>>(B * Lo * C);
    const float* px = x.value().data();
    float* py = y.data();
    std::uint32_t* parg = arg->data();
    // Sequences in parallel (each output is independent); chunks of at least ~16K comparisons.
    const std::size_t grain = std::max<std::size_t>(1, 16384 / std::max<std::size_t>(1, Lo * size * C));
    ThreadPool::global().parallel_for(0, B, grain, [=](std::size_t b0, std::size_t b1) {
        for (std::size_t b = b0; b < b1; ++b)
            for (std::size_t o = 0; o < Lo; ++o)
                for (std::size_t ch = 0; ch < C; ++ch) {
                    std::size_t best = o * stride;
                    float m = px[(b * L + best) * C + ch];
                    for (std::size_t l = best + 1; l < o * stride + size; ++l) {
                        float v = px[(b * L + l) * C + ch];
                        if (v > m) m = v, best = l;
                    }
                    py[(b * Lo + o) * C + ch] = m;
                    parg[(b * Lo + o) * C + ch] = static_cast<std::uint32_t>(best);
                }
    });
    return record(name, std::move(y), {x}, [arg, B, L, C, Lo](BackwardCtx& c) {
        const float* dy = c.grad_out().data();
        float* dx = c.grad_in(0).data();
        for (std::size_t b = 0; b < B; ++b)
            for (std::size_t i = b * Lo * C; i < (b + 1) * Lo * C; ++i)
                dx[(b * L + (*arg)[i]) * C + i % C] += dy[i];
    });
}

Var avg_pool(const char* name, const Var& x, std::size_t size, std::size_t stride, std::size_t Lo,
             bool squeeze)
{
    const std::size_t B = x.dim(0), L = x.dim(1), C = x.dim(2);
    Tensor y = squeeze ? Tensor(xt::zeros<float>({B, C})) : Tensor(xt::zeros<float>({B, Lo, C}));
    const float* px = x.value().data();
    float* py = y.data();
    const float inv = 1.0f / static_cast<float>(size);
    for (std::size_t b = 0; b < B; ++b)
        for (std::size_t o = 0; o < Lo; ++o) {
            float* out = py + (b * Lo + o) * C;
            for (std::size_t l = o * stride; l < o * stride + size; ++l)
                for (std::size_t ch = 0; ch < C; ++ch) out[ch] += px[(b * L + l) * C + ch];
            for (std::size_t ch = 0; ch < C; ++ch) out[ch] *= inv;
        }
    return record(name, std::move(y), {x}, [B, L, C, Lo, size, stride, inv](BackwardCtx& c) {
        const float* dy = c.grad_out().data();
        float* dx = c.grad_in(0).data();
        for (std::size_t b = 0; b < B; ++b)
            for (std::size_t o = 0; o < Lo; ++o)
                for (std::size_t l = o * stride; l < o * stride + size; ++l)
                    for (std::size_t ch = 0; ch < C; ++ch)
                        dx[(b * L + l) * C + ch] += dy[(b * Lo + o) * C + ch] * inv;
    });
}

std::size_t pooled_length(const Var& x, std::size_t size, std::size_t stride)
{
    HELIX_ASSERT(x.ndim() == 3 && size >= 1 && stride >= 1);
    HELIX_ASSERT(x.dim(1) >= size);  // the model layer rejects L < size before calling
    return (x.dim(1) - size) / stride + 1;
}

}  // namespace

Var max_pool1d(const Var& x, std::size_t size, std::size_t stride)
{
    return max_pool("max_pool1d", x, size, stride, pooled_length(x, size, stride), false);
}

Var avg_pool1d(const Var& x, std::size_t size, std::size_t stride)
{
    return avg_pool("avg_pool1d", x, size, stride, pooled_length(x, size, stride), false);
}

Var global_max_pool(const Var& x)
{
    HELIX_ASSERT(x.ndim() == 3 && x.dim(1) >= 1);
    return max_pool("global_max_pool", x, x.dim(1), 1, 1, true);  // one window of length L
}

Var global_avg_pool(const Var& x)
{
    HELIX_ASSERT(x.ndim() == 3 && x.dim(1) >= 1);
    return avg_pool("global_avg_pool", x, x.dim(1), 1, 1, true);
}

}  // namespace helix::ops
