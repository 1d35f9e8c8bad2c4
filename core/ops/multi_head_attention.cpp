// core/ops/multi_head_attention.cpp: self-attention as torch.nn.MultiheadAttention (batch_first): the
// projections are ops::linear over every position of x (B, L, D) (one GEMM each, bias at the store), the
// heads are attention.cpp's op. torch stores in_proj_weight (3D, D) as [Wq; Wk; Wv] applied as x W^T, so
// wq here is Wq^T (D, D), and likewise wk, wv and wo = out_proj.weight^T.
#include "attention.hpp"
#include "ops.hpp"

namespace helix::ops {

Var multi_head_attention(const Var& x, const AttentionWeights& w, const AttentionOptions& options)
{
    HELIX_ASSERT(x.ndim() == 3);
    const Var q = linear(x, w.wq, w.bq), k = linear(x, w.wk, w.bk), v = linear(x, w.wv, w.bv);
    return linear(attention(q, k, v, options), w.wo, w.bo);
}

}  // namespace helix::ops
