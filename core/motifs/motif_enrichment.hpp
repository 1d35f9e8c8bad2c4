// core/motifs/motif_enrichment.hpp: how much more often a motif occurs in sequences than in the same
// sequences shuffled, each keeping its own bases (so the same composition): the test that generated DNA
// learned the motif itself and not just the bases it is made of.
//   observed = exact occurrences (overlapping ones count) on the forward strand, summed over the sequences;
//   shuffled = the same count after shuffling every sequence's bases, averaged over `shuffles` rounds;
//   ratio    = observed / shuffled, NaN when shuffled is 0 (no shuffle ever made the motif).
// With both_strands, occurrences of the reverse complement count too (once where it equals the motif).
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "../data/alphabet.hpp"

namespace helix::motifs {

struct MotifEnrichment {
    std::size_t sequences = 0;
    std::size_t observed = 0;    // occurrences in the sequences as they are
    std::size_t with_motif = 0;  // sequences holding at least one
    double shuffled = 0.0;       // mean occurrences per shuffle round
    std::size_t shuffles = 0;
    double ratio = 0.0;
    bool both_strands = false;
};

// Exact occurrences of `motif` in `s`, overlapping ones included ("AAA" holds "AA" twice).
std::size_t count_occurrences(const std::string& s, const std::string& motif);

MotifEnrichment motif_enrichment(const std::vector<std::string>& sequences, const std::string& motif,
                                 bool both_strands = false, std::size_t shuffles = 10,
                                 std::uint64_t seed = 1);

// {"motif", "sequences", "observed", "withMotif", "shuffled", "shuffles", "ratio" (null when NaN),
//  "strands": "forward" | "both"}
nlohmann::json enrichment_json(const MotifEnrichment& e, const std::string& motif);

}  // namespace helix::motifs
