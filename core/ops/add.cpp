// core/ops/add.cpp: the elementwise sum of several tensors of one shape (a residual or "add" merge), and
// scaling by a constant (a head's loss weight).
#include "norm.hpp"

namespace helix::ops {

// y = x_0 + x_1 + ... ; dL/dx_i = dL/dy for every i.
Var add(VarList xs)
{
    HELIX_ASSERT(xs.size() > 0);
    Tensor y = xs[0].value();
    for (std::size_t i = 1; i < xs.size(); ++i) {
        HELIX_ASSERT(xs[i].value().shape() == xs[0].value().shape());
        y += xs[i].value();
    }
    return record("add", std::move(y), xs, [n = xs.size()](BackwardCtx& c) {
        for (std::size_t i = 0; i < n; ++i)
            if (c.needs_grad(i)) c.grad_in(i) += c.grad_out();
    });
}

// y = factor * x; dL/dx = factor * dL/dy.
Var scale(const Var& x, float factor)
{
    return record("scale", x.value() * factor, {x},
                  [factor](BackwardCtx& c) { c.grad_in(0) += c.grad_out() * factor; });
}

}  // namespace helix::ops
