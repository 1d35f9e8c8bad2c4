// tests/core/test_correlation.cpp: Pearson and Spearman against hand-computed cases, against direct formulas
// on random data (Spearman's ranks counted pair by pair, O(n^2), rather than sorted), per column, with
// missing targets, constant columns and NaN predictions (NaN, never a crash).
#include <doctest/doctest.h>

#include <cmath>
#include <vector>

#include "core/rng.hpp"
#include "core/train/correlation.hpp"

namespace test_correlation {

using namespace helix;
using namespace helix::train;

// rank_i = 1 + #{j: x_j < x_i} + #{j != i: x_j == x_i} / 2, the average rank of a tie group.
std::vector<double> ranks_by_counting(const std::vector<float>& x)
{
    std::vector<double> r(x.size());
    for (std::size_t i = 0; i < x.size(); ++i) {
        double below = 0.0, ties = 0.0;
        for (std::size_t j = 0; j < x.size(); ++j) below += x[j] < x[i], ties += j != i && x[j] == x[i];
        r[i] = 1.0 + below + ties / 2.0;
    }
    return r;
}

// The textbook one-pass formula (n sum xy - sum x sum y) / sqrt(...), in long double.
double pearson_textbook(const std::vector<double>& x, const std::vector<double>& y)
{
    long double n = x.size(), sx = 0, sy = 0, sxy = 0, sxx = 0, syy = 0;
    for (std::size_t i = 0; i < x.size(); ++i)
        sx += x[i], sy += y[i], sxy += (long double)x[i] * y[i], sxx += (long double)x[i] * x[i],
            syy += (long double)y[i] * y[i];
    return double((n * sxy - sx * sy) / std::sqrt((n * sxx - sx * sx) * (n * syy - sy * sy)));
}

TEST_CASE("pearson and spearman: hand cases")
{
    CHECK(pearson({1, 2, 3}, {2, 4, 6}) == doctest::Approx(1.0));
    CHECK(pearson({1, 2, 3}, {3, 2, 1}) == doctest::Approx(-1.0));
    CHECK(pearson({1, 2, 3, 4}, {1, 3, 2, 4}) == doctest::Approx(0.8));  // sxy 4, sxx syy 5
    CHECK(spearman({1, 2, 3, 4}, {1, 8, 27, 64}) == doctest::Approx(1.0));
    CHECK(pearson({1, 2, 3, 4}, {1, 8, 27, 64}) < 0.99);
    // ties averaged: ranks x (1, 2.5, 2.5, 4), y (1, 3, 2, 4): 4.5 / sqrt(4.5 * 5)
    CHECK(spearman({1, 2, 2, 3}, {1, 3, 2, 4}) == doctest::Approx(4.5 / std::sqrt(22.5)));
    CHECK(average_ranks({10, 20, 20, 5}) == std::vector<double>{2, 3.5, 3.5, 1});
}

TEST_CASE(
    "pearson and spearman: NaN for constant sides, fewer than 2 pairs, NaN predictions; NaN targets skipped")
{
    const float nan = std::nanf("");
    CHECK(std::isnan(pearson({1, 1, 1}, {1, 2, 3})));
    CHECK(std::isnan(pearson({1, 2, 3}, {5, 5, 5})));
    CHECK(std::isnan(spearman({1, 2, 3}, {5, 5, 5})));
    CHECK(std::isnan(pearson({1}, {2})));
    CHECK(std::isnan(pearson({}, {})));
    CHECK(std::isnan(pearson({1, nan, 3}, {1, 2, 3})));
    CHECK(pearson({1, 100, 2, 3}, {1, nan, 2, 3}) ==
          doctest::Approx(1.0));  // the pair with no target is skipped
    CHECK(std::isnan(pearson({1, 2}, {nan, nan})));
}

TEST_CASE("pearson and spearman on random data match the direct formulas; per column")
{
    Rng rng(100);
    const std::size_t n = 60, K = 3;
    std::vector<float> pred(n * K), target(n * K);
    for (std::size_t i = 0; i < n * K; ++i) {
        target[i] = std::round(rng.uniform(0.0f, 8.0f));  // many ties
        pred[i] = 0.5f * target[i] + rng.uniform(-2.0f, 2.0f);
    }
    for (std::size_t k = 0; k < K; ++k) target[5 * K + k] = std::nanf("");  // a missing label in each column
    for (std::size_t i = 0; i < n; ++i) target[i * K + 2] = 4.0f;           // column 2 constant
    const auto pc = pearson_per_column(pred, target, K), sc = spearman_per_column(pred, target, K);
    REQUIRE(pc.size() == K);
    for (std::size_t k = 0; k < 2; ++k) {
        std::vector<float> x, y;
        for (std::size_t i = 0; i < n; ++i)
            if (!std::isnan(target[i * K + k])) x.push_back(pred[i * K + k]), y.push_back(target[i * K + k]);
        CHECK(pc[k] ==
              doctest::Approx(pearson_textbook({x.begin(), x.end()}, {y.begin(), y.end()})).epsilon(1e-9));
        CHECK(sc[k] ==
              doctest::Approx(pearson_textbook(ranks_by_counting(x), ranks_by_counting(y))).epsilon(1e-9));
        CHECK(pc[k] > 0.3);
    }
    CHECK(std::isnan(pc[2]));
    CHECK(std::isnan(sc[2]));
}

}  // namespace test_correlation
