// tests/core/test_metrics.cpp: accuracy, AUROC and AUPRC against hand-computed (sklearn-defined) values.
#include <doctest/doctest.h>

#include <cmath>
#include <limits>
#include <vector>

#include "core/rng.hpp"
#include "core/train/metrics.hpp"

using helix::train::accuracy;
using helix::train::auprc;
using helix::train::auroc;
using helix::train::macro_auprc;
using helix::train::macro_auroc;
using helix::train::multiclass_accuracy;

namespace {
const float kMissing = std::numeric_limits<float>::quiet_NaN();

// The definition AUROC is computed as ranks from: P(positive scores above negative), ties counting 1/2.
double auroc_by_pairs(const std::vector<float>& p, const std::vector<float>& y)
{
    double wins = 0, pairs = 0;
    for (std::size_t i = 0; i < p.size(); ++i)
        for (std::size_t j = 0; j < p.size(); ++j)
            if (y[i] == 1 && y[j] == 0) {
                pairs += 1;
                wins += p[i] > p[j] ? 1.0 : p[i] == p[j] ? 0.5 : 0.0;
            }
    return wins / pairs;
}
}  // namespace

TEST_CASE("metrics: AUROC and AUPRC match sklearn's documented example")
{
    // sklearn docs: roc_auc_score -> 0.75, average_precision_score -> 0.8333 for this input.
    const std::vector<float> y = {0, 0, 1, 1}, p = {0.1f, 0.4f, 0.35f, 0.8f};
    CHECK(auroc(p, y) == doctest::Approx(0.75));
    CHECK(auprc(p, y) == doctest::Approx(5.0 / 6.0));
}

TEST_CASE("metrics: tied scores get average ranks (AUROC) and form one threshold (AUPRC)")
{
    // Pairs (pos, neg): 0.9 vs {0.9, 0.4, 0.1} = 0.5+1+1; 0.7 vs = 0+1+1; 0.4 vs = 0+0.5+1 -> 6 / 9.
    // Thresholds 0.9: R 1/3 P 1/2; 0.7: R 2/3 P 2/3; 0.4: R 1 P 3/5 -> AP = 1/6 + 2/9 + 1/5 = 53/90.
    const std::vector<float> y = {1, 0, 1, 1, 0, 0}, p = {0.9f, 0.9f, 0.7f, 0.4f, 0.4f, 0.1f};
    CHECK(auroc(p, y) == doctest::Approx(6.0 / 9.0));
    CHECK(auprc(p, y) == doctest::Approx(53.0 / 90.0));
    // All scores tied: a coin (AUROC 1/2), and one threshold whose precision is the positive rate.
    const std::vector<float> y2 = {0, 1, 1, 0}, same = {0.5f, 0.5f, 0.5f, 0.5f};
    CHECK(auroc(same, y2) == doctest::Approx(0.5));
    CHECK(auprc(same, y2) == doctest::Approx(0.5));
}

TEST_CASE("metrics: perfect and reversed rankings")
{
    const std::vector<float> y = {0, 0, 1, 1, 1}, p = {0.1f, 0.2f, 0.7f, 0.8f, 0.9f};
    CHECK(auroc(p, y) == doctest::Approx(1.0));
    CHECK(auprc(p, y) == doctest::Approx(1.0));
    const std::vector<float> reversed = {0.9f, 0.8f, 0.3f, 0.2f, 0.1f};
    CHECK(auroc(reversed, y) == doctest::Approx(0.0));
    // Positives found last, at ranks 3, 4, 5: AP = (1/3)(1/3) + (1/3)(2/4) + (1/3)(3/5).
    CHECK(auprc(reversed, y) == doctest::Approx((1.0 / 3 + 2.0 / 4 + 3.0 / 5) / 3.0));
}

TEST_CASE("metrics: AUROC from ranks equals the pairwise definition on seeded data with many ties")
{
    helix::Rng rng(/*seed=*/11);
    std::vector<float> p(300), y(300);
    for (std::size_t i = 0; i < p.size(); ++i) {
        y[i] = rng.uniform() < 0.3f ? 1.0f : 0.0f;
        p[i] = static_cast<float>(rng.below(10)) / 10.0f + 0.05f * y[i] * static_cast<float>(rng.below(3));
    }
    CHECK(auroc(p, y) == doctest::Approx(auroc_by_pairs(p, y)).epsilon(1e-12));
}

TEST_CASE("metrics: entries with a missing (NaN) label are skipped")
{
    const std::vector<float> y = {0, kMissing, 0, 1, kMissing, 1}, p = {0.1f, 0.99f, 0.4f, 0.35f, 0.0f, 0.8f};
    CHECK(auroc(p, y) == doctest::Approx(0.75));
    CHECK(auprc(p, y) == doctest::Approx(5.0 / 6.0));
    CHECK(accuracy(p, y) == doctest::Approx(0.75));
}

