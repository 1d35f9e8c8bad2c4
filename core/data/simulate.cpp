// core/data/simulate.cpp: see simulate.hpp.
#include "simulate.hpp"

#include <cmath>

#include "../rng.hpp"
#include "../tensor.hpp"

namespace helix::data {

namespace {

// A random background that contains none of `motifs`: each base is drawn again while it would complete
// a motif. Terminates for up to 3 motifs, since at most 3 of the 4 bases can each complete one.
std::string clean_background(std::size_t length, const std::vector<std::string>& motifs, Rng& rng)
{
    HELIX_ASSERT(motifs.size() <= 3);
    static const char kBases[] = "ACGT";
    std::string s;
    s.reserve(length);
    while (s.size() < length) {
        s.push_back(kBases[rng.below(4)]);
        bool completes = false;
        for (const auto& m : motifs)
            completes =
                completes || (s.size() >= m.size() && s.compare(s.size() - m.size(), m.size(), m) == 0);
        if (completes) s.pop_back();
    }
    return s;
}

std::size_t occurrences(const std::string& s, const std::string& motif)
{
    std::size_t n = 0;
    for (auto at = s.find(motif); at != std::string::npos; at = s.find(motif, at + 1)) ++n;
    return n;
}

void add(SequenceSet& set, std::string sequence, float label)
{
    const std::size_t i = set.size();
    set.ids.push_back("sim" + std::to_string(i + 1));
    set.sequences.push_back(std::move(sequence));
    set.lines.push_back(static_cast<int>(i) + 2);  // as in to_table(): row i is on line i + 2
    set.labels.push_back(label);
}

}  // namespace

SequenceSet simulate_motif_order(const MotifOrderOptions& o)
{
    const std::size_t la = o.motif_a.size(), lb = o.motif_b.size();
    HELIX_ASSERT(o.length >= la + lb + o.min_gap);
    Rng rng(o.seed);
    SequenceSet set;
    set.label_column = "label";
    for (std::size_t i = 0; i < o.count; ++i) {
        const bool a_first = i % 2 == 0;
        std::string s;
        // Planting can make a new copy across a junction with the background: draw again until each
        // motif occurs exactly once.
        do {
            s = clean_background(o.length, {o.motif_a, o.motif_b}, rng);
            const std::string& first = a_first ? o.motif_a : o.motif_b;
            const std::string& second = a_first ? o.motif_b : o.motif_a;
            // first at p, second at q >= p + |first| + min_gap, both inside the sequence
            const std::size_t span = o.length - first.size() - o.min_gap - second.size();
            const std::size_t p = rng.below(span + 1);
            const std::size_t q = p + first.size() + o.min_gap + rng.below(span - p + 1);
            s.replace(p, first.size(), first);
            s.replace(q, second.size(), second);
        } while (occurrences(s, o.motif_a) != 1 || occurrences(s, o.motif_b) != 1);
        add(set, std::move(s), a_first ? 1.0f : 0.0f);
    }
    return set;
}

SequenceSet simulate_planted_motif(const PlantedMotifOptions& o)
{
    HELIX_ASSERT(o.length >= o.motif.size() && o.motif_fraction >= 0.0 && o.motif_fraction <= 1.0);
    Rng rng(o.seed);
    SequenceSet set;
    set.label_column = "label";
    for (std::size_t i = 0; i < o.count; ++i) {
        // Record i is a carrier when the running count of carriers, ceil(n * fraction), steps up at it:
        // every other record for 0.5 (the first one a carrier), every record for 1.
        const double f = o.motif_fraction;
        const bool positive =
            std::ceil(static_cast<double>(i + 1) * f) > std::ceil(static_cast<double>(i) * f);
        std::string s;
        do {
            s = clean_background(o.length, {o.motif}, rng);
            if (positive) s.replace(rng.below(o.length - o.motif.size() + 1), o.motif.size(), o.motif);
        } while (occurrences(s, o.motif) != (positive ? 1u : 0u));
        add(set, std::move(s), positive ? 1.0f : 0.0f);
    }
    return set;
}

std::string to_table(const SequenceSet& set)
{
    std::string out = "id\tsequence\tlabel\n";
    for (std::size_t i = 0; i < set.size(); ++i) {
        out += set.ids[i];
        out += '\t';
        out += set.sequences[i];
        out += '\t';
        out += set.labels.empty() ? "" : (set.labels[i] > 0.5f ? "1" : "0");
        out += '\n';
    }
    return out;
}

std::string to_fasta(const SequenceSet& set)
{
    std::string out;
    for (std::size_t i = 0; i < set.size(); ++i) {
        out += '>';
        out += set.ids[i];
        if (!set.labels.empty()) out += set.labels[i] > 0.5f ? " label=1" : " label=0";
        out += '\n';
        out += set.sequences[i];
        out += '\n';
    }
    return out;
}

}  // namespace helix::data
