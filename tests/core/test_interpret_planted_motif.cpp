// tests/core/test_interpret_planted_motif.cpp: on data with a planted motif, the window of the motif's
// width with the largest attribution overlaps the planted site in >= 90% of the true positives
// (held-out sequences of label 1 that the trained model calls positive), for saliency and IG.
#include <cmath>

#include "core/data/simulate.hpp"
#include "core/infer/evaluate.hpp"
#include "core/interpret/integrated_gradients.hpp"
#include "core/interpret/saliency.hpp"
#include "interpret_models.hpp"

using namespace helix;
using namespace helix::test;

namespace {

// Start of the window of width W with the largest attribution sum.
std::size_t top_window(const std::vector<float>& a, std::size_t W)
{
    std::size_t best = 0;
    double best_sum = -1e300;
    for (std::size_t w = 0; w + W <= a.size(); ++w) {
        double s = 0;
        for (std::size_t i = w; i < w + W; ++i) s += a[i];
        if (s > best_sum) best_sum = s, best = w;
    }
    return best;
}

// Whether [w, w + W) overlaps an occurrence of `motif` in `seq`.
bool overlaps_site(const std::string& seq, const std::string& motif, std::size_t w)
{
    for (std::size_t at = seq.find(motif); at != std::string::npos; at = seq.find(motif, at + 1))
        if (w < at + motif.size() && at < w + motif.size()) return true;
    return false;
}

std::vector<std::size_t> all_rows(std::size_t n)
{
    std::vector<std::size_t> v(n);
    for (std::size_t i = 0; i < n; ++i) v[i] = i;
    return v;
}

}  // namespace

TEST_CASE("interpret: the top attribution window overlaps the planted motif in >= 90% of true positives")
{
    const char* spec = R"({"name": "planted", "input": {"name": "dna", "length": null},
      "layers": [{"type": "conv1d", "name": "conv1", "filters": 16, "kernel_size": 8, "activation": "relu"},
                 {"type": "global_max_pool", "name": "pool"},
                 {"type": "dense", "name": "fc1", "units": 16, "activation": "relu"},
                 {"type": "dense", "name": "out", "units": 1}],
      "loss": "bce_with_logits", "optimizer": {"type": "adam", "learning_rate": 0.01},
      "training": {"epochs": 20, "batch_size": 64, "patience": 5, "seed": 1}})";
    const std::string motif = "AGATAA";
    data::PlantedMotifOptions o;
    o.count = 3000, o.length = 60, o.motif = motif, o.seed = 1;
    api::ModelSession session(spec, "spec");
    REQUIRE(session.ok());
    const auto summary = train_session(session, data::to_table(data::simulate_planted_motif(o)));
    INFO(summary["test"].dump());
    REQUIRE(summary["test"]["accuracy"].get<double>() > 0.9);

    o.count = 400, o.seed = 2;  // held out: another seed
    const data::SequenceSet held = data::simulate_planted_motif(o);
    nn::Model& model = *session.model();
    const auto p = infer::predict_probabilities(model, held.sequences, all_rows(held.size()), 64);
    infer::Examples ex = infer::sequence_examples(held.sequences);
    interpret::Scorer scorer(model, ex, {});
    interpret::IgOptions ig;  // uniform baseline, 50 steps
    std::size_t positives = 0, saliency_hits = 0, ig_hits = 0;
    for (std::size_t i = 0; i < held.size(); ++i) {
        if (held.labels[i] != 1.0f || p[i] <= 0.5f) continue;
        ++positives;
        const std::string& s = held.sequences[i];
        saliency_hits +=
            overlaps_site(s, motif, top_window(interpret::saliency(scorer, s, i).attributions, motif.size()));
        ig_hits += overlaps_site(
            s, motif,
            top_window(interpret::integrated_gradients(scorer, s, i, ig).attributions, motif.size()));
    }
    REQUIRE(positives > 150);
    const double saliency_rate = double(saliency_hits) / positives, ig_rate = double(ig_hits) / positives;
    MESSAGE("planted-motif overlap over ", positives, " true positives: saliency ", saliency_rate,
            ", IG (50 steps) ", ig_rate);
    CHECK(saliency_rate >= 0.9);
    CHECK(ig_rate >= 0.9);
}