TEST_CASE("metrics: one class present gives NaN AUROC; no positives gives NaN AUPRC; all positive gives 1")
{
    const std::vector<float> p = {0.2f, 0.7f, 0.5f};
    CHECK(std::isnan(auroc(p, {1, 1, 1})));
    CHECK(std::isnan(auroc(p, {0, 0, 0})));
    CHECK(std::isnan(auprc(p, {0, 0, 0})));
    CHECK(auprc(p, {1, 1, 1}) == doctest::Approx(1.0));
    CHECK(std::isnan(auroc(p, {kMissing, kMissing, kMissing})));
    CHECK(std::isnan(accuracy(p, {kMissing, kMissing, kMissing})));
    CHECK(std::isnan(auroc({0.1f, kMissing}, {0, 1})));  // a diverged model's NaN cannot be ranked
}

TEST_CASE("metrics: accuracy counts prob > threshold as class 1")
{
    const std::vector<float> p = {0.2f, 0.6f, 0.5f, 0.9f}, y = {0, 1, 1, 0};
    CHECK(accuracy(p, y) == doctest::Approx(0.5));  // predicts 0, 1, 0, 1
    CHECK(accuracy(p, y, /*threshold=*/0.4f) == doctest::Approx(0.75));
}

// Three classes, four rows of probabilities (row-major). By hand: predicted classes 0, 1, 2, 1, so accuracy
// 3/4. One-vs-rest: class 0 ranks both its rows first (AUROC 1, AP 1); class 1's row ties row 3 at 0.5 above
// two negatives (AUROC 2.5/3, AP 1/2: one threshold holding 1 positive of 2); class 2 is ranked first (1, 1).
TEST_CASE("metrics: K classes: accuracy of the most probable class, one-vs-rest macro AUROC and AUPRC")
{
    const std::vector<float> p = {0.7f, 0.2f, 0.1f,   //
                                  0.2f, 0.5f, 0.3f,   //
                                  0.3f, 0.3f, 0.4f,   //
                                  0.4f, 0.5f, 0.1f};  //
    const std::vector<float> y = {0, 1, 2, 0};
    CHECK(multiclass_accuracy(p, y, 3) == doctest::Approx(0.75));
    CHECK(macro_auroc(p, y, 3) == doctest::Approx((1.0 + 2.5 / 3.0 + 1.0) / 3.0));
    CHECK(macro_auprc(p, y, 3) == doctest::Approx((1.0 + 0.5 + 1.0) / 3.0));
    // Each class's AUROC is the binary one of its column, so the macro mean matches the pairwise definition.
    double by_pairs = 0;
    for (std::size_t k = 0; k < 3; ++k) {
        std::vector<float> col, is_k;
        for (std::size_t i = 0; i < y.size(); ++i) {
            col.push_back(p[i * 3 + k]);
            is_k.push_back(y[i] == static_cast<float>(k) ? 1.0f : 0.0f);
        }
        by_pairs += auroc_by_pairs(col, is_k) / 3.0;
    }
    CHECK(macro_auroc(p, y, 3) == doctest::Approx(by_pairs).epsilon(1e-12));
}

TEST_CASE("metrics: K classes: missing labels are skipped, an absent class leaves the macro mean")
{
    const std::vector<float> p = {0.7f, 0.2f, 0.1f, 0.2f, 0.5f, 0.3f, 0.6f, 0.3f, 0.1f, 0.1f, 0.1f, 0.8f};
    const std::vector<float> y = {0, 1, kMissing, 1};  // class 2 absent among the labelled rows
    CHECK(multiclass_accuracy(p, y, 3) == doctest::Approx(2.0 / 3.0));  // row 3 predicts 2, not 1
    // Class 0: its row (0.7) above 0.2 and 0.1 -> 1. Class 1: rows 0.5 and 0.1 vs 0.2 -> 1/2. Class 2: no
    // positive.
    CHECK(macro_auroc(p, y, 3) == doctest::Approx((1.0 + 0.5) / 2.0));
    CHECK(std::isnan(macro_auroc(p, {kMissing, kMissing, kMissing, kMissing}, 3)));
    CHECK(std::isnan(multiclass_accuracy(p, {kMissing, kMissing, kMissing, kMissing}, 3)));
    CHECK(multiclass_accuracy({0.4f, 0.4f, 0.2f}, {0}, 3) ==
          doctest::Approx(1.0));  // a tie goes to the first
}
