// core/data/simulate_activity.cpp: see simulate_activity.hpp.
#include "simulate_activity.hpp"

#include <cstdio>
#include <cstdlib>

#include "../motifs/pfm_sites.hpp"
#include "../motifs/shipped_motifs.hpp"
#include "../rng.hpp"
#include "../tensor.hpp"

namespace helix::data {

namespace {

struct Site {
    std::size_t at;
    bool gata1;
};

std::string number(double x)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.4f", x);
    return buf;
}

}  // namespace

std::size_t activity_min_length()
{
    return 3 * (motifs::gata1_pfm().width() + motifs::tal1_pfm().width()) * 2;
}

std::vector<ActivityRow> simulate_activity(const ActivityOptions& o)
{
    HELIX_ASSERT(o.length >= activity_min_length() && o.noise_sd >= 0);
    const motifs::SiteModel gata1(motifs::gata1_pfm(), o.gc), tal1(motifs::tal1_pfm(), o.gc);
    Rng rng(o.seed);
    std::vector<ActivityRow> rows;
    rows.reserve(o.count);
    for (std::size_t i = 0; i < o.count; ++i) {
        ActivityRow r;
        r.n_gata1 = static_cast<int>(rng.below(4));
        r.n_tal1 = static_cast<int>(rng.below(4));
        r.sequence = motifs::background_without(o.length, o.gc, {&gata1, &tal1}, rng);
        motifs::SiteSpans taken;
        std::vector<Site> sites;
        for (int k = 0; k < r.n_gata1 + r.n_tal1; ++k) {
            const bool is_gata = k < r.n_gata1;
            sites.push_back({motifs::plant_site(r.sequence, is_gata ? gata1 : tal1, taken, rng), is_gata});
        }
        bool pair = false, central_tal1 = false;
        for (const Site& a : sites) {
            if (!a.gata1 && a.at >= o.length / 3 && a.at < 2 * o.length / 3) central_tal1 = true;
            for (const Site& b : sites)
                if (a.gata1 && !b.gata1 &&
                    static_cast<std::size_t>(std::llabs(static_cast<long long>(a.at) -
                                                        static_cast<long long>(b.at))) <= o.pair_distance)
                    pair = true;
        }
        r.dev_true = 0.9 * r.n_gata1 + 0.4 * r.n_tal1 + (pair ? 1.2 : 0.0);
        r.hk_true = 1.0 * r.n_tal1 - 0.3 * r.n_gata1 + (central_tal1 ? 0.5 : 0.0);
        r.dev = r.dev_true + o.noise_sd * rng.normal();
        r.hk = r.hk_true + o.noise_sd * rng.normal();
        r.dev_rep2 = r.dev_true + o.noise_sd * rng.normal();
        r.hk_rep2 = r.hk_true + o.noise_sd * rng.normal();
        rows.push_back(std::move(r));
    }
    return rows;
}

std::string to_table(const std::vector<ActivityRow>& rows)
{
    std::string out = "id\tsequence\tdev\thk\tdev_rep2\thk_rep2\n";
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const ActivityRow& r = rows[i];
        out += "seq" + std::to_string(i + 1) + '\t' + r.sequence + '\t' + number(r.dev) + '\t' +
               number(r.hk) + '\t' + number(r.dev_rep2) + '\t' + number(r.hk_rep2) + '\n';
    }
    return out;
}

}  // namespace helix::data
