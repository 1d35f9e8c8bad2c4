// tests/core/test_profile_metrics.cpp: profile Pearson and Jensen-Shannon distance against hand-computed
// cases (identical profiles, disjoint supports, a worked mixture), two strands, and NaN where a profile has
// no reads; median_ignoring_nan.
#include <doctest/doctest.h>

#include <cmath>
#include <vector>

#include "core/train/profile_metrics.hpp"

namespace test_profile_metrics {

using namespace helix::train;

TEST_CASE("profile_pearson: 1 when the counts are proportional to the softmax; NaN without reads")
{
    const std::vector<float> logits{std::log(1.0f),
                                    std::log(2.0f),
                                    std::log(3.0f),
                                    std::log(4.0f),  // example 0
                                    0,
                                    0,
                                    0,
                                    0};  // example 1
    const std::vector<float> counts{1, 2, 3, 4, 0, 0, 0, 0};
    const auto r = profile_pearson(logits, counts, 4, 1);
    REQUIRE(r.size() == 2);
    CHECK(r[0] == doctest::Approx(1.0));
    CHECK(std::isnan(r[1]));
    // reversed counts: p = (.1 .2 .3 .4) against (4 3 2 1) is -1
    CHECK(profile_pearson({logits.begin(), logits.begin() + 4}, {4, 3, 2, 1}, 4, 1)[0] ==
          doctest::Approx(-1.0));
}

TEST_CASE("profile_jsd: 0 for the same profile, 1 for disjoint ones, a worked case, strands averaged")
{
    // L = 2, S = 1. p = softmax(0, -1e4) = (1, 0) against q = (0, 1): distance 1 (base 2).
    CHECK(profile_jsd({0, -1e4f}, {0, 5}, 2, 1)[0] == doctest::Approx(1.0));
    CHECK(profile_jsd({0, 0}, {3, 3}, 2, 1)[0] == doctest::Approx(0.0));
    // p = (.5, .5), q = (1, 0): m = (.75, .25); KL(p, m) = .5 log2(2/3) + .5, KL(q, m) = log2(4/3)
    const double js = 0.5 * (0.5 * std::log2(2.0 / 3.0) + 0.5) + 0.5 * std::log2(4.0 / 3.0);
    CHECK(profile_jsd({0, 0}, {7, 0}, 2, 1)[0] == doctest::Approx(std::sqrt(js)));
    // two strands, (L, S) row-major: strand 0 is the worked case, strand 1 identical (0): the mean
    CHECK(profile_jsd({0, 0, 0, 0}, {7, 2, 0, 2}, 2, 2)[0] == doctest::Approx(std::sqrt(js) / 2));
    // a strand without reads is left out; no reads at all is NaN
    CHECK(profile_jsd({0, 0, 0, 0}, {7, 0, 0, 0}, 2, 2)[0] == doctest::Approx(std::sqrt(js)));
    CHECK(std::isnan(profile_jsd({0, 0}, {0, 0}, 2, 1)[0]));
}

TEST_CASE("median_ignoring_nan")
{
    const double nan = std::nan("");
    CHECK(median_ignoring_nan({3, nan, 1, 2}) == 2.0);
    CHECK(median_ignoring_nan({4, 1, nan, 2, 3}) == 2.5);
    CHECK(std::isnan(median_ignoring_nan({nan})));
    CHECK(std::isnan(median_ignoring_nan({})));
}

}  // namespace test_profile_metrics
