// core/nn/head_kind.cpp: see head_kind.hpp.
#include "head_kind.hpp"

#include <algorithm>
#include <cmath>

#include "../ops/ops.hpp"
#include "profile_head_kinds.hpp"

namespace helix::nn {

namespace {

void sigmoid_of(const float* z, std::size_t, std::size_t, float* out)
{
    out[0] = 1.0f / (1.0f + std::exp(-z[0]));
}

void softmax_of(const float* z, std::size_t, std::size_t K, float* out)
{
    const float mx = *std::max_element(z, z + K);  // shifted so exp cannot overflow
    double total = 0;
    for (std::size_t j = 0; j < K; ++j) total += std::exp(static_cast<double>(z[j] - mx));
    for (std::size_t j = 0; j < K; ++j)
        out[j] = static_cast<float>(std::exp(static_cast<double>(z[j] - mx)) / total);
}

void identity_of(const float* z, std::size_t, std::size_t K, float* out)
{
    std::copy_n(z, K, out);
}

void exp_of(const float* z, std::size_t, std::size_t K, float* out)
{
    for (std::size_t j = 0; j < K; ++j) out[j] = std::exp(z[j]);
}

// Clamped at -100 as PyTorch's BCELoss clamps log.
double clamped_log(double p)
{
    return std::max(std::log(p), -100.0);
}

double binary_loss(const float* p, std::size_t, float y)
{
    return y > 0.5f ? -clamped_log(p[0]) : -std::max(std::log1p(-static_cast<double>(p[0])), -100.0);
}

double class_loss(const float* p, std::size_t, float y)
{
    return -clamped_log(p[static_cast<std::size_t>(y)]);
}

double squared_error(const float* p, std::size_t, float y)
{
    const double d = static_cast<double>(p[0]) - y;
    return d * d;
}

// rate - y log(rate), as training minimises exp(z) - y z with z = log(rate) (the log-factorial term left
// out, as PyTorch's default full=False).
double poisson_loss(const float* rate, std::size_t, float y)
{
    const double r = std::max(static_cast<double>(rate[0]), 1e-30);
    return r - y * std::log(r);
}

Var bce(const Var& z, const Tensor& y, const Tensor& m)
{
    return ops::bce_with_logits(z, y, m);
}
Var cross_entropy(const Var& z, const Tensor& y, const Tensor& m)
{
    return ops::softmax_cross_entropy(z, y, m);
}
Var mean_squared(const Var& z, const Tensor& y, const Tensor& m)
{
    return ops::mse(z, y, m);
}
Var poisson(const Var& z, const Tensor& y, const Tensor& m)
{
    return ops::poisson_nll(z, y, m);
}

const HeadKind kKinds[] = {
    {"bce_with_logits", LabelKind::binary, bce, sigmoid_of, binary_loss},
    {"softmax_cross_entropy", LabelKind::classes, cross_entropy, softmax_of, class_loss},
    {"mse", LabelKind::number, mean_squared, identity_of, squared_error},
    {"poisson", LabelKind::number, poisson, exp_of, poisson_loss},
};

// The kinds above, then those kept in files of their own.
const std::vector<const HeadKind*>& all_kinds()
{
    static const std::vector<const HeadKind*> kinds = [] {
        std::vector<const HeadKind*> out;
        for (const HeadKind& k : kKinds) out.push_back(&k);
        for (const HeadKind& k : profile_head_kinds()) out.push_back(&k);
        return out;
    }();
    return kinds;
}

}  // namespace

const HeadKind& head_kind(const std::string& loss)
{
    for (const HeadKind* k : all_kinds())
        if (loss == k->loss) return *k;
    HELIX_ASSERT(!"a head loss the spec does not accept");
    return kKinds[0];
}

const std::vector<std::string>& head_loss_names()
{
    static const std::vector<std::string> names = [] {
        std::vector<std::string> out;
        for (const HeadKind* k : all_kinds()) out.push_back(k->loss);
        return out;
    }();
    return names;
}

}  // namespace helix::nn
