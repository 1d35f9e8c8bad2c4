// tests/core/test_markov_baseline.cpp: the order-k Markov baseline of the DNA language model: counts by
// context, predictions from both sides of a masked base, masked neighbours left out, and the best order
// found on data drawn from a known chain.
#include <doctest/doctest.h>

#include <cmath>

#include "core/rng.hpp"
#include "core/train/markov_baseline.hpp"

using namespace helix;
using namespace helix::train;

namespace test_markov_baseline {

// Bases from an order-2 chain: the next base is (s[i-2] + s[i-1] + 1) mod 4 with probability 0.85, else
// uniform.
std::vector<std::string> order2_chain(std::size_t count, std::size_t length, std::uint64_t seed)
{
    Rng rng(seed);
    std::vector<std::string> out;
    for (std::size_t n = 0; n < count; ++n) {
        std::string s = "AC";
        auto index = [](char c) { return c == 'A' ? 0 : c == 'C' ? 1 : c == 'G' ? 2 : 3; };
        while (s.size() < length) {
            const int next = rng.uniform() < 0.85f ? (index(s[s.size() - 2]) + index(s.back()) + 1) % 4
                                                   : static_cast<int>(rng.below(4));
            s.push_back("ACGT"[next]);
        }
        out.push_back(s);
    }
    return out;
}

std::vector<std::vector<bool>> random_masks(const std::vector<std::string>& seqs, double rate,
                                            std::uint64_t seed)
{
    Rng rng(seed);
    std::vector<std::vector<bool>> masks;
    for (const auto& s : seqs) {
        std::vector<bool> m(s.size());
        for (std::size_t i = 0; i < s.size(); ++i) m[i] = rng.uniform() < rate;
        masks.push_back(m);
    }
    return masks;
}

TEST_CASE("MarkovModel: add-one probabilities from counts, unknown bases skipped")
{
    MarkovModel m(1);
    m.fit({"ACACAC", "ANA"});  // order 0: A x5 (the two around N count), C x3; order 1: A->C x3, C->A x2
    const std::string s = "AC";
    CHECK(std::exp(m.log_prob(s, 1, 1, 1)) == doctest::Approx((3.0 + 1) / (3 + 4)));  // P(C | A)
    CHECK(std::exp(m.log_prob(s, 1, 1, 0)) == doctest::Approx(1.0 / 7));              // P(A | A)
    CHECK(std::exp(m.log_prob(s, 0, 0, 0)) == doctest::Approx((5.0 + 1) / (8 + 4)));  // P(A)
}

TEST_CASE("MarkovModel: a masked base is predicted from both sides, masked neighbours left out")
{
    MarkovModel m(1);
    m.fit({std::string(400, 'A') + "ACGTACGTACGTACGTACGT"});  // mostly A->A, and A->C, C->G, G->T, T->A
    std::vector<bool> masked(5, false);
    masked[2] = true;
    // "AC?TA": left C says G, right T also needs G before it
    CHECK(m.predict_masked("ACxTA", masked, 2) == 2);
    // with C masked too, only the right side (T after the masked base) speaks: G
    masked[1] = true;
    CHECK(m.predict_masked("AxxTA", masked, 2) == 2);
    // nothing around it: the order-0 frequencies, where A dominates
    std::vector<bool> all(3, true);
    CHECK(m.predict_masked("xxx", all, 1) == 0);
}

TEST_CASE("markov_baseline: on an order-2 chain, order 2 or more wins and reaches the chain's accuracy")
{
    const auto train = order2_chain(200, 200, 1), test = order2_chain(50, 200, 2);
    const auto masks = random_masks(test, 0.15, 3);
    const MarkovBaseline b = markov_baseline(train, test, masks, 4);
    REQUIRE(b.accuracy_by_order.size() == 5);
    MESSAGE("accuracy by order 0..4: " << b.accuracy_by_order[0] << " " << b.accuracy_by_order[1] << " "
                                       << b.accuracy_by_order[2] << " " << b.accuracy_by_order[3] << " "
                                       << b.accuracy_by_order[4]);
    CHECK(b.best_order >= 2);
    CHECK(b.accuracy_by_order[0] < 0.35);  // close to 1/4: no order-0 structure to speak of
    CHECK(b.accuracy_by_order[2] > 0.8);   // 0.85 + 0.15/4 at best, less where neighbours are masked
    CHECK(b.best_accuracy == b.accuracy_by_order[b.best_order]);
}

}  // namespace test_markov_baseline
