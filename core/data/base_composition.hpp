// core/data/base_composition.hpp: the share of A, C, G and T at each position of equal-length sequences,
// as a sequence logo reads it. Ambiguity codes count fractionally, as in one_hot.hpp (N = 1/4 each).
#pragma once

#include <array>
#include <string>
#include <vector>

namespace helix::data {

// One {A, C, G, T} row per position, each summing to 1; empty when `sequences` is. All sequences must have
// the same length (a HELIX_ASSERT).
std::vector<std::array<double, 4>> base_composition(const std::vector<std::string>& sequences);

}  // namespace helix::data
