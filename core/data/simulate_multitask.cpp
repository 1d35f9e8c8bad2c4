// core/data/simulate_multitask.cpp: see simulate_multitask.hpp.
#include "simulate_multitask.hpp"

#include "../motifs/pfm_sites.hpp"
#include "../motifs/shipped_motifs.hpp"
#include "../tensor.hpp"

namespace helix::data {

std::vector<MultitaskRow> simulate_multitask(const MultitaskOptions& o)
{
    const motifs::SiteModel gata1(motifs::gata1_pfm(), o.gc), tal1(motifs::tal1_pfm(), o.gc);
    HELIX_ASSERT(o.length >= multitask_min_length());
    Rng rng(o.seed);
    std::vector<MultitaskRow> rows;
    rows.reserve(o.count);
    for (std::size_t i = 0; i < o.count; ++i) {
        MultitaskRow r;
        r.gata1 = rng.uniform() < o.p_gata1;
        r.tal1 = rng.uniform() < o.p_tal1;
        r.gata1_missing = rng.uniform() < o.missing;
        r.tal1_missing = rng.uniform() < o.missing;
        r.sequence = motifs::background_without(o.length, o.gc, {&gata1, &tal1}, rng);
        std::vector<const motifs::SiteModel*> sites;
        if (r.gata1) sites.push_back(&gata1);
        if (r.tal1) sites.push_back(&tal1);
        motifs::plant_sites(r.sequence, sites, rng);
        rows.push_back(std::move(r));
    }
    return rows;
}

std::size_t multitask_min_length()
{
    return motifs::gata1_pfm().width() + 2 * motifs::tal1_pfm().width();
}

std::string to_table(const std::vector<MultitaskRow>& rows)
{
    std::string out = "id\tsequence\tgata1\ttal1\n";
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const MultitaskRow& r = rows[i];
        out += "seq" + std::to_string(i + 1) + '\t' + r.sequence + '\t';
        out += r.gata1_missing ? "" : r.gata1 ? "1" : "0";
        out += '\t';
        out += r.tal1_missing ? "" : r.tal1 ? "1" : "0";
        out += '\n';
    }
    return out;
}

}  // namespace helix::data
