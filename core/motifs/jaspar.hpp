// core/motifs/jaspar.hpp: position frequency matrices (PFMs) in the JASPAR text format, with line numbers.
//   >MA0035.4	GATA1
//   A  [  22209  17328   3953 ... ]
//   C  [  12209  14489  62419 ... ]
//   G  [ ... ]
//   T  [ ... ]
// Used to plant motif instances in simulated data and, later, to compare learnt filters with known motifs.
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "../data/input_error.hpp"

namespace helix::motifs {

struct Pfm {
    std::string id;                              // "MA0035.4"
    std::string name;                            // "GATA1"; "" when the header gives none
    std::vector<std::array<double, 4>> columns;  // counts (or frequencies) of A, C, G, T per position
    int line = 0;                                // the header's line in the text

    std::size_t width() const { return columns.size(); }
};

// Reads every matrix in `text`: a header line `>ID` (then optional whitespace and a name), then four
// rows, one per base, each `X [ n n ... ]` (X one of A, C, G, T in any order and case; the brackets are
// optional; blank lines and lines starting with '#' are skipped). Errors name line and column: a row
// before any header, an unknown or repeated base letter, a count that is not a non-negative number, an
// unclosed bracket, rows of different widths, a matrix without all four rows (at its header), a position
// whose counts sum to 0, a text with no matrix.
data::Parsed<std::vector<Pfm>> parse_jaspar(std::string_view text);

// Per position, the probability of A, C, G, T: (count + pseudocount / 4) / (total + pseudocount).
std::vector<std::array<double, 4>> probabilities(const Pfm& pfm, double pseudocount = 0.0);

// The most frequent base at each position (ties go to the first of A, C, G, T).
std::string consensus(const Pfm& pfm);

}  // namespace helix::motifs
