// tests/core/test_split.cpp: the seeded, stratified train / validation / test split.
#include <doctest/doctest.h>

#include <algorithm>
#include <numeric>

#include "core/train/split.hpp"

using namespace helix;

TEST_CASE("split: parts are disjoint, cover everything, keep the class balance and depend only on the seed")
{
    std::vector<float> labels(1000);
    for (std::size_t i = 0; i < labels.size(); ++i) labels[i] = i % 4 == 0 ? 1.0f : 0.0f;  // 25% positives
    Rng r1(9), r2(9), r3(10);
    auto s = train::stratified_split(labels, 0.1f, 0.2f, r1);
    CHECK(s.validation.size() == 100);
    CHECK(s.test.size() == 200);
    std::vector<std::size_t> all = s.train;
    all.insert(all.end(), s.validation.begin(), s.validation.end());
    all.insert(all.end(), s.test.begin(), s.test.end());
    std::sort(all.begin(), all.end());
    std::vector<std::size_t> expect(1000);
    std::iota(expect.begin(), expect.end(), 0);
    CHECK(all == expect);
    auto positives = [&](const std::vector<std::size_t>& part) {
        return std::count_if(part.begin(), part.end(), [&](std::size_t i) { return labels[i] > 0.5f; });
    };
    CHECK(positives(s.test) == 50);
    CHECK(positives(s.validation) == 25);
    CHECK(train::stratified_split(labels, 0.1f, 0.2f, r2).test == s.test);
    CHECK(train::stratified_split(labels, 0.1f, 0.2f, r3).test != s.test);
}

TEST_CASE("split: a tiny class still reaches validation and test")
{
    std::vector<float> labels(50, 0.0f);
    labels[3] = labels[17] = labels[40] = 1.0f;
    Rng rng(1);
    auto s = train::stratified_split(labels, 0.1f, 0.1f, rng);
    auto has_positive = [&](const std::vector<std::size_t>& part) {
        return std::any_of(part.begin(), part.end(), [&](std::size_t i) { return labels[i] > 0.5f; });
    };
    CHECK(has_positive(s.train));
    CHECK(has_positive(s.validation));
    CHECK(has_positive(s.test));
}
