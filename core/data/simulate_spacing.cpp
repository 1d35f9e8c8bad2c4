// core/data/simulate_spacing.cpp: see simulate_spacing.hpp.
#include "simulate_spacing.hpp"

#include "../motifs/pfm_sites.hpp"
#include "../motifs/shipped_motifs.hpp"
#include "../rng.hpp"
#include "../tensor.hpp"

namespace helix::data {

namespace {

// A distance for a record of the given label: positives uniform in the band; negatives from the near
// range [min_distance, band_min - margin] or the far range [band_max + margin, far_max], each half the
// time, uniform within it (so "far apart" alone does not tell a negative).
std::size_t draw_distance(const SpacingOptions& o, std::size_t far_max, bool positive, Rng& rng)
{
    if (positive) return o.band_min + rng.below(o.band_max - o.band_min + 1);
    if (rng.below(2) == 0) return o.min_distance + rng.below(o.band_min - o.margin - o.min_distance + 1);
    const std::size_t far_lo = o.band_max + o.margin;
    return far_lo + rng.below(far_max - far_lo + 1);
}

}  // namespace

std::size_t spacing_min_length(const SpacingOptions& o)
{
    const std::size_t width = std::max(motifs::gata1_pfm().width(), motifs::tal1_pfm().width());
    // the farthest negative distance must reach band_max + margin + (band width), plus the second site
    return o.band_max + o.margin + (o.band_max - o.band_min) + width;
}

SequenceSet simulate_spacing(const SpacingOptions& o, std::vector<SpacingSites>& sites)
{
    HELIX_ASSERT(o.band_min >= o.min_distance + o.margin && o.band_max >= o.band_min);
    HELIX_ASSERT(o.length >= spacing_min_length(o));
    HELIX_ASSERT(o.one_site_fraction >= 0.0 && o.one_site_fraction <= 1.0);
    const motifs::SiteModel gata1(motifs::gata1_pfm(), o.gc), tal1(motifs::tal1_pfm(), o.gc);
    const std::size_t wg = gata1.width(), wt = tal1.width();
    // The second site starts `distance` after the first and must end inside the sequence.
    const std::size_t far_max = o.length - std::max(wg, wt);
    Rng rng(o.seed);
    SequenceSet set;
    set.label_column = "label";
    sites.clear();
    for (std::size_t i = 0; i < o.count; ++i) {
        const bool positive = i % 2 == 0;
        const bool gata_first = rng.below(2) == 0;
        const std::size_t distance = draw_distance(o, far_max, positive, rng);
        const std::size_t w_second = gata_first ? wt : wg;
        // first site at p, second at p + distance, ending by the sequence's end
        const std::size_t p = rng.below(o.length - w_second - distance + 1);
        std::string s = motifs::background_without(o.length, o.gc, {&gata1, &tal1}, rng);
        const std::size_t g_at = gata_first ? p : p + distance, t_at = gata_first ? p + distance : p;
        // One site only: drawn after the rest, so that with one_site_fraction 0 the records are as before.
        const bool one_site = !positive && o.one_site_fraction > 0 && rng.uniform() < o.one_site_fraction;
        const bool drop_gata = one_site && rng.below(2) == 0, drop_tal = one_site && !drop_gata;
        if (!drop_gata) s.replace(g_at, wg, gata1.sample(rng));
        if (!drop_tal) s.replace(t_at, wt, tal1.sample(rng));
        set.ids.push_back("sim" + std::to_string(i + 1));
        set.sequences.push_back(std::move(s));
        set.lines.push_back(static_cast<int>(i) + 2);  // as in to_table(): row i is on line i + 2
        set.labels.push_back(positive ? 1.0f : 0.0f);
        sites.push_back({g_at, t_at});
    }
    return set;
}

SequenceSet simulate_spacing(const SpacingOptions& o)
{
    std::vector<SpacingSites> sites;
    return simulate_spacing(o, sites);
}

}  // namespace helix::data
