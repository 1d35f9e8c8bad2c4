// core/data/simulate_profile.cpp: see simulate_profile.hpp.
#include "simulate_profile.hpp"

#include <cmath>

#include "../motifs/pfm_sites.hpp"
#include "../motifs/shipped_motifs.hpp"
#include "../rng.hpp"
#include "../tensor.hpp"

namespace helix::data {

namespace {

// A Poisson draw: Knuth's product of uniforms for small means, a rounded normal approximation above 30
// (the expected counts per position stay far below that in the presets).
int poisson(double mean, Rng& rng)
{
    if (mean <= 0) return 0;
    if (mean > 30) return std::max(0, static_cast<int>(std::lround(mean + std::sqrt(mean) * rng.normal())));
    const double limit = std::exp(-mean);
    int k = 0;
    for (double p = rng.uniform(); p > limit; p *= rng.uniform()) ++k;
    return k;
}

struct Site {
    std::size_t at;  // start in the input
    bool gata1;
};

// Adds a site's two peaks to the expected profile (output coordinates, [pos][strand]).
void add_footprint(std::vector<float>& expected, double centre, const ProfileMotifShape& shape, double scale)
{
    const std::size_t n = expected.size() / 2;
    const double total = shape.strength * scale / 2.0;  // per strand
    for (int strand = 0; strand < 2; ++strand) {
        const double peak = strand == 0 ? centre - shape.shift : centre + shape.shift;
        double norm = 0;
        for (std::size_t p = 0; p < n; ++p) norm += std::exp(-0.5 * std::pow((p - peak) / shape.width, 2));
        if (norm <= 0) continue;
        for (std::size_t p = 0; p < n; ++p)
            expected[2 * p + strand] +=
                static_cast<float>(total * std::exp(-0.5 * std::pow((p - peak) / shape.width, 2)) / norm);
    }
}

}  // namespace

std::vector<ProfileRow> simulate_profile(const ProfileOptions& o)
{
    HELIX_ASSERT(o.output_length <= o.input_length && (o.input_length - o.output_length) % 2 == 0);
    const motifs::SiteModel gata1(motifs::gata1_pfm(), o.gc), tal1(motifs::tal1_pfm(), o.gc);
    const std::size_t offset = (o.input_length - o.output_length) / 2;
    // Sites go where both their peaks (centre ± shift ± 2 widths) stay in the output window.
    const double reach = std::max(o.gata1.shift + 2 * o.gata1.width, o.tal1.shift + 2 * o.tal1.width);
    const std::size_t margin = static_cast<std::size_t>(std::ceil(reach));
    HELIX_ASSERT(o.output_length > 2 * margin + 3 * (gata1.width() + tal1.width()));
    Rng rng(o.seed);
    std::vector<ProfileRow> rows;
    rows.reserve(o.count);
    for (std::size_t i = 0; i < o.count; ++i) {
        ProfileRow r;
        r.sequence = motifs::background_without(o.input_length, o.gc, {&gata1, &tal1}, rng);
        const bool signal = rng.uniform() < o.signal_fraction;
        const int sites_n = signal ? 1 + static_cast<int>(rng.below(3)) : 0;
        // Plant inside the window's inner part: work on that slice, then copy it back.
        const std::size_t inner_begin = offset + margin, inner_length = o.output_length - 2 * margin;
        std::string inner = r.sequence.substr(inner_begin, inner_length);
        motifs::SiteSpans taken;
        std::vector<Site> sites;
        for (int k = 0; k < sites_n; ++k) {
            const bool is_gata = rng.below(2) == 0;
            (is_gata ? r.n_gata1 : r.n_tal1) += 1;
            sites.push_back(
                {inner_begin + motifs::plant_site(inner, is_gata ? gata1 : tal1, taken, rng), is_gata});
        }
        r.sequence.replace(inner_begin, inner_length, inner);
        r.expected.assign(2 * o.output_length, static_cast<float>(o.background));
        for (const Site& s : sites) {
            bool cooperative = false;
            for (const Site& t : sites)
                cooperative =
                    cooperative || (t.gata1 != s.gata1 && (s.at > t.at ? s.at - t.at : t.at - s.at) <= 30);
            const std::size_t width = s.gata1 ? gata1.width() : tal1.width();
            const double centre = static_cast<double>(s.at - offset) + (width - 1) / 2.0;
            add_footprint(r.expected, centre, s.gata1 ? o.gata1 : o.tal1, cooperative ? 1.5 : 1.0);
        }
        r.counts.resize(r.expected.size());
        for (std::size_t k = 0; k < r.expected.size(); ++k)
            r.counts[k] = static_cast<float>(poisson(r.expected[k], rng));
        rows.push_back(std::move(r));
    }
    return rows;
}

std::string to_table(const std::vector<ProfileRow>& rows)
{
    std::string out = "id\tsequence\tcounts_plus\tcounts_minus\n";
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const ProfileRow& r = rows[i];
        out += "region" + std::to_string(i + 1) + '\t' + r.sequence;
        for (int strand = 0; strand < 2; ++strand) {
            out += '\t';
            for (std::size_t p = 0; 2 * p + strand < r.counts.size(); ++p) {
                if (p > 0) out += ',';
                out += std::to_string(static_cast<int>(r.counts[2 * p + strand]));
            }
        }
        out += '\n';
    }
    return out;
}

}  // namespace helix::data
