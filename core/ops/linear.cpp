// core/ops/linear.cpp: the dense layer's ops: matmul and add_bias, and linear, both in one op with the
// activation fused (what nn's dense layer uses).
// matmul is one f32_gemm forward and two backward (dx = dy w^T, dw = x^T dy), all in place on raw buffers.
#include <algorithm>
#include <vector>
#include <xtensor/xreducer.hpp>

#include "../kernels/f32_gemm.hpp"
#include "ops.hpp"

namespace helix::ops {

namespace {

// dx (B, I) += dy (B, O) w^T and dw (I, O) += x^T dy, for the inputs that need them (x input 0, w input 1).
void matmul_backward(BackwardCtx& c, const float* dy, std::size_t B, std::size_t I, std::size_t O)
{
    if (c.needs_grad(0)) {  // w is stored (I, O), so B(o, i) = w[i*O + o]
        kernels::GemmArgs g;
        g.m = B, g.n = I, g.k = O;
        g.a = dy, g.lda = O;
        g.b = c.value_in(1).data(), g.ldb = O, g.trans_b = true;
        g.c = c.grad_in(0).data(), g.ldc = I, g.accumulate = true;
        kernels::f32_gemm(g);
    }
    if (c.needs_grad(1)) {  // x is stored (B, I), so A(i, b) = x[b*I + i]
        kernels::GemmArgs g;
        g.m = I, g.n = O, g.k = B;
        g.a = c.value_in(0).data(), g.lda = I, g.trans_a = true;
        g.b = dy, g.ldb = O;
        g.c = c.grad_in(1).data(), g.ldc = O, g.accumulate = true;
        kernels::f32_gemm(g);
    }
}

// y (B, O) = x (B, I) * w (I, O), + bias (O floats) and relu when given: one GEMM with them at its store.
// x (..., I) of any rank >= 2 is B = prod(...) rows of I; y is then (..., O).
Tensor product(const Var& x, const Var& w, const float* bias, bool relu)
{
    HELIX_ASSERT(x.ndim() >= 2 && w.ndim() == 2 && x.dim(x.ndim() - 1) == w.dim(0));
    const std::size_t I = w.dim(0), B = x.value().size() / I, O = w.dim(1);
    Tensor::shape_type shape = x.value().shape();  // inline storage: no heap allocation per step
    shape.back() = O;
    Tensor y = Tensor::from_shape(shape);
    kernels::GemmArgs g;
    g.m = B, g.n = O, g.k = I;
    g.a = x.value().data(), g.lda = I;
    g.b = w.value().data(), g.ldb = O;
    g.c = y.data(), g.ldc = O;
    g.bias = bias;
    g.relu = relu;
    kernels::f32_gemm(g);
    return y;
}

}  // namespace

// x (B, I) * w (I, O) -> y (B, O).
Var matmul(const Var& x, const Var& w)
{
    Tensor y = product(x, w, nullptr, false);  // checks the shapes
    const std::size_t I = w.dim(0), B = x.value().size() / I, O = w.dim(1);
    return record("matmul", std::move(y), {x, w},
                  [B, I, O](BackwardCtx& c) { matmul_backward(c, c.grad_out().data(), B, I, O); });
}

Var linear(const Var& x, const Var& w, const Var& b, Fused act)
{
    if (b) HELIX_ASSERT(b.ndim() == 1 && w.ndim() == 2 && b.dim(0) == w.dim(1));
    Tensor y = product(x, w, b ? b.value().data() : nullptr, act == Fused::relu);  // checks x and w
    const std::size_t I = w.dim(0), B = x.value().size() / I, O = w.dim(1);
    const bool has_bias = static_cast<bool>(b);
    const Var operands[3] = {x, w, b};
    const VarList inputs(operands, has_bias ? 3 : 2);
    return record(act == Fused::relu ? "linear_relu" : "linear", std::move(y), inputs, [=](BackwardCtx& c) {
        StepVector<float> masked;
        const float* dy =
            act == Fused::relu ? relu_masked(c.value_out(), c.grad_out(), masked) : c.grad_out().data();
        matmul_backward(c, dy, B, I, O);
        if (has_bias && c.needs_grad(2)) add_row_sums(c.grad_in(2).data(), dy, B, O);
    });
}

void add_row_sums(float* db, const float* dy, std::size_t rows, std::size_t O)
{
    thread_local std::vector<double> sum;
    thread_local std::vector<float> part;
    sum.assign(O, 0.0), part.resize(O);
    constexpr std::size_t kBlock = 64;
    for (std::size_t r0 = 0; r0 < rows; r0 += kBlock) {
        std::fill(part.begin(), part.end(), 0.0f);
        float* pp = part.data();
        for (std::size_t r = r0, r1 = std::min(rows, r0 + kBlock); r < r1; ++r) {
            const float* row = dy + r * O;
            for (std::size_t o = 0; o < O; ++o) pp[o] += row[o];
        }
        for (std::size_t o = 0; o < O; ++o) sum[o] += pp[o];
    }
    for (std::size_t o = 0; o < O; ++o) db[o] += static_cast<float>(sum[o]);
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
        if (c.needs_grad(0)) c.grad_in(0) += c.grad_out();
        if (c.needs_grad(1)) add_row_sums(c.grad_in(1).data(), c.grad_out().data(), rows, O);
    });
}

}  // namespace helix::ops
