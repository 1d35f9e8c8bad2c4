// tests/core/test_lm_masking.cpp: BERT-style masking of DNA for language-model pretraining: 15% of the
// A/C/G/T positions selected, 80/10/10 shown as [MASK] / a random base / unchanged, targets only at the
// selected positions, N never selected, reproducible by seed.
#include <doctest/doctest.h>

#include <cmath>

#include "core/data/lm_masking.hpp"

using namespace helix;
using namespace helix::data;

namespace test_lm_masking {

TEST_CASE("mask_for_pretraining: rates, what the input shows, targets only where selected")
{
    std::vector<std::string> seqs;
    Rng draw(4);
    for (int i = 0; i < 200; ++i) {
        std::string s(100, 'A');
        for (char& c : s) c = "ACGT"[draw.below(4)];
        s[50] = 'N';
        seqs.push_back(s);
    }
    Rng rng(1);
    MaskedExamples ex;
    mask_for_pretraining(seqs, 100, MaskingOptions{}, rng, ex);
    REQUIRE(ex.input.size() == 200 * 100 * 5);
    REQUIRE(ex.targets.size() == 200 * 100);
    std::size_t selected = 0, masked = 0, changed = 0, same = 0;
    for (std::size_t i = 0; i < 200; ++i)
        for (std::size_t l = 0; l < 100; ++l) {
            const float* row = &ex.input[(i * 100 + l) * 5];
            const float t = ex.targets[i * 100 + l];
            const int truth = std::string("ACGT").find(seqs[i][l]);
            if (l == 50) {
                CHECK(std::isnan(t));  // N is never a target
                CHECK(row[0] == 0.25f);
                continue;
            }
            if (std::isnan(t)) {  // not selected: the plain one-hot
                CHECK(row[truth] == 1.0f);
                CHECK(row[4] == 0.0f);
                continue;
            }
            ++selected;
            CHECK(t == static_cast<float>(truth));
            if (row[4] == 1.0f) {
                ++masked;
                CHECK(row[0] + row[1] + row[2] + row[3] == 0.0f);
            } else if (row[truth] == 1.0f) {
                ++same;
            } else {
                ++changed;
            }
        }
    CHECK(selected == ex.selected);
    // 19800 candidate positions at 15%: 2970 expected (sd about 50)
    CHECK(selected > 2800);
    CHECK(selected < 3150);
    CHECK(masked / double(selected) == doctest::Approx(0.8).epsilon(0.05));
    // a random base equal to the truth counts as unchanged: 0.1 * 3/4 changed, 0.1 + 0.1 / 4 the same
    CHECK(changed / double(selected) == doctest::Approx(0.075).epsilon(0.3));
    CHECK(same / double(selected) == doctest::Approx(0.125).epsilon(0.3));

    Rng again(1);
    MaskedExamples ex2;
    mask_for_pretraining(seqs, 100, MaskingOptions{}, again, ex2);
    CHECK(ex2.input == ex.input);
    CHECK(lm_input({"ACGTN"}, 5) == std::vector<float>{1, 0, 0, 0, 0, 0, 1, 0,     0,     0,     0,     0, 1,
                                                       0, 0, 0, 0, 0, 1, 0, 0.25f, 0.25f, 0.25f, 0.25f, 0});
}

}  // namespace test_lm_masking
