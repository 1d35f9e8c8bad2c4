// core/data/simulate_multimodal.cpp: see simulate_multimodal.hpp.
#include "simulate_multimodal.hpp"

#include "../motifs/pfm_sites.hpp"
#include "../motifs/shipped_motifs.hpp"
#include "../tensor.hpp"
#include "decimal_text.hpp"

namespace helix::data {

std::vector<MultimodalRow> simulate_multimodal(const MultimodalOptions& o)
{
    const motifs::SiteModel gata1(motifs::gata1_pfm(), o.gc);
    HELIX_ASSERT(o.length >= gata1.width());
    Rng rng(o.seed);
    std::vector<MultimodalRow> rows;
    rows.reserve(o.count);
    for (std::size_t i = 0; i < o.count; ++i) {
        MultimodalRow r;
        r.motif = rng.uniform() < o.p_motif;
        r.open = rng.uniform() < o.p_open;
        r.sequence = motifs::background_without(o.length, o.gc, {&gata1}, rng);
        if (r.motif) motifs::plant_sites(r.sequence, {&gata1}, rng);
        r.accessibility = round_to((r.open ? 1.0 : 0.0) + 0.4 * rng.normal(), 3);
        r.conservation = round_to((r.motif ? 0.55 : 0.45) + 0.3 * rng.normal(), 3);
        const bool bound = r.motif && r.open;
        r.label = rng.uniform() < o.noise ? !bound : bound;
        rows.push_back(std::move(r));
    }
    return rows;
}

std::string to_table(const std::vector<MultimodalRow>& rows)
{
    std::string out = "id\tsequence\taccessibility\tconservation\tlabel\n";
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const MultimodalRow& r = rows[i];
        out += "site" + std::to_string(i + 1) + '\t' + r.sequence + '\t' + fixed(r.accessibility, 3) + '\t' +
               fixed(r.conservation, 3) + '\t' + (r.label ? "1" : "0") + '\n';
    }
    return out;
}

}  // namespace helix::data
