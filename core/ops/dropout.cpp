// core/ops/dropout.cpp: inverted dropout. In training each unit is kept with probability 1-rate and kept
// units are scaled by 1/(1-rate), so the expected output equals the input and evaluation needs no rescale.
// The mask comes from the caller's Rng: the same seed drops the same units natively and in wasm.
#include <memory>
#include <vector>

#include "ops.hpp"

namespace helix::ops {

Var dropout(const Var& x, float rate, Rng& rng, bool training)
{
    HELIX_ASSERT(rate >= 0.0f && rate < 1.0f);
    if (!training || rate == 0.0f) return x;  // identity: the same node, so no copy and no tape entry
    const float scale = 1.0f / (1.0f - rate);
    const std::size_t n = x.value().size();
    auto mask = small_pool::make_shared<StepVector<float>>(n);  // scale where kept, 0 where dropped
    Tensor y = x.value();
    float* py = y.data();
    for (std::size_t i = 0; i < n; ++i) {
        (*mask)[i] = rng.uniform() >= rate ? scale : 0.0f;
        py[i] *= (*mask)[i];
    }
    return record("dropout", std::move(y), {x}, [mask, n](BackwardCtx& c) {
        const float* dy = c.grad_out().data();
        float* dx = c.grad_in(0).data();
        for (std::size_t i = 0; i < n; ++i) dx[i] += dy[i] * (*mask)[i];
    });
}

}  // namespace helix::ops
