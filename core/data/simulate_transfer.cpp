// core/data/simulate_transfer.cpp: see simulate_transfer.hpp.
#include "simulate_transfer.hpp"

#include "../motifs/pfm_sites.hpp"
#include "../motifs/shipped_motifs.hpp"
#include "../tensor.hpp"
#include "simulate_multitask.hpp"

namespace helix::data {

namespace {

// Background free of both motifs with the chosen sites planted apart (length >= multitask_min_length()
// leaves room).
std::string planted(const TransferOptions& o, bool with_gata1, bool with_tal1, Rng& rng)
{
    const motifs::SiteModel gata1(motifs::gata1_pfm(), o.gc), tal1(motifs::tal1_pfm(), o.gc);
    std::string s = motifs::background_without(o.length, o.gc, {&gata1, &tal1}, rng);
    std::vector<const motifs::SiteModel*> sites;
    if (with_gata1) sites.push_back(&gata1);
    if (with_tal1) sites.push_back(&tal1);
    motifs::plant_sites(s, sites, rng);
    return s;
}

void add(SequenceSet& set, std::string sequence, bool label)
{
    const std::size_t i = set.size();
    set.ids.push_back("seq" + std::to_string(i + 1));
    set.sequences.push_back(std::move(sequence));
    set.lines.push_back(static_cast<int>(i) + 2);  // as in to_table(): row i is on line i + 2
    set.labels.push_back(label ? 1.0f : 0.0f);
}

}  // namespace

SequenceSet simulate_transfer_pretrain(const TransferOptions& o)
{
    HELIX_ASSERT(o.length >= multitask_min_length());
    Rng rng(o.seed);
    SequenceSet set;
    set.label_column = "label";
    for (std::size_t i = 0; i < o.count; ++i) {
        const bool gata1 = rng.below(2) == 1;
        add(set, planted(o, gata1, false, rng), gata1);
    }
    return set;
}

SequenceSet simulate_transfer_finetune(const TransferOptions& o)
{
    HELIX_ASSERT(o.length >= multitask_min_length());
    Rng rng(o.seed);
    SequenceSet set;
    set.label_column = "label";
    for (std::size_t i = 0; i < o.count; ++i) {
        // Of 8: 4 both (label 1), 2 GATA1 alone, 1 TAL1 alone, 1 neither.
        const std::size_t kind = rng.below(8);
        const bool gata1 = kind < 6, tal1 = kind < 4 || kind == 6;
        add(set, planted(o, gata1, tal1, rng), gata1 && tal1);
    }
    return set;
}

}  // namespace helix::data
