// core/train/profile_metrics.cpp: profile Pearson and Jensen-Shannon distance. See profile_metrics.hpp.
// Softmax and the divergences in double.
#include "profile_metrics.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "../tensor.hpp"
#include "correlation.hpp"

namespace helix::train {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// p[l] = softmax over l of logits[l * S + s] (one example's strand s).
std::vector<double> strand_softmax(const float* logits, std::size_t L, std::size_t S, std::size_t s)
{
    std::vector<double> p(L);
    double mx = -INFINITY, sum = 0.0;
    for (std::size_t l = 0; l < L; ++l) mx = std::max(mx, static_cast<double>(logits[l * S + s]));
    for (std::size_t l = 0; l < L; ++l) sum += (p[l] = std::exp(logits[l * S + s] - mx));
    for (double& v : p) v /= sum;
    return p;
}

std::size_t examples(const std::vector<float>& logits, const std::vector<float>& counts, std::size_t L,
                     std::size_t S)
{
    HELIX_ASSERT(L >= 1 && S >= 1 && logits.size() == counts.size() && logits.size() % (L * S) == 0);
    return logits.size() / (L * S);
}

// sum_i a_i log2(a_i / m_i) over a_i > 0.
double kl2(const std::vector<double>& a, const std::vector<double>& m)
{
    double s = 0.0;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (a[i] > 0.0) s += a[i] * std::log2(a[i] / m[i]);
    return s;
}

}  // namespace

std::vector<double> profile_pearson(const std::vector<float>& logits, const std::vector<float>& counts,
                                    std::size_t L, std::size_t S)
{
    const std::size_t n = examples(logits, counts, L, S);
    std::vector<double> out(n);
    for (std::size_t b = 0; b < n; ++b) {
        std::vector<float> pred(L * S), obs(counts.begin() + b * L * S, counts.begin() + (b + 1) * L * S);
        for (std::size_t s = 0; s < S; ++s) {
            const std::vector<double> p = strand_softmax(logits.data() + b * L * S, L, S, s);
            for (std::size_t l = 0; l < L; ++l) pred[l * S + s] = static_cast<float>(p[l]);
        }
        out[b] = pearson(pred, obs);
    }
    return out;
}

std::vector<double> profile_jsd(const std::vector<float>& logits, const std::vector<float>& counts,
                                std::size_t L, std::size_t S)
{
    const std::size_t n = examples(logits, counts, L, S);
    std::vector<double> out(n, kNaN);
    for (std::size_t b = 0; b < n; ++b) {
        double sum = 0.0;
        std::size_t strands = 0;
        for (std::size_t s = 0; s < S; ++s) {
            const float* c = counts.data() + b * L * S + s;
            double total = 0.0;
            for (std::size_t l = 0; l < L; ++l) total += c[l * S];
            if (!(total > 0.0)) continue;  // no reads (or NaN counts): q undefined
            const std::vector<double> p = strand_softmax(logits.data() + b * L * S, L, S, s);
            std::vector<double> q(L), m(L);
            for (std::size_t l = 0; l < L; ++l) q[l] = c[l * S] / total, m[l] = 0.5 * (p[l] + q[l]);
            const double js = 0.5 * kl2(p, m) + 0.5 * kl2(q, m);
            sum += std::sqrt(std::max(js, 0.0));  // rounding can leave -1e-17
            ++strands;
        }
        if (strands) out[b] = sum / static_cast<double>(strands);
    }
    return out;
}

double median_ignoring_nan(std::vector<double> v)
{
    v.erase(std::remove_if(v.begin(), v.end(), [](double x) { return std::isnan(x); }), v.end());
    if (v.empty()) return kNaN;
    std::sort(v.begin(), v.end());
    const std::size_t h = v.size() / 2;
    return v.size() % 2 ? v[h] : 0.5 * (v[h - 1] + v[h]);
}

}  // namespace helix::train
