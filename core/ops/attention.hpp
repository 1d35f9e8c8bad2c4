// core/ops/attention.hpp: multi-head self-attention and positional information, the ops of a transformer
// encoder. Same conventions as ops.hpp (channels-last, forward records its backward); each op lives in the
// file named in its comment. Shapes: B batch, L length, D model width, H heads, dh = D / H.
#pragma once

#include <cstddef>

#include "../autograd.hpp"

namespace helix::ops {

struct AttentionOptions {
    std::size_t heads = 1;  // H, dividing D
    // Key padding: lengths[b] (B values, each <= L) is how many leading positions of example b are real;
    // null means all L. Keys at or past the length get no weight. Query rows past it (padding) give zero
    // output rows and pass no gradient: attention's result is 0 there (multi_head_attention's output
    // projection then adds its bias), and a readout must skip them (a mean over the real positions).
    // An example of length 0 is all zeros.
    const std::size_t* lengths = nullptr;
    // ALiBi (Press et al. 2022): score(i, j) -= m_h |i - j| with the paper's head slopes m_h (alibi_slopes);
    // |i - j| makes it symmetric for an encoder (with causal, j <= i and it is the paper's form).
    bool alibi = false;
    bool causal = false;  // query i sees keys j <= i only (a causal language model)
    // When set, receives the attention probabilities of this forward, (B, H, L, L): [b, h, i, j] is the
    // weight query i gives key j (rows of padding are zeros). For the page's attention maps.
    Tensor* probabilities = nullptr;
};

// attention.cpp: scaled dot-product attention per head on projected q, k, v (B, L, D) -> (B, L, D):
//   head h uses columns h*dh .. (h+1)*dh: out_h = softmax(q_h k_h^T / sqrt(dh) + bias + mask) v_h
// The (B, H) pairs are split over the thread pool, each computed whole by one thread (its GEMMs inline), so
// results do not depend on the thread count.
Var attention(const Var& q, const Var& k, const Var& v, const AttentionOptions& options);

// The ALiBi slope of each of `heads` heads into out[0 .. heads): for H a power of two, 2^(-8 (h+1) / H); else
// the slopes of the largest power of two n <= H, then every other slope of 2n (the paper's rule).
void alibi_slopes(std::size_t heads, float* out);

// multi_head_attention.cpp: torch.nn.MultiheadAttention (batch_first) on x (B, L, D), self-attention:
//   q = x wq + bq, k = x wk + bk, v = x wv + bv  (w (D, D) stored (in, out), b (D) or empty Vars)
//   y = attention(q, k, v) wo + bo
struct AttentionWeights {
    Var wq, bq, wk, bk, wv, bv, wo, bo;
};
Var multi_head_attention(const Var& x, const AttentionWeights& w, const AttentionOptions& options);

// positional.cpp
// x (B, L, D) + PE (L, D), the constant sinusoidal encoding of Vaswani et al.:
//   PE[p, 2i] = sin(p / 10000^(2i/D)), PE[p, 2i+1] = cos(p / 10000^(2i/D)). dx = dy.
Var add_sinusoidal_positions(const Var& x);
// x (B, L, D) + table[0 .. L) for a learned table (Lmax, D), L <= Lmax; dtable[l] += sum_b dy[b, l].
Var add_learned_positions(const Var& x, const Var& table);

// cls_token.cpp: a [CLS]-style readout. prepend_token: x (B, L, D), token (D) -> (B, L+1, D) with the token
// at position 0; first_position: (B, L, D) -> (B, D), position 0 (the token's output after the encoder).
Var prepend_token(const Var& x, const Var& token);
Var first_position(const Var& x);

}  // namespace helix::ops
