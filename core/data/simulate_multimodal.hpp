// core/data/simulate_multimodal.hpp: binding that needs both a sequence and a measurement. A site is
// bound when its sequence carries a GATA1 motif (JASPAR MA0035.4, an instance drawn from the matrix)
// AND its chromatin is open; the table gives the sequence and a noisy `accessibility` signal (and a
// weakly informative `conservation` score), never the open/closed state itself. A sequence-only model
// cannot tell a motif in closed chromatin from one in open chromatin; a features-only model cannot see
// the motif; a model reading both can (see the figures in web/data/SOURCES.md).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace helix::data {

struct MultimodalOptions {
    std::size_t count = 3000;
    std::size_t length = 100;  // at least the motif's width, 11
    double gc = 0.42;          // G+C fraction of the background
    double p_motif = 0.6;      // chance a sequence carries the motif
    double p_open = 0.6;       // chance its chromatin is open, independently
    double noise = 0.03;       // fraction of labels flipped
    std::uint64_t seed = 1;
};

struct MultimodalRow {
    std::string sequence;
    double accessibility;  // open: N(1, 0.4); closed: N(0, 0.4) (a standardised log signal), 3 decimals
    double conservation;   // with the motif: N(0.55, 0.3); without: N(0.45, 0.3), 3 decimals
    bool motif;            // a GATA1 site was planted
    bool open;             // the chromatin is open
    bool label;            // motif && open, flipped for `noise` of the rows
};

std::vector<MultimodalRow> simulate_multimodal(const MultimodalOptions& options);

// TSV with the header id, sequence, accessibility, conservation, label.
std::string to_table(const std::vector<MultimodalRow>& rows);

}  // namespace helix::data
