// core/ops/positional.cpp: positional information added to a sequence of embeddings x (B, L, D).
//   sinusoidal: y = x + PE, PE[p, 2i] = sin(p w_i), PE[p, 2i+1] = cos(p w_i), w_i = 10000^(-2i/D)
//               (computed in double; an odd D ends with a sine column). A constant: dx = dy.
//   learned:    y[b, l] = x[b, l] + table[l], table (Lmax, D) a parameter, L <= Lmax (the spec checks it):
//               dx = dy, dtable[l] += sum_b dy[b, l] (rows l >= L get nothing).
#include <cmath>

#include "attention.hpp"

namespace helix::ops {

namespace {

// dx += dy for x (any shape).
void pass_through(BackwardCtx& c)
{
    if (c.needs_grad(0)) c.grad_in(0) += c.grad_out();
}

}  // namespace

Var add_sinusoidal_positions(const Var& x)
{
    HELIX_ASSERT(x.ndim() == 3);
    const std::size_t B = x.dim(0), L = x.dim(1), D = x.dim(2);
    Tensor y = x.value();
    float* py = y.data();
    for (std::size_t l = 0; l < L; ++l)
        for (std::size_t i = 0; i < D; ++i) {
            const double w = std::pow(10000.0, -static_cast<double>(i - i % 2) / static_cast<double>(D));
            const float pe = static_cast<float>(i % 2 ? std::cos(l * w) : std::sin(l * w));
            for (std::size_t b = 0; b < B; ++b) py[(b * L + l) * D + i] += pe;
        }
    return record("add_sinusoidal_positions", std::move(y), {x}, pass_through);
}

Var add_learned_positions(const Var& x, const Var& table)
{
    HELIX_ASSERT(x.ndim() == 3 && table.ndim() == 2 && table.dim(1) == x.dim(2) && x.dim(1) <= table.dim(0));
    const std::size_t B = x.dim(0), L = x.dim(1), D = x.dim(2);
    Tensor y = x.value();
    float* py = y.data();
    const float* pt = table.value().data();
    for (std::size_t b = 0; b < B; ++b)
        for (std::size_t i = 0; i < L * D; ++i) py[b * L * D + i] += pt[i];
    return record("add_learned_positions", std::move(y), {x, table}, [B, L, D](BackwardCtx& c) {
        pass_through(c);
        if (!c.needs_grad(1)) return;
        const float* dy = c.grad_out().data();
        float* dt = c.grad_in(1).data();
        for (std::size_t b = 0; b < B; ++b)
            for (std::size_t i = 0; i < L * D; ++i) dt[i] += dy[b * L * D + i];
    });
}

}  // namespace helix::ops
