// core/data/simulate_spacing.hpp: a task only long-range interaction solves (the transformer-spacing
// preset). Every sequence carries one GATA1 site (JASPAR MA0035.4) and one TAL1 site (MA0091.1), each drawn
// from its matrix on a random strand, in either order, in background that holds no other site. The label
// is 1 when the distance between the two sites' starts lies in [band_min, band_max], 0 otherwise; the
// negatives are drawn, half each, either closer (from min_distance up to band_min - margin) or farther
// (from band_max + margin up to what the length allows). Both sites are there (except in the share
// one_site_fraction of the negatives, which lack one of them), always at least
// min_distance apart: more than the 12-base receptive field of the cnn-binding preset, so a detector
// of "is GATA1 there? is TAL1 there?" with global pooling cannot beat chance; a model must relate two
// positions far apart.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "sequence_set.hpp"

namespace helix::data {

struct SpacingOptions {
    std::size_t count = 2000;
    std::size_t length = 300;   // 200-500 in the preset; at least spacing_min_length(options)
    std::size_t band_min = 80;  // a positive's distance between the two sites' starts, in bases
    std::size_t band_max = 120;
    std::size_t margin = 15;        // negatives keep this far from the band on either side
    std::size_t min_distance = 30;  // no two sites closer than this (> a 12-base CNN filter plus a site)
    double gc = 0.42;               // G+C fraction of the background
    // Share of the negatives that carry one site only (GATA1 or TAL1, half each), the other's place left to
    // background: a composite element needs both factors. 0 (the default): every record has both, and only
    // the distance tells. Above 0, a model gets a first foothold (is each site there?) before it relates
    // the two: the transformer-spacing preset's data uses 0.5, and a detector with global pooling then
    // reaches about 0.75 AUROC, no further.
    double one_site_fraction = 0.0;
    std::uint64_t seed = 1;
};

// The shortest length with room for a far negative: the far range is at least as wide as the band.
std::size_t spacing_min_length(const SpacingOptions& options);

// Records "sim1".."simN", labels alternating 1, 0, 1, ... (half positive). Checks the options
// (HELIX_ASSERT): band_min >= min_distance + margin, band_max >= band_min, length >= spacing_min_length.
SequenceSet simulate_spacing(const SpacingOptions& options);

// Where the sites sit, for tests and the page's explanation: the start of each site and the distance.
struct SpacingSites {
    std::size_t gata1 = 0, tal1 = 0;
};
// The same draw as simulate_spacing, with the site starts of each record.
SequenceSet simulate_spacing(const SpacingOptions& options, std::vector<SpacingSites>& sites);

}  // namespace helix::data
