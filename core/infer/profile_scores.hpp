// core/infer/profile_scores.hpp: how well a profile head (BPNet's, loss multinomial_nll) predicts the
// observed read profiles of the scored regions, and how well the simplest guess does: the average profile.
//   loss             the mean multinomial NLL per region, -sum c log p over positions and strands (what
//                    training minimises, without the log-factorial terms)
//   profile_pearson  the median over the regions with signal of the profile Pearson (train/profile_metrics)
//   jsd              the mean Jensen-Shannon distance over the regions with signal
//   baseline         the same two for predicting every region the average observed profile of the scored
//                    regions (each region's counts normalised per strand, then averaged): a model that has
//                    learnt nothing of the sequence
// A region has signal when it has at least kSignalReadsPerPosition reads per position and strand on average
// (40 reads in a 200-position window of two strands): background reads alone give too few reads for a
// profile to have a shape.
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <vector>

#include "../tensor.hpp"
#include "evaluate.hpp"

namespace helix::infer {

constexpr double kSignalReadsPerPosition = 0.1;

// prob: n regions × (L × S) predicted probabilities (each strand sums to 1 over L, channels-last);
// counts: the observed counts, same layout.
Scores score_profile_head(const Tensor& prob, const std::vector<float>& counts, std::size_t L, std::size_t S);

// Tracks of up to `limit` regions of `indices` with signal (evenly spaced through them), for the page's
// profile view: [{"record", "observed": [[L counts] per strand], "predicted": [[L probabilities] per strand],
// "pearson", "jsd", "observedCount", "predictedCount"}]. predictedCount is exp(z) - 1 of the model's first
// log1p_mse head (null without one). `prob` is predict_heads' result for `indices`.
nlohmann::json profile_tracks(const nn::Model& model, const Examples& ex, std::size_t h,
                              const std::vector<std::size_t>& indices, const std::vector<Tensor>& prob,
                              std::size_t limit = 12);

// Whether a region of `total` reads in L positions of S strands has signal.
bool has_signal(double total, std::size_t L, std::size_t S);

}  // namespace helix::infer
