// core/nn/profile_head_kinds.cpp: see profile_head_kinds.hpp.
#include "profile_head_kinds.hpp"

#include <algorithm>
#include <cmath>

#include "../ops/ops.hpp"

namespace helix::nn {

namespace {

// Softmax over the L positions of each of the S strands (channels-last rows of S).
void strand_softmax(const float* z, std::size_t L, std::size_t S, float* out)
{
    for (std::size_t s = 0; s < S; ++s) {
        float mx = z[s];
        for (std::size_t l = 1; l < L; ++l) mx = std::max(mx, z[l * S + s]);
        double total = 0;
        for (std::size_t l = 0; l < L; ++l) total += std::exp(static_cast<double>(z[l * S + s] - mx));
        for (std::size_t l = 0; l < L; ++l)
            out[l * S + s] = static_cast<float>(std::exp(static_cast<double>(z[l * S + s] - mx)) / total);
    }
}

void identity_of(const float* z, std::size_t, std::size_t K, float* out)
{
    std::copy_n(z, K, out);
}

double log1p_squared_error(const float* p, std::size_t, float count)
{
    const double d = static_cast<double>(p[0]) - std::log1p(static_cast<double>(count));
    return d * d;
}

float log1p_of(float count)
{
    return std::log1p(count);
}

Var multinomial(const Var& z, const Tensor& counts, const Tensor& mask)
{
    return ops::multinomial_nll(z, counts, mask);
}

Var log1p_mse(const Var& z, const Tensor& counts, const Tensor& mask)
{
    return ops::log1p_mse(z, counts, mask);
}

}  // namespace

const std::vector<HeadKind>& profile_head_kinds()
{
    static const std::vector<HeadKind> kinds = {
        {"multinomial_nll", LabelKind::profile, multinomial, strand_softmax, nullptr},
        {"log1p_mse", LabelKind::number, log1p_mse, identity_of, log1p_squared_error, log1p_of},
    };
    return kinds;
}

}  // namespace helix::nn
