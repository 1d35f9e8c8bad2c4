// tests/core/direct_conv.hpp: the definition conv1d's tests compare against, as loops in double:
//   y[b, l, f] = bias[f] + sum_k sum_c x[b, l + k d - pad_left, c] w[k, c, f],  x zero outside [0, L)
// span E = (K-1) d + 1; valid: L' = L-E+1, pad_left 0; same: L' = L, pad_left (E-1)/2.
#pragma once

#include "core/ops/ops.hpp"

namespace helix::test {

inline Tensor direct_conv(const Tensor& x, const Tensor& w, const Tensor* bias, ops::Padding padding,
                          std::size_t d = 1)
{
    const std::size_t B = x.shape()[0], L = x.shape()[1], C = x.shape()[2], K = w.shape()[0],
                      F = w.shape()[2];
    const std::size_t E = (K - 1) * d + 1;
    const bool same = padding == ops::Padding::same;
    const std::size_t Lo = same ? L : L - E + 1;
    const long pad_left = same ? long(E - 1) / 2 : 0;
    Tensor y = xt::zeros<float>(Shape{B, Lo, F});
    for (std::size_t b = 0; b < B; ++b)
        for (std::size_t l = 0; l < Lo; ++l)
            for (std::size_t f = 0; f < F; ++f) {
                double s = bias ? (*bias)(f) : 0.0;
                for (std::size_t k = 0; k < K; ++k) {
                    const long at = long(l) + long(k * d) - pad_left;
                    if (at < 0 || at >= long(L)) continue;
                    for (std::size_t c = 0; c < C; ++c) s += double(x(b, at, c)) * w(k, c, f);
                }
                y(b, l, f) = float(s);
            }
    return y;
}

}  // namespace helix::test
