// core/train/profile_metrics.hpp: how well a predicted base-resolution profile (BPNet's profile head) matches
// the observed read counts, one value per example.
// logits and counts are n examples of (L, S) row-major (size n * L * S, S strands, the layout of
// ops::multinomial_nll); the predicted profile of example b, strand s is p = softmax over L of
// logits[b, :, s], the observed one q = counts[b, :, s] / sum_l counts[b, :, s].
// Never throws: an undefined value is NaN (see each function), and the medians skip NaN.
#pragma once

#include <cstddef>
#include <vector>

namespace helix::train {

// Pearson correlation of p against the counts over the example's L * S entries (strands side by side, as
// bpnet-lite's flattened profiles). NaN when the counts are constant over the example (e.g. no reads).
std::vector<double> profile_pearson(const std::vector<float>& logits, const std::vector<float>& counts,
                                    std::size_t L, std::size_t S);

// Jensen-Shannon distance sqrt(JS(p, q)) with base-2 logarithms (in [0, 1]; scipy.spatial.distance.
// jensenshannon(p, q, base=2)) per strand, averaged over the example's strands that have reads. NaN when no
// strand has reads (q undefined).
std::vector<double> profile_jsd(const std::vector<float>& logits, const std::vector<float>& counts,
                                std::size_t L, std::size_t S);

// The median of the values that are not NaN; NaN when there is none.
double median_ignoring_nan(std::vector<double> v);

}  // namespace helix::train
