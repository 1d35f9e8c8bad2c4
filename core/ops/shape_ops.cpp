// core/ops/shape_ops.cpp: flatten, and the reductions to a scalar (stored as shape {1}).
#include "ops.hpp"

namespace helix::ops {

// (B, ...) -> (B, prod(...)): row-major data is already in that order, so only the shape changes.
Var flatten(const Var& x)
{
    HELIX_ASSERT(x.ndim() >= 1);
    const std::size_t B = x.dim(0), rest = B ? x.value().size() / B : 0;
    Tensor y = x.value();
    y.reshape({B, rest});
    return record("flatten", std::move(y), {x}, [](BackwardCtx& c) {
        const float* dy = c.grad_out().data();
        float* dx = c.grad_in(0).data();
        for (std::size_t i = 0, n = c.grad_out().size(); i < n; ++i) dx[i] += dy[i];
    });
}

// Summed in double: a float running sum over 10^5 entries would lose ~3 digits.
Var sum(const Var& x)
{
    double s = 0.0;
    for (float v : x.value()) s += v;
    Tensor y = Tensor::from_shape({1});
    y(0) = static_cast<float>(s);
    return record("sum", std::move(y), {x}, [](BackwardCtx& c) { c.grad_in(0) += c.grad_out()(0); });
}

// The mean of an empty tensor is 0 (nothing to average), with no gradient.
Var mean(const Var& x)
{
    const std::size_t n = x.value().size();
    double s = 0.0;
    for (float v : x.value()) s += v;
    Tensor y = Tensor::from_shape({1});
    y(0) = n ? static_cast<float>(s / static_cast<double>(n)) : 0.0f;
    return record("mean", std::move(y), {x}, [n](BackwardCtx& c) {
        if (n) c.grad_in(0) += c.grad_out()(0) / static_cast<float>(n);
    });
}

}  // namespace helix::ops
