// core/data/simulate_splice_features.hpp: is an intron spliced? A table of intron features (no
// sequence) with a non-linear rule, after the splicing example of Eraslan et al. (2019, Nat Rev Genet
// 20:389, fig. 1): a single-layer (logistic) model cannot draw the rule, a small MLP can.
//
// The rule (simplified, simulated): spliced when the branch point lies 18-40 nt upstream of the
// acceptor AND the intron is at least 10^2.2 ~ 160 bp long AND the splice sites are strong enough
// (donor_score + acceptor_score >= 1.2); then `noise` of the labels are flipped. The first two feature
// columns carry the non-linear structure: in the plane (branch_point_distance, log10_intron_length)
// the spliced region is a vertical band cut off below, which a straight line cannot separate.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace helix::data {

struct SpliceFeatureOptions {
    std::size_t count = 2000;
    double noise = 0.03;  // fraction of labels flipped
    std::uint64_t seed = 1;
};

struct SpliceFeatureRow {
    double branch_point_distance;  // nt upstream of the acceptor site, an integer in [0, 80]; ~N(29, 9)
    double log10_intron_length;    // log10 of the length in bp, in [1.5, 5.5]; ~N(3, 0.75)
    double donor_score;            // 5' splice-site strength in [0, 1]; Beta(4, 2)
    double acceptor_score;         // 3' splice-site strength in [0, 1]; Beta(4, 2)
    double gc_content;             // intron G+C fraction; ~N(0.42, 0.06): plays no part in the rule
    bool spliced;                  // the rule's answer
    bool label;                    // the rule's answer, flipped for `noise` of the rows
};

std::vector<SpliceFeatureRow> simulate_splice_features(const SpliceFeatureOptions& options);

// TSV with the header id, branch_point_distance, log10_intron_length, donor_score, acceptor_score,
// gc_content, label (1 = spliced).
std::string to_table(const std::vector<SpliceFeatureRow>& rows);

}  // namespace helix::data
