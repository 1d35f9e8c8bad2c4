// core/motifs/motif_enrichment.cpp: see motif_enrichment.hpp.
#include "motif_enrichment.hpp"

#include <algorithm>
#include <cmath>

#include "../rng.hpp"

namespace helix::motifs {

std::size_t count_occurrences(const std::string& s, const std::string& motif)
{
    if (motif.empty()) return 0;
    std::size_t n = 0;
    for (auto at = s.find(motif); at != std::string::npos; at = s.find(motif, at + 1)) ++n;
    return n;
}

MotifEnrichment motif_enrichment(const std::vector<std::string>& sequences, const std::string& motif,
                                 bool both_strands, std::size_t shuffles, std::uint64_t seed)
{
    const std::string rc = data::reverse_complement(motif);
    const bool second = both_strands && rc != motif;
    auto count = [&](const std::string& s) {
        return count_occurrences(s, motif) + (second ? count_occurrences(s, rc) : 0);
    };
    MotifEnrichment e;
    e.sequences = sequences.size();
    e.shuffles = shuffles;
    e.both_strands = both_strands;
    for (const auto& s : sequences) {
        const std::size_t n = count(s);
        e.observed += n;
        e.with_motif += n > 0;
    }
    Rng rng(seed);
    std::size_t total = 0;
    for (std::size_t round = 0; round < shuffles; ++round) {
        for (const auto& s : sequences) {
            std::string t = s;
            for (std::size_t i = t.size(); i > 1; --i) std::swap(t[i - 1], t[rng.below(i)]);  // Fisher-Yates
            total += count(t);
        }
    }
    e.shuffled = shuffles ? static_cast<double>(total) / static_cast<double>(shuffles) : 0.0;
    e.ratio = e.shuffled > 0.0 ? static_cast<double>(e.observed) / e.shuffled : std::nan("");
    return e;
}

nlohmann::json enrichment_json(const MotifEnrichment& e, const std::string& motif)
{
    return {{"motif", motif},
            {"sequences", e.sequences},
            {"observed", e.observed},
            {"withMotif", e.with_motif},
            {"shuffled", e.shuffled},
            {"shuffles", e.shuffles},
            {"ratio", std::isnan(e.ratio) ? nlohmann::json() : nlohmann::json(e.ratio)},
            {"strands", e.both_strands ? "both" : "forward"}};
}

}  // namespace helix::motifs
