// tests/core/test_interpret_ism.cpp: in-silico mutagenesis against re-predicting every mutant one by one.
#include <cmath>

#include "core/infer/evaluate.hpp"
#include "core/interpret/ism.hpp"
#include "interpret_models.hpp"

using namespace helix;
using namespace helix::test;

namespace {

// Each mutant's score from its own forward pass (one sequence per batch).
void check_against_brute_force(nn::Model& model, const interpret::Target& target, const std::string& seq)
{
    infer::Examples ex = infer::sequence_examples({seq});
    interpret::Scorer scorer(model, ex, target);
    const interpret::Mutagenesis m = interpret::in_silico_mutagenesis(scorer, seq, 0);
    REQUIRE(m.changes.size() == seq.size());
    const char bases[] = "ACGT";
    std::size_t compared = 0;
    for (std::size_t l = 0; l < seq.size(); ++l) {
        float mean = 0;
        for (std::size_t c = 0; c < 4; ++c) {
            if (seq[l] == bases[c]) {
                CHECK(m.changes[l][c] == 0.0f);
                continue;
            }
            std::string mutant = seq;
            mutant[l] = bases[c];
            Tensor x = interpret::one_hot_sequence(mutant);
            x.reshape({std::size_t{1}, seq.size(), std::size_t{4}});
            const float alone = scorer.scores(x, 0, m.class_index)[0];
            INFO("position ", l, " base ", bases[c]);
            CHECK(std::fabs(m.changes[l][c] - (alone - m.score)) <= 1e-5f);
            mean += m.changes[l][c] / 3.0f;
            ++compared;
        }
        CHECK(std::fabs(m.attributions[l] - mean) <= 1e-6f);
    }
    CHECK(compared == 3 * seq.size());
}

}  // namespace

TEST_CASE("interpret ism: every one of the 3L mutants equals its own re-prediction (logit and probability)")
{
    api::ModelSession session(kSmallCnn, "spec");
    REQUIRE(session.ok());
    Rng rng(4);
    const std::string seq = random_dna(80, rng);
    check_against_brute_force(*session.model(), {}, seq);
    interpret::Target probability;
    probability.probability = true;
    check_against_brute_force(*session.model(), probability, seq);
}

TEST_CASE("interpret ism: a long sequence is cut into several batches and still matches (L = 700)")
{
    api::ModelSession session(kSmallCnn, "spec");
    Rng rng(9);
    const std::string seq = random_dna(700, rng);  // 2100 mutants: more than one chunk
    REQUIRE(3 * seq.size() > interpret::rows_per_chunk(seq.size()));
    check_against_brute_force(*session.model(), {}, seq);
}

TEST_CASE("interpret ism: the reference score is the model's prediction")
{
    api::ModelSession session(kSmallCnn, "spec");
    Rng rng(6);
    const std::string seq = random_dna(40, rng);
    infer::Examples ex = infer::sequence_examples({seq});
    interpret::Target probability;
    probability.probability = true;
    interpret::Scorer scorer(*session.model(), ex, probability);
    const float score = interpret::in_silico_mutagenesis(scorer, seq, 0).score;
    const auto predicted = infer::predict_probabilities(*session.model(), {seq}, {0}, 1);
    CHECK(score == doctest::Approx(predicted[0]).epsilon(1e-6));
}

TEST_CASE("interpret ism and saliency: a recurrent model (conv, pool, bidirectional LSTM) is explained too")
{
    api::ModelSession session(R"({"name": "rnn", "input": {"name": "dna", "length": null},
      "layers": [{"type": "conv1d", "name": "conv1", "filters": 4, "kernel_size": 4, "activation": "relu"},
                 {"type": "max_pool1d", "name": "pool1", "pool_size": 2, "stride": 2},
                 {"type": "lstm", "name": "rnn", "units": 4, "bidirectional": true},
                 {"type": "dense", "name": "out", "units": 1}]})",
                              "spec");
    REQUIRE_MESSAGE(session.ok(), session.errors_json());
    Rng rng(10);
    check_against_brute_force(*session.model(), {}, random_dna(24, rng));
}
