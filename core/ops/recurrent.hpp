// core/ops/recurrent.hpp: the recurrent layers' ops (LSTM, GRU) and the sequence ops that make them
// bidirectional. Shape legend as in ops.hpp: B batch, L length, C channels, H hidden units; channels-last.
//
// Weights are stored (inputs, gates) so that a step is one GEMM for the whole batch: w_ih (C, G H) and
// w_hh (H, G H), G = 4 (LSTM) or 3 (GRU) blocks of H columns in PyTorch's gate order. PyTorch's weight_ih_l0
// (G H, C) is w_ih transposed (tests/fixtures/make_recurrent_fixtures.py transposes). Initial state zero.
// return_sequences: y (B, L, H) holds h_t for every t; otherwise y (B, H) is the last state h_{L-1}.
#pragma once

#include <cmath>
#include <functional>
#include <vector>

#include "../autograd.hpp"

namespace helix::ops {

// lstm.cpp: gates i, f, g, o (PyTorch's order). b (4H) is PyTorch's bias_ih + bias_hh.
//   i, f, o = sigmoid(x_t w_ih + h_{t-1} w_hh + b) blocks 0, 1, 3;  g = tanh(...) block 2
//   c_t = f c_{t-1} + i g;  h_t = o tanh(c_t)
Var lstm(const Var& x, const Var& w_ih, const Var& w_hh, const Var& b, bool return_sequences);

// gru.cpp: gates r, z, n and PyTorch's formulation, which needs both biases (the reset gate multiplies the
// hidden side's n block including its bias, so b_ih and b_hh cannot be merged):
//   r, z = sigmoid(x_t w_ih + b_ih + h_{t-1} w_hh + b_hh) blocks 0, 1
//   n = tanh(x_t w_in + b_in + r * (h_{t-1} w_hn + b_hn))          (block 2 of each)
//   h_t = (1 - z) n + z h_{t-1}
Var gru(const Var& x, const Var& w_ih, const Var& w_hh, const Var& b_ih, const Var& b_hh,
        bool return_sequences);

// sequence_ops.cpp
Var reverse_time(const Var& x);  // (B, L, C) -> (B, L, C), y[b, t] = x[b, L-1-t]
Var concat_last(VarList xs);     // along the last axis; any rank, equal leading dims
Var last_step(const Var& x);     // (B, L, H) -> (B, H), y[b] = x[b, L-1]

// One direction of a recurrent layer with its weights bound, e.g.
//   [&](const Var& v, bool seq) { return lstm(v, w_ih, w_hh, b, seq); }
using RecurrentFn = std::function<Var(const Var& x, bool return_sequences)>;

// sequence_ops.cpp: PyTorch's bidirectional=True (Keras's Bidirectional, merge_mode "concat"). The backward
// direction reads the sequence reversed; its outputs are put back in the original time order:
//   sequences:  concat_last({fwd(x, true), reverse_time(bwd(reverse_time(x), true))})   (B, L, 2H)
//   last state: concat_last({fwd(x, false), bwd(reverse_time(x), false)})                (B, 2H)
// Columns [0, H) are the forward direction, [H, 2H) the backward one, as in PyTorch's output. The backward
// direction's last state is the one after reading position 0 (PyTorch's h_n[1]): the sequences' backward
// half at t = 0, not at t = L-1.
Var bidirectional(const Var& x, const RecurrentFn& fwd, const RecurrentFn& bwd, bool return_sequences);

// recurrent_projections.cpp: the GEMMs over all B*L positions that lstm.cpp and gru.cpp share (not API).
// Backward through time keeps the gradient of every step's gate pre-activations, dz (B*L, G), so that each
// parameter gradient is one GEMM over all steps rather than L small ones.
namespace recurrent_detail {

// z (B*L, G) = x (B*L, C) w (C, G) + b (G): the input side of every step's gates at once.
StepVector<float> project_inputs(const Tensor& x, const Tensor& w, const Tensor& b);
// dx += dz w^T, dw += x^T dz, db += sum of dz over rows, for the inputs (indices into c) that need them.
void add_input_grads(BackwardCtx& c, std::size_t ix, std::size_t iw, std::size_t ib,
                     const StepVector<float>& dz);
// dw_hh (H, G) += sum_t h_{t-1}^T dz_t over every step, with h_{-1} = 0. hs (B, L, H) holds h_t.
void add_hidden_weight_grad(Tensor& dw_hh, const StepVector<float>& hs, const StepVector<float>& dz,
                            std::size_t B, std::size_t L, std::size_t H);
// db (G) += sum of dz (rows, G) over rows (ops::add_row_sums: rows may be B*L long).
void add_column_sums(Tensor& db, const StepVector<float>& dz);
// The recurrence is split over the thread pool by blocks of sequences, each task running every step of its
// block (a step's GEMM and gates for those rows): at least this many sequences per task.
std::size_t sequences_per_task(std::size_t L, std::size_t H, std::size_t G);
// 1 / (1 + e^-v) without overflow (as ops::sigmoid).
inline float sigmoid(float v)
{
    if (v >= 0.0f) return 1.0f / (1.0f + std::exp(-v));
    const float e = std::exp(v);
    return e / (1.0f + e);
}

}  // namespace recurrent_detail

}  // namespace helix::ops
