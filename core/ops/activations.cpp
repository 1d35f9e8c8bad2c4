// core/ops/activations.cpp: elementwise relu, sigmoid, tanh, and softmax over the last axis.
// Backward passes use the op's output where it is enough (sigmoid, tanh, softmax), so nothing is recomputed.
#include <cmath>
#include <xsimd/xsimd.hpp>

#include "../kernels/f32_activations.hpp"
#include "../parallel.hpp"
#include "ops.hpp"

namespace helix::ops {

namespace {
// Floats per chunk: an elementwise op streams memory, and a chunk done on another thread leaves its output in
// that core's cache for the next op to fetch back. A relu over W4's 43K floats took 9 us on one thread and 44
// us split in two (wasm, Node); 256K floats per chunk keeps such ops whole and still splits W2's (millions of
// floats).
constexpr std::size_t kElementwiseGrain = 1u << 18;
using Batch = xsimd::batch<float>;
constexpr std::size_t W = Batch::size;

// y[i] = max(x[i], 0) and dx[i] += x[i] > 0 ? dy[i] : 0, as vector selects: no branch on the sign (a branch
// mispredicts on every other element of a layer's pre-activations), the same result as the scalar form.
void relu_forward(const float* x, float* y, std::size_t i0, std::size_t i1)
{
    std::size_t i = i0;
    const Batch zero(0.0f);
    for (; i + W <= i1; i += W) {
        const Batch v = Batch::load_unaligned(x + i);
        xsimd::select(v > zero, v, zero).store_unaligned(y + i);
    }
    for (; i < i1; ++i) y[i] = x[i] > 0.0f ? x[i] : 0.0f;
}

void relu_backward(const float* x, const float* dy, float* dx, std::size_t i0, std::size_t i1)
{
    std::size_t i = i0;
    const Batch zero(0.0f);
    for (; i + W <= i1; i += W) {
        const Batch g =
            xsimd::select(Batch::load_unaligned(x + i) > zero, Batch::load_unaligned(dy + i), zero);
        (Batch::load_unaligned(dx + i) + g).store_unaligned(dx + i);
    }
    for (; i < i1; ++i) dx[i] += x[i] > 0.0f ? dy[i] : 0.0f;
}
}  // namespace

const float* relu_masked(const Tensor& y, const Tensor& dy, StepVector<float>& out)
{
    out.resize(dy.size());
    const float *py = y.data(), *pdy = dy.data();
    float* po = out.data();
    ThreadPool::global().parallel_for(
        0, dy.size(), kElementwiseGrain, [py, pdy, po](std::size_t i0, std::size_t i1) {
            std::size_t i = i0;
            const Batch zero(0.0f);
            for (; i + W <= i1; i += W)
                xsimd::select(Batch::load_unaligned(py + i) > zero, Batch::load_unaligned(pdy + i), zero)
                    .store_unaligned(po + i);
            for (; i < i1; ++i) po[i] = py[i] > 0.0f ? pdy[i] : 0.0f;
        });
    return po;
}

// relu(x) = max(x, 0). The gradient at exactly 0 is 0, as in PyTorch, so fixtures match.
// Both passes are elementwise, so they are split over the thread pool (any split gives the same result):
// after conv1d they touch B*L*F floats, the largest serial stretch of a training step otherwise.
Var relu(const Var& x)
{
    Tensor y = Tensor::from_shape(x.value().shape());  // filled below: the copy is part of the parallel loop
    const float* px = x.value().data();
    float* py = y.data();
    ThreadPool::global().parallel_for(
        0, y.size(), kElementwiseGrain,
        [px, py](std::size_t i0, std::size_t i1) { relu_forward(px, py, i0, i1); });
    return record("relu", std::move(y), {x}, [](BackwardCtx& c) {
        // += not =: x may feed several ops, and each adds its share of dL/dx.
        const float *px = c.value_in(0).data(), *dy = c.grad_out().data();
        float* dx = c.grad_in(0).data();
        ThreadPool::global().parallel_for(
            0, c.grad_out().size(), kElementwiseGrain,
            [px, dy, dx](std::size_t i0, std::size_t i1) { relu_backward(px, dy, dx, i0, i1); });
    });
}

// sigmoid(x) = 1 / (1 + e^-x) and tanh: vectorised over the array (kernels/f32_activations.hpp).
Var sigmoid(const Var& x)
{
    Tensor y = Tensor::from_shape(x.value().shape());
    kernels::f32_sigmoid(x.value().data(), y.data(), y.size());
    return record("sigmoid", std::move(y), {x}, [](BackwardCtx& c) {
        const float *py = c.value_out().data(), *dy = c.grad_out().data();
        float* dx = c.grad_in(0).data();
        for (std::size_t i = 0, n = c.grad_out().size(); i < n; ++i) dx[i] += dy[i] * py[i] * (1.0f - py[i]);
    });
}

Var tanh(const Var& x)
{
    Tensor y = Tensor::from_shape(x.value().shape());
    kernels::f32_tanh(x.value().data(), y.data(), y.size());
    return record("tanh", std::move(y), {x}, [](BackwardCtx& c) {
        const float *py = c.value_out().data(), *dy = c.grad_out().data();
        float* dx = c.grad_in(0).data();
        for (std::size_t i = 0, n = c.grad_out().size(); i < n; ++i) dx[i] += dy[i] * (1.0f - py[i] * py[i]);
    });
}

// softmax over the last axis, shifted by the row maximum so exp never overflows.
// Backward: dx = y * (dy - sum(dy * y)) per row.
Var softmax(const Var& x)
{
    HELIX_ASSERT(x.ndim() >= 1);
    const std::size_t K = x.dim(x.ndim() - 1), rows = K ? x.value().size() / K : 0;
    Tensor y = x.value();
    float* py = y.data();
    for (std::size_t r = 0; r < rows; ++r) {
        float* row = py + r * K;
        float mx = row[0];
        for (std::size_t k = 1; k < K; ++k) mx = std::max(mx, row[k]);
        double s = 0.0;
        for (std::size_t k = 0; k < K; ++k) s += (row[k] = std::exp(row[k] - mx));
        const float inv = static_cast<float>(1.0 / s);
        for (std::size_t k = 0; k < K; ++k) row[k] *= inv;
    }
    return record("softmax", std::move(y), {x}, [rows, K](BackwardCtx& c) {
        const float *py = c.value_out().data(), *dy = c.grad_out().data();
        float* dx = c.grad_in(0).data();
        for (std::size_t r = 0; r < rows; ++r) {
            const float *yr = py + r * K, *dyr = dy + r * K;
            double dot = 0.0;
            for (std::size_t k = 0; k < K; ++k) dot += static_cast<double>(dyr[k]) * yr[k];
            for (std::size_t k = 0; k < K; ++k) dx[r * K + k] += yr[k] * (dyr[k] - static_cast<float>(dot));
        }
    });
}

}  // namespace helix::ops
