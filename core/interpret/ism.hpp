// core/interpret/ism.hpp: in-silico mutagenesis: the score change of every single-base substitution,
// a 4 × L map (0 at the reference base). The reference and all 3L mutants (4 at an N) go through the
// model as batches of a few hundred rows; the class explained is fixed from the reference.
#pragma once

#include <array>
#include <string>
#include <vector>

#include "target.hpp"

namespace helix::interpret {

struct Mutagenesis {
    float score = 0;
    std::size_t class_index = 0;
    std::vector<std::array<float, 4>> changes;  // L × (A, C, G, T): score(mutant) − score(reference)
    std::vector<float> attributions;            // L: the mean change over the substitutions at l
};

Mutagenesis in_silico_mutagenesis(Scorer& scorer, const std::string& seq, std::size_t record);

}  // namespace helix::interpret
