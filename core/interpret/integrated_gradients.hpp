// core/interpret/integrated_gradients.hpp: integrated gradients (Sundararajan et al. 2017) per base:
// a_l = Σ_c (x_lc − b_lc) · ∫₀¹ ∂score/∂x_lc (b + α(x − b)) dα, the integral by the trapezoid rule over
// `steps` intervals (steps + 1 points, all in one batched forward and backward pass, cut into chunks for
// long sequences). Completeness: Σ_l a_l ≈ score(x) − score(b); `delta` reports the gap.
// Baselines: "uniform" (0.25 per channel) or "shuffled" (the sequence's bases shuffled, seeded; the
// attributions, baseline score and delta averaged over `shuffles` such baselines).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "target.hpp"

namespace helix::interpret {

struct IgOptions {
    bool shuffled = false;  // false: uniform baseline
    std::size_t steps = 50;
    std::size_t shuffles = 5;
    std::uint64_t seed = 1;
};

struct IntegratedGradients {
    float score = 0;
    std::size_t class_index = 0;
    float baseline_score = 0;
    std::vector<float> attributions;  // L
    float delta = 0;                  // Σ attributions − (score − baseline_score)
};

IntegratedGradients integrated_gradients(Scorer& scorer, const std::string& seq, std::size_t record,
                                         const IgOptions& options);

}  // namespace helix::interpret
