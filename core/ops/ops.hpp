// core/ops/ops.hpp: every differentiable op of the engine, forward + recorded backward.
// Shape legend: B batch, L length, C channels (4 for DNA), K kernel width, F filters, I/O features.
// Layout is channels-last (B, L, C). Each op lives in the file named in its comment.
#pragma once

#include "../autograd.hpp"
#include "../rng.hpp"

namespace helix::ops {

// An activation computed inside the op that precedes it, at the GEMM's store (no separate pass or tensor):
// relu(op(...)) as one op. The backward masks dy with y > 0, which is relu's gradient (0 at 0, as ops::relu).
enum class Fused { none, relu };

// linear.cpp
Var matmul(const Var& x, const Var& w);    // x (B, I) * w (I, O) -> (B, O)
Var add_bias(const Var& x, const Var& b);  // x (..., O) + b (O), broadcast over leading axes
// matmul and linear also take x (..., I) of any rank >= 2 as rows of I (y is (..., O)): a dense layer at
// every position of (B, L, I), attention's projections. The dense layer as one op: act(x (B, I) * w (I, O) +
// b (O)), b may be an empty Var. The same values as matmul, add_bias and relu in turn, in one GEMM with the
// bias and activation fused.
Var linear(const Var& x, const Var& w, const Var& b, Fused act = Fused::none);
// db (O) += the column sums of dy (rows, O): 64 rows at a time in float (vectorised), the blocks in double.
void add_row_sums(float* db, const float* dy, std::size_t rows, std::size_t O);
// dy masked by y > 0 (relu's gradient, given its output) into a workspace of this step; returns it.
const float* relu_masked(const Tensor& y, const Tensor& dy, StepVector<float>& out);

// activations.cpp (elementwise, any shape; softmax over the last axis)
Var relu(const Var& x);
Var sigmoid(const Var& x);
Var tanh(const Var& x);
Var softmax(const Var& x);
// gelu.cpp: PyTorch's nn.GELU() (exact, with erf): x * Phi(x).
Var gelu(const Var& x);

// conv1d.cpp: x (B, L, C), w (K, C, F), b (F) or empty Var -> y (B, L', F).
// Valid: L' = L-K+1. Same: L' = L, padding (K-1)/2 on the left and K/2 on the right (Keras/PyTorch
// 'same' for odd K; for even K PyTorch pads one more on the right, as here).
// dilation d > 1 spaces the taps d positions apart (span E = (K-1) d + 1): valid L' = L-E+1; same pads
// (E-1)/2 left and E/2 right (PyTorch's padding='same'); it runs conv1d_dilated.
enum class Padding { valid, same };
Var conv1d(const Var& x, const Var& w, const Var& b, Padding padding, Fused act = Fused::none,
           std::size_t dilation = 1);
// conv1d_dilated.cpp: the same op for any dilation, one GEMM per tap (conv1d's path for dilation > 1; for
// dilation 1 conv1d's single im2col GEMM is faster).
Var conv1d_dilated(const Var& x, const Var& w, const Var& b, Padding padding, std::size_t dilation,
                   Fused act = Fused::none);

// crop.cpp: the central window: x (B, L, C) -> (B, out_length, C), starting at (L - out_length) / 2.
Var crop_center(const Var& x, std::size_t out_length);

// pooling.cpp: windows of `size` every `stride` positions, no padding, L' = (L - size) / stride + 1.
Var max_pool1d(const Var& x, std::size_t size, std::size_t stride);  // (B, L, C) -> (B, L', C)
Var avg_pool1d(const Var& x, std::size_t size, std::size_t stride);
Var global_max_pool(const Var& x);  // (B, L, C) -> (B, C); ties: the first maximum takes the gradient
Var global_avg_pool(const Var& x);  // (B, L, C) -> (B, C)

// upsample.cpp: nearest-neighbour upsampling along the length, as Keras' UpSampling1D:
// x (B, L, C) -> y (B, L * size, C) with y[b, l * size + k] = x[b, l] for k < size.
Var upsample1d(const Var& x, std::size_t size);

// shape_ops.cpp
Var flatten(const Var& x);  // (B, ...) -> (B, prod(...))
Var sum(const Var& x);      // -> scalar, shape {} ... stored as shape {1}
Var mean(const Var& x);     // -> shape {1}

// weighted_sum.cpp: sum(x * w) for a constant w of x's shape -> shape {1} (picks and weighs entries: the
// score of one class per row, for attributions).
Var weighted_sum(const Var& x, const Tensor& w);

// dropout.cpp: inverted dropout (kept units scaled by 1/(1-rate)); identity when !training or rate == 0.
Var dropout(const Var& x, float rate, Rng& rng, bool training);

// losses.cpp: every loss returns shape {1}, the mean over the entries that count.
// mask (same shape as targets, 1 = counts, 0 = missing label) may be an empty Tensor: all count.
// If no entry counts the loss is 0 with a zero gradient.
Var bce_with_logits(const Var& logits, const Tensor& targets, const Tensor& mask = Tensor());
// logits (B, K), classes (B) holding class indices as floats; mask (B) optional.
Var softmax_cross_entropy(const Var& logits, const Tensor& classes, const Tensor& mask = Tensor());
Var mse(const Var& pred, const Tensor& targets, const Tensor& mask = Tensor());

// count_losses.cpp (same conventions): losses on read counts.
// Poisson NLL with a log-rate input: mean of exp(z) - t z (torch.nn.PoissonNLLLoss(log_input=True)).
Var poisson_nll(const Var& log_rate, const Tensor& targets, const Tensor& mask = Tensor());
// BPNet's profile loss: logits (B, L, S) and counts (B, L, S), softmax over L per example and strand; the
// multinomial NLL summed over strands, averaged over examples (mask (B) optional). full adds the
// log-factorial terms (the exact likelihood; the gradient is the same).
Var multinomial_nll(const Var& logits, const Tensor& counts, const Tensor& mask = Tensor(),
                    bool full = false);
// BPNet's count loss: mean of (pred - log(1 + counts))^2, pred and counts of one size.
Var log1p_mse(const Var& pred, const Tensor& counts, const Tensor& mask = Tensor());

}  // namespace helix::ops
