// core/data/simulate_multitask.hpp: two transcription factors at once, for a model with one output per
// task. Each sequence independently carries a GATA1 site (JASPAR MA0035.4) with probability p_gata1 and a
// TAL1 site (MA0091.1 TAL1::TCF3) with probability p_tal1, so the labels overlap; each site is drawn
// position by position from the matrix's column frequencies, on a random strand, at a random place (the
// two never overlap) in random background. A fraction `missing` of the cells of each task is left empty,
// as when an assay did not cover a sequence: a multi-task loss must skip them.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace helix::data {

struct MultitaskOptions {
    std::size_t count = 4000;
    std::size_t length = 200;  // at least multitask_min_length()
    double gc = 0.42;          // G+C fraction of the background
    double p_gata1 = 0.4;
    double p_tal1 = 0.4;
    double missing = 0.15;  // fraction of each task's cells left empty
    std::uint64_t seed = 1;
};

struct MultitaskRow {
    std::string sequence;
    bool gata1;  // a GATA1 site was planted
    bool tal1;   // a TAL1 site was planted
    bool gata1_missing;
    bool tal1_missing;
};

std::vector<MultitaskRow> simulate_multitask(const MultitaskOptions& options);

// 35: room for the GATA1 site and, on one side of it wherever it falls, the TAL1 site.
std::size_t multitask_min_length();

// TSV with the header id, sequence, gata1, tal1: 0/1, or an empty cell for a missing label.
std::string to_table(const std::vector<MultitaskRow>& rows);

}  // namespace helix::data
