// core/train/correlation.cpp: Pearson and Spearman correlation. See correlation.hpp.
#include "correlation.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "../tensor.hpp"

namespace helix::train {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// The pairs with a target, in double; false when a kept prediction is NaN.
bool labelled_pairs(const std::vector<float>& x, const std::vector<float>& y, std::vector<double>& xs,
                    std::vector<double>& ys)
{
    HELIX_ASSERT(x.size() == y.size());
    for (std::size_t i = 0; i < x.size(); ++i) {
        if (std::isnan(y[i])) continue;
        if (std::isnan(x[i])) return false;
        xs.push_back(x[i]), ys.push_back(y[i]);
    }
    return true;
}

double pearson_of(const std::vector<double>& x, const std::vector<double>& y)
{
    const std::size_t n = x.size();
    if (n < 2) return kNaN;
    const double mx = std::accumulate(x.begin(), x.end(), 0.0) / n,
                 my = std::accumulate(y.begin(), y.end(), 0.0) / n;
    double sxy = 0.0, sxx = 0.0, syy = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        sxy += (x[i] - mx) * (y[i] - my);
        sxx += (x[i] - mx) * (x[i] - mx);
        syy += (y[i] - my) * (y[i] - my);
    }
    if (!(sxx > 0.0) || !(syy > 0.0)) return kNaN;  // a constant side (or Inf values)
    return std::clamp(sxy / std::sqrt(sxx * syy), -1.0, 1.0);
}

std::vector<float> column(const std::vector<float>& m, std::size_t K, std::size_t k)
{
    std::vector<float> out;
    for (std::size_t i = k; i < m.size(); i += K) out.push_back(m[i]);
    return out;
}

template <class Fn>
std::vector<double> per_column(const std::vector<float>& pred, const std::vector<float>& target,
                               std::size_t K, Fn fn)
{
    HELIX_ASSERT(K >= 1 && pred.size() == target.size() && pred.size() % K == 0);
    std::vector<double> out(K);
    for (std::size_t k = 0; k < K; ++k) out[k] = fn(column(pred, K, k), column(target, K, k));
    return out;
}

}  // namespace

std::vector<double> average_ranks(const std::vector<double>& v)
{
    std::vector<std::size_t> order(v.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return v[a] < v[b]; });
    std::vector<double> rank(v.size());
    for (std::size_t i = 0; i < order.size();) {
        std::size_t j = i + 1;
        while (j < order.size() && v[order[j]] == v[order[i]]) ++j;
        const double r =
            (static_cast<double>(i + 1) + static_cast<double>(j)) / 2.0;  // mean of ranks i+1 .. j
        for (std::size_t t = i; t < j; ++t) rank[order[t]] = r;
        i = j;
    }
    return rank;
}

double pearson(const std::vector<float>& x, const std::vector<float>& y)
{
    std::vector<double> xs, ys;
    if (!labelled_pairs(x, y, xs, ys)) return kNaN;
    return pearson_of(xs, ys);
}

double spearman(const std::vector<float>& x, const std::vector<float>& y)
{
    std::vector<double> xs, ys;
    if (!labelled_pairs(x, y, xs, ys)) return kNaN;
    return pearson_of(average_ranks(xs), average_ranks(ys));
}

std::vector<double> pearson_per_column(const std::vector<float>& pred, const std::vector<float>& target,
                                       std::size_t K)
{
    return per_column(pred, target, K, pearson);
}

std::vector<double> spearman_per_column(const std::vector<float>& pred, const std::vector<float>& target,
                                        std::size_t K)
{
    return per_column(pred, target, K, spearman);
}

}  // namespace helix::train
