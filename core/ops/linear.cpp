// core/ops/linear.cpp: the dense layer's two ops, matmul and add_bias.
// matmul is one f32_gemm forward and two backward (dx = dy w^T, dw = x^T dy), all in place on raw buffers.
#include <xtensor/xreducer.hpp>

#include "../kernels/f32_gemm.hpp"
#include "ops.hpp"

namespace helix::ops {

// x (B, I) * w (I, O) -> y (B, O).
Var matmul(const Var& x, const Var& w)
{
    HELIX_ASSERT(x.ndim() == 2 && w.ndim() == 2 && x.dim(1) == w.dim(0));
    const std::size_t B = x.dim(0), I = x.dim(1), O = w.dim(1);
    Tensor y = Tensor::from_shape({B, O});
    kernels::GemmArgs g;
    g.m = B, g.n = O, g.k = I;
    g.a = x.value().data(), g.lda = I;
    g.b = w.value().data(), g.ldb = O;
    g.c = y.data(), g.ldc = O;
    kernels::f32_gemm(g);
    return record("matmul", std::move(y), {x, w}, [B, I, O](BackwardCtx& c) {
        const float* dy = c.grad_out().data();
        if (c.needs_grad(0)) {  // dx (B, I) += dy (B, O) * w^T; w is stored (I, O), so B(o, i) = w[i*O + o]
            kernels::GemmArgs g;
            g.m = B, g.n = I, g.k = O;
            g.a = dy, g.lda = O;
            g.b = c.value_in(1).data(), g.ldb = O, g.trans_b = true;
            g.c = c.grad_in(0).data(), g.ldc = I, g.accumulate = true;
            kernels::f32_gemm(g);
        }
        if (c.needs_grad(1)) {  // dw (I, O) += x^T * dy; x is stored (B, I), so A(i, b) = x[b*I + i]
            kernels::GemmArgs g;
            g.m = I, g.n = O, g.k = B;
            g.a = c.value_in(0).data(), g.lda = I, g.trans_a = true;
            g.b = dy, g.ldb = O;
            g.c = c.grad_in(1).data(), g.ldc = O, g.accumulate = true;
            kernels::f32_gemm(g);
        }
    });
}

// x (..., O) + b (O): rows of x are the leading axes flattened.
Var add_bias(const Var& x, const Var& b)
{
    HELIX_ASSERT(x.ndim() >= 1 && b.ndim() == 1 && x.dim(x.ndim() - 1) == b.dim(0));
    const std::size_t O = b.dim(0), rows = x.value().size() / O;
    Tensor y = x.value();
    float* py = y.data();
    const float* pb = b.value().data();
    for (std::size_t r = 0; r < rows; ++r)
        for (std::size_t o = 0; o < O; ++o) py[r * O + o] += pb[o];
    return record("add_bias", std::move(y), {x, b}, [rows, O](BackwardCtx& c) {
        const float* dy = c.grad_out().data();
        if (c.needs_grad(0)) c.grad_in(0) += c.grad_out();
        if (c.needs_grad(1)) {  // db = sum of dy over rows, summed in double: rows may be B*L long
            std::vector<double> s(O, 0.0);
            for (std::size_t r = 0; r < rows; ++r)
                for (std::size_t o = 0; o < O; ++o) s[o] += dy[r * O + o];
            float* db = c.grad_in(1).data();
            for (std::size_t o = 0; o < O; ++o) db[o] += static_cast<float>(s[o]);
        }
    });
}

}  // namespace helix::ops
