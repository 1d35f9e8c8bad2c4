// core/data/simulate_activity.hpp: enhancer activity measured twice, for regression (the
// regression-activity preset, shaped like DeepSTARR: two targets, "dev" and "hk", from one sequence).
//
// Each sequence gets 0-3 GATA1 sites (JASPAR MA0035.4) and 0-3 TAL1 sites (MA0091.1), each drawn from its
// matrix on a random strand at a free place, in background holding no other site. The true activity of
// each target is a sum of motif counts, a pair term and a position term, in log2 units:
//   dev = 0.9 n_gata1 + 0.4 n_tal1 + 1.2 [a GATA1 and a TAL1 site within pair_distance bases]
//   hk  = 1.0 n_tal1 - 0.3 n_gata1 + 0.5 [a TAL1 site in the central third]
// Each replicate adds independent Gaussian noise (sd noise_sd) to the true activity. The table's target
// columns are replicate 1; the *_rep2 columns hold replicate 2, so the noise ceiling (the Pearson r of the
// two replicates) can be read from the data itself.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace helix::data {

struct ActivityOptions {
    std::size_t count = 4000;
    std::size_t length = 249;  // DeepSTARR's length; at least activity_min_length()
    std::size_t pair_distance = 25;
    double noise_sd = 0.5;
    double gc = 0.42;
    std::uint64_t seed = 1;
};

struct ActivityRow {
    std::string sequence;
    double dev_true = 0, hk_true = 0;  // without noise
    double dev = 0, hk = 0;            // replicate 1
    double dev_rep2 = 0, hk_rep2 = 0;  // replicate 2
    int n_gata1 = 0, n_tal1 = 0;
};

std::vector<ActivityRow> simulate_activity(const ActivityOptions& options);

// Room for the six sites: 3 * (11 + 12) bases and free space between them.
std::size_t activity_min_length();

// TSV with the header id, sequence, dev, hk, dev_rep2, hk_rep2 (numbers with 4 decimals).
std::string to_table(const std::vector<ActivityRow>& rows);

}  // namespace helix::data
