// core/ops/loss_mask.hpp: what the losses (losses.cpp, count_losses.cpp) share: which entries a mask counts,
// and the scalar {1} tensor a loss returns. A default-constructed Tensor is 0-dimensional with ONE element,
// so "no mask" means no dimensions (or no data): every entry counts.
#pragma once

#include "../tensor.hpp"

namespace helix::ops::loss_mask {

inline bool none(const Tensor& mask)
{
    return mask.dimension() == 0 || mask.size() == 0;
}

inline bool counts(const Tensor& mask, std::size_t i)
{
    return none(mask) || mask.data()[i] != 0.0f;
}

// How many of the n entries count.
inline std::size_t count(const Tensor& mask, std::size_t n)
{
    if (none(mask)) return n;
    std::size_t k = 0;
    for (std::size_t i = 0; i < n; ++i) k += counts(mask, i);
    return k;
}

inline Tensor scalar(double v)
{
    Tensor t = Tensor::from_shape({1});
    t(0) = static_cast<float>(v);
    return t;
}

}  // namespace helix::ops::loss_mask
