// core/ops/reshape.cpp: reshape (a new shape over the same row-major data) and concat. See norm.hpp.
// concat views every input as (outer, d_i * inner): outer = product of the axes before `axis`, inner = of
// those after it. The output row o is the inputs' rows o laid end to end; backward cuts dy the same way.
#include <algorithm>
#include <vector>

#include "norm.hpp"

namespace helix::ops {

Var reshape(const Var& x, const Shape& shape)
{
    HELIX_ASSERT(x.ndim() >= 1);
    const std::size_t B = x.dim(0), per_row = B ? x.value().size() / B : 0;
    Tensor::shape_type out{B};  // inline storage for up to 4 axes: no heap allocation per step
    std::size_t known = 1, inferred = 0;
    for (std::size_t d : shape) {
        out.push_back(d);
        if (d == infer_axis)
            ++inferred;
        else
            known *= d;
    }
    HELIX_ASSERT(inferred <= 1);
    if (inferred) {
        HELIX_ASSERT(known > 0 && per_row % known == 0);
        *std::find(out.begin() + 1, out.end(), infer_axis) = per_row / known;
    } else {
        HELIX_ASSERT(known == per_row);
    }
    Tensor y = x.value();
    y.reshape(out);
    return record("reshape", std::move(y), {x}, [](BackwardCtx& c) {
        const float* dy = c.grad_out().data();
        float* dx = c.grad_in(0).data();
        for (std::size_t i = 0, n = c.grad_out().size(); i < n; ++i) dx[i] += dy[i];
    });
}

Var concat(VarList xs, std::size_t axis)
{
    HELIX_ASSERT(xs.size() > 0 && axis < xs[0].ndim());
    // Shapes in the tensor's inline storage and the widths in a step buffer: no heap allocation per step.
    Tensor::shape_type out = xs[0].value().shape();
    out[axis] = 0;
    for (const Var& x : xs) {
        const auto& s = x.value().shape();
        HELIX_ASSERT(s.size() == out.size());
        for (std::size_t a = 0; a < s.size(); ++a) HELIX_ASSERT(a == axis || s[a] == out[a]);
        out[axis] += s[axis];
    }
    std::size_t outer = 1, inner = 1;
    for (std::size_t a = 0; a < axis; ++a) outer *= out[a];
    for (std::size_t a = axis + 1; a < out.size(); ++a) inner *= out[a];
    // d_i * inner: floats of input i in one outer row
    auto width = small_pool::make_shared<StepVector<std::size_t>>(xs.size());
    for (std::size_t i = 0; i < xs.size(); ++i) (*width)[i] = xs[i].dim(axis) * inner;
    const std::size_t row = out[axis] * inner;

    Tensor y = Tensor::from_shape(out);
    float* dst = y.data();
    for (std::size_t o = 0; o < outer; ++o)
        for (std::size_t i = 0; i < xs.size(); ++i) {
            const float* src = xs[i].value().data() + o * (*width)[i];
            dst = std::copy(src, src + (*width)[i], dst);
        }
    return record("concat", std::move(y), xs, [width, outer, row](BackwardCtx& c) {
        const float* dy = c.grad_out().data();
        const StepVector<std::size_t>& w = *width;
        for (std::size_t i = 0, offset = 0; i < w.size(); offset += w[i], ++i) {
            if (!c.needs_grad(i)) continue;
            float* dx = c.grad_in(i).data();
            for (std::size_t o = 0; o < outer; ++o)
                for (std::size_t j = 0; j < w[i]; ++j) dx[o * w[i] + j] += dy[o * row + offset + j];
        }
    });
}

}  // namespace helix::ops
