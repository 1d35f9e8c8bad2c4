// core/motifs/pfm_sites.cpp: see pfm_sites.hpp.
#include "pfm_sites.hpp"

#include <cmath>
#include <limits>

#include "../tensor.hpp"

namespace helix::motifs {

namespace {

int base_of(char c)
{
    return c == 'A' ? 0 : c == 'C' ? 1 : c == 'G' ? 2 : c == 'T' ? 3 : -1;
}

}  // namespace

SiteModel::SiteModel(const Pfm& pfm, double gc)
    : frequencies_(probabilities(pfm)), log_odds_(probabilities(pfm, 1.0))
{
    const double background[4] = {(1 - gc) / 2, gc / 2, gc / 2, (1 - gc) / 2};
    double best = 0;
    for (auto& col : log_odds_) {
        double top = -std::numeric_limits<double>::infinity();
        for (int b = 0; b < 4; ++b) top = std::max(top, col[b] = std::log2(col[b] / background[b]));
        best += top;
    }
    HELIX_ASSERT(best > 0);
    floor_ = 0.6 * best;
}

double SiteModel::score(const std::string& s, std::size_t at) const
{
    double total = 0;
    for (std::size_t j = 0; j < width(); ++j) {
        const int b = base_of(s[at + j]);
        total += b < 0 ? 0.0 : log_odds_[j][b];
    }
    return total;
}

double SiteModel::best(const std::string& s) const
{
    double best = -std::numeric_limits<double>::infinity();
    for (const std::string& strand : {s, data::reverse_complement(s)})
        for (std::size_t at = 0; at + width() <= strand.size(); ++at)
            best = std::max(best, score(strand, at));
    return best;
}

std::string SiteModel::sample(Rng& rng) const
{
    std::string site(width(), 'A');
    do {
        for (std::size_t j = 0; j < width(); ++j) {
            const double u = rng.uniform();
            int b = 0;
            for (double acc = frequencies_[j][0]; b < 3 && u >= acc; acc += frequencies_[j][++b]) {
            }
            site[j] = "ACGT"[b];
        }
    } while (score(site, 0) < floor_);
    return rng.below(2) ? data::reverse_complement(site) : site;
}

std::string random_dna(std::size_t length, double gc, Rng& rng)
{
    std::string s(length, 'A');
    for (char& c : s) {
        const double u = rng.uniform();
        c = u < gc / 2 ? 'C' : u < gc ? 'G' : u < gc + (1 - gc) / 2 ? 'A' : 'T';
    }
    return s;
}

std::string background_without(std::size_t length, double gc, const std::vector<const SiteModel*>& motifs,
                               Rng& rng)
{
    for (;;) {
        std::string s = random_dna(length, gc, rng);
        bool clean = true;
        for (const SiteModel* m : motifs) clean = clean && m->best(s) < m->floor();
        if (clean) return s;
    }
}

void plant_sites(std::string& s, const std::vector<const SiteModel*>& motifs, Rng& rng)
{
    SiteSpans taken;
    for (const SiteModel* motif : motifs) plant_site(s, *motif, taken, rng);
}

std::size_t plant_site(std::string& s, const SiteModel& motif, SiteSpans& taken, Rng& rng)
{
    const std::size_t w = motif.width();
    HELIX_ASSERT(s.size() >= w);
    std::vector<std::size_t> free;
    for (std::size_t at = 0; at + w <= s.size(); ++at) {
        bool clear = true;
        for (auto [b, e] : taken) clear = clear && (at + w <= b || e <= at);
        if (clear) free.push_back(at);
    }
    HELIX_ASSERT(!free.empty());
    const std::size_t at = free[rng.below(free.size())];
    s.replace(at, w, motif.sample(rng));
    taken.emplace_back(at, at + w);
    return at;
}

}  // namespace helix::motifs
