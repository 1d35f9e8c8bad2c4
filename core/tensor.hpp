// core/tensor.hpp: the one tensor type of the engine, its shape type, and HELIX_ASSERT.
// Layout is channels-last everywhere: a batch of DNA is (B, L, C) with C = 4.
#pragma once

#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <vector>
#include <xtensor/xadapt.hpp>
#include <xtensor/xarray.hpp>
#include <xtensor/xbuilder.hpp>
#include <xtensor/xmath.hpp>
#include <xtensor/xview.hpp>

#include "tensor_reuse.hpp"

namespace helix {

// Row-major floats whose storage a training loop reuses from step to step (tensor_reuse.hpp).
using Tensor = xt::xarray<float, xt::layout_type::row_major, ReusingAllocator<float>>;
using Shape = std::vector<std::size_t>;

inline Shape shape_of(const Tensor& t)
{
    return Shape(t.shape().begin(), t.shape().end());
}

inline std::size_t numel(const Shape& s)
{
    std::size_t n = 1;
    for (auto d : s) n *= d;
    return n;
}

}  // namespace helix

// Programmer errors (broken invariants), never user input: those are values that name the line.
#define HELIX_ASSERT(cond)                                                                       \
    do {                                                                                         \
        if (!(cond)) {                                                                           \
            std::fprintf(stderr, "%s:%d: HELIX_ASSERT(%s) failed\n", __FILE__, __LINE__, #cond); \
            std::abort();                                                                        \
        }                                                                                        \
    } while (0)
