// core/motifs/motif_file.hpp: a motif database pasted or loaded by a user, in either format Helix reads:
// JASPAR (core/motifs/jaspar.hpp, matrices of counts after '>ID name' lines) or MEME (core/motifs/meme.hpp,
// letter-probability matrices after 'MOTIF id name' lines).
#pragma once

#include <string_view>
#include <vector>

#include "../data/input_error.hpp"
#include "jaspar.hpp"

namespace helix::motifs {

// MEME when a line starting with "MEME" or "MOTIF" comes before any line starting with '>', JASPAR
// otherwise (also for a text with neither); then that format's parser and its errors.
data::Parsed<std::vector<Pfm>> parse_motif_file(std::string_view text);

// "meme" or "jaspar": the format parse_motif_file reads `text` as.
const char* motif_file_format(std::string_view text);

}  // namespace helix::motifs
