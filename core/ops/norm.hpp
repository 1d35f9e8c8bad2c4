// core/ops/norm.hpp: the layer ops that are not in ops.hpp: normalisation, embedding lookup, reshape and
// concat. Same conventions as ops.hpp (channels-last, forward records its backward); each op lives in the
// file named in its comment.
#pragma once

#include "../autograd.hpp"

namespace helix::ops {

// batch_norm.cpp: PyTorch's BatchNorm1d for channels-last x (B, F) or (B, L, F): statistics per feature F
// over every other axis (n = size / F values each). gamma, beta, running_mean, running_var are (F).
// training: y = gamma (x - mean) / sqrt(var + eps) + beta with the batch mean and biased variance, and
//   running_mean = (1 - momentum) running_mean + momentum mean,
//   running_var  = (1 - momentum) running_var  + momentum var * n / (n - 1)   (unbiased, as PyTorch).
//   With n = 1 the unbiased variance does not exist (PyTorch raises): running_var is left as it was.
// eval: the running statistics normalise and are not changed; x's gradient is then a plain scale.
Var batch_norm(const Var& x, const Var& gamma, const Var& beta, Tensor& running_mean, Tensor& running_var,
               bool training, float momentum = 0.1f, float eps = 1e-5f);

// layer_norm.cpp: PyTorch's LayerNorm over the last axis: x (..., D), gamma, beta (D), biased variance.
Var layer_norm(const Var& x, const Var& gamma, const Var& beta, float eps = 1e-5f);

// embedding.cpp: rows of table (V, D) picked by indices (any shape, integer values stored as floats, each
// in [0, V)) -> (indices..., D). dtable gets each picked row's gradient added (repeats add up).
Var embedding(const Tensor& indices, const Var& table);

// reshape.cpp
// x (B, ...) -> (B, shape...): the batch axis is kept and `shape` is the rest, as Keras' Reshape. One entry
// may be `infer_axis` (PyTorch's -1): it takes the size that makes the counts match. Row-major order is kept.
constexpr std::size_t infer_axis = static_cast<std::size_t>(-1);
Var reshape(const Var& x, const Shape& shape);
// Joins xs along `axis`; every other axis must agree. Any number of inputs >= 1, any rank >= 1.
Var concat(VarList xs, std::size_t axis);  // a braced list or a vector

// add.cpp: the elementwise sum of tensors of one shape (an "add" merge layer).
Var add(VarList xs);  // a braced list {a, b} or a vector; all of one shape
// x * factor (a loss weight).
Var scale(const Var& x, float factor);

}  // namespace helix::ops
