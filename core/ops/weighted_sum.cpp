// core/ops/weighted_sum.cpp: sum(x * w) with a constant weight tensor w of x's shape -> shape {1}.
// d/dx = w (times the output's gradient). Used to backpropagate one chosen logit or probability per row
// (w one-hot over classes) from a batch in a single backward pass.
#include "ops.hpp"

namespace helix::ops {

Var weighted_sum(const Var& x, const Tensor& w)
{
    HELIX_ASSERT(w.shape() == x.value().shape());
    double s = 0.0;
    const float* xv = x.value().data();
    const float* wv = w.data();
    for (std::size_t i = 0; i < w.size(); ++i) s += static_cast<double>(xv[i]) * wv[i];
    Tensor y = Tensor::from_shape({1});
    y(0) = static_cast<float>(s);
    return record("weighted_sum", std::move(y), {x},
                  [w](BackwardCtx& c) { c.grad_in(0) += c.grad_out()(0) * w; });
}

}  // namespace helix::ops
