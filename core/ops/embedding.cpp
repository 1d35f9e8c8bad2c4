// core/ops/embedding.cpp: table lookup. See norm.hpp.
// indices (...) hold integer values as floats (the engine has one tensor type); each must be exactly an
// integer in [0, V): anything else is a broken invariant of the caller (the data layer validates tokens).
#include <cmath>
#include <memory>
#include <vector>

#include "norm.hpp"

namespace helix::ops {

Var embedding(const Tensor& indices, const Var& table)
{
    HELIX_ASSERT(table.ndim() == 2);
    const std::size_t V = table.dim(0), D = table.dim(1), n = indices.size();
    auto rows = small_pool::make_shared<StepVector<std::uint32_t>>(n);
    for (std::size_t i = 0; i < n; ++i) {
        const float v = indices.data()[i];
        HELIX_ASSERT(v >= 0.0f && v < static_cast<float>(V) && v == std::floor(v));
        (*rows)[i] = static_cast<std::uint32_t>(v);
    }
    Tensor::shape_type shape = indices.shape();  // inline storage: no heap allocation per step
    shape.push_back(D);
    Tensor y = Tensor::from_shape(shape);
    const float* pt = table.value().data();
    for (std::size_t i = 0; i < n; ++i)
        std::copy(pt + (*rows)[i] * D, pt + ((*rows)[i] + 1) * D, y.data() + i * D);
    return record("embedding", std::move(y), {table}, [rows, D](BackwardCtx& c) {
        const float* dy = c.grad_out().data();
        float* dtable = c.grad_in(0).data();
        for (std::size_t i = 0; i < rows->size(); ++i)
            for (std::size_t d = 0; d < D; ++d) dtable[(*rows)[i] * D + d] += dy[i * D + d];
    });
}

}  // namespace helix::ops
