// core/data/simulate.hpp: seeded simulators of labelled DNA for tutorials and "it learns" tests, each
// written out as a table (id, sequence, label) that every loader, the page and the CLI already read.
#pragma once

#include <cstdint>
#include <string>

#include "sequence_set.hpp"

namespace helix::data {

// Motif order: every sequence carries motif A once and motif B once, at random places at least
// `min_gap` bases apart, in uniform random background; label 1 when A comes first. A model that only
// asks "is A there? is B there?" (a CNN with global pooling) cannot beat chance; one that reads order can.
struct MotifOrderOptions {
    std::size_t count = 2000;
    std::size_t length = 100;
    std::string motif_a = "AGATAA";  // GATA core (JASPAR MA0035 GATA1)
    std::string motif_b = "CAGCTG";  // E-box (the TAL1 half of MA0140 GATA1::TAL1)
    std::size_t min_gap = 20;
    std::uint64_t seed = 1;
};
SequenceSet simulate_motif_order(const MotifOrderOptions& options);

// Planted motif: label-1 sequences carry `motif` once at a random place, label-0 ones do not (the
// motif is also removed from their background by resampling); a share `motif_fraction` of label 1 (half
// by default, spread evenly through the set; 1 gives only carriers, as a GAN's training set).
struct PlantedMotifOptions {
    std::size_t count = 2000;
    std::size_t length = 50;
    std::string motif = "AGATAA";
    double motif_fraction = 0.5;
    std::uint64_t seed = 1;
};
SequenceSet simulate_planted_motif(const PlantedMotifOptions& options);

// The set as a TSV table with the header `id<TAB>sequence<TAB>label`.
std::string to_table(const SequenceSet& set);
// The set as FASTA, one line per sequence, headers ">id label=L" (the label is a description FASTA readers
// skip).
std::string to_fasta(const SequenceSet& set);

}  // namespace helix::data
