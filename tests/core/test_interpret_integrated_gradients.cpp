// tests/core/test_interpret_integrated_gradients.cpp: completeness (Σ attributions = score − baseline
// score) within 1%, with both baselines.
#include <cmath>

#include "core/interpret/integrated_gradients.hpp"
#include "interpret_models.hpp"

using namespace helix;
using namespace helix::test;

namespace {

void check_completeness(nn::Model& model, const std::string& seq, const interpret::IgOptions& options,
                        bool probability)
{
    infer::Examples ex = infer::sequence_examples({seq});
    interpret::Target target;
    target.probability = probability;
    interpret::Scorer scorer(model, ex, target);
    const interpret::IntegratedGradients g = interpret::integrated_gradients(scorer, seq, 0, options);
    double total = 0;
    for (float a : g.attributions) total += a;
    const double change = static_cast<double>(g.score) - g.baseline_score;
    INFO("score ", g.score, " baseline ", g.baseline_score, " sum ", total, " steps ", options.steps);
    MESSAGE("IG completeness (", std::string(options.shuffled ? "shuffled" : "uniform"), " baseline, ",
            options.steps,
            " steps): |delta| / |score - baseline| = ", std::fabs(total - change) / std::fabs(change));
    REQUIRE(std::fabs(change) > 0.05);  // a real change to explain
    CHECK(std::fabs(total - change) <= 0.01 * std::fabs(change));
    CHECK(g.delta == doctest::Approx(total - change).epsilon(1e-3).scale(1.0));
    // The uniform baseline's score is the score of an all-0.25 input.
    if (!options.shuffled) {
        Tensor b = xt::full_like(interpret::one_hot_sequence(seq), 0.25f);
        b.reshape({std::size_t{1}, seq.size(), std::size_t{4}});
        CHECK(g.baseline_score == doctest::Approx(scorer.scores(b, 0, 0)[0]).epsilon(1e-5));
    }
}

}  // namespace

TEST_CASE("interpret ig: attributions sum to score minus baseline score within 1% (200 steps, ReLU CNN)")
{
    api::ModelSession session(kSmallCnn, "spec");
    Rng rng(12);
    // A trained model, so the score moves well away from the baseline's.
    std::string table = "sequence\tlabel\n";
    for (int i = 0; i < 400; ++i) {
        std::string s = random_dna(40, rng);
        const bool y = i % 2 == 0;
        if (y) s.replace(rng.below(34), 6, "GATAAG");
        table += s + "\t" + (y ? "1" : "0") + "\n";
    }
    train_session(session, table);
    std::string seq = random_dna(40, rng);
    seq.replace(10, 6, "GATAAG");
    interpret::IgOptions uniform;
    uniform.steps = 200;
    check_completeness(*session.model(), seq, uniform, false);
    check_completeness(*session.model(), seq, uniform, true);
    interpret::IgOptions shuffled = uniform;
    shuffled.shuffled = true;
    shuffled.shuffles = 3;
    check_completeness(*session.model(), seq, shuffled, false);
}
