// core/motifs/meme.hpp: motifs in the MEME text format (version 4), read into the same Pfm as JASPAR's.
//   MEME version 4
//   ALPHABET= ACGT
//   strands: + -
//   Background letter frequencies
//   A 0.25 C 0.25 G 0.25 T 0.25
//   MOTIF MA0035.4 GATA1
//   letter-probability matrix: alength= 4 w= 11 nsites= 69267 E= 0
//   0.309 0.170 0.194 0.326
//   ...
// Only DNA (alength 4, letters A C G T in that order) is read; log-odds matrices and URL lines are skipped.
#pragma once

#include <string_view>
#include <vector>

#include "../data/input_error.hpp"
#include "jaspar.hpp"

namespace helix::motifs {

// Every letter-probability matrix in `text`, as a Pfm whose columns are the probabilities (each
// position's four values as written; probabilities() normalises them). The motif's id is the word
// after MOTIF, its name the rest of the line. Errors name line and column: a matrix before any MOTIF
// line, alength other than 4, an ALPHABET other than ACGT, a row without four non-negative numbers, a
// row summing to 0, fewer or more rows than the header's w=, a MOTIF without a matrix, an unknown line,
// a text with no motif.
data::Parsed<std::vector<Pfm>> parse_meme(std::string_view text);

}  // namespace helix::motifs
