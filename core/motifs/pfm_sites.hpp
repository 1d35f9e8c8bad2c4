// core/motifs/pfm_sites.hpp: motif sites drawn from a position frequency matrix, random DNA to plant
// them in, and the log-odds scan that finds them again.
//
// A matrix learnt from ChIP-seq (GATA1 MA0035.4) is degenerate: a draw from its column frequencies
// scores under 5 bits one time in ten, and the best window of 200 random bases scores over 8 bits one
// time in seven. So a planted site is drawn again until it scores at least floor() = 60% of the best
// possible score, and background is drawn again until no window reaches floor(): then "a site was
// planted" and "a scan finds a site" agree, and labels mean what they say.
#pragma once

#include <array>
#include <string>
#include <utility>
#include <vector>

#include "../data/alphabet.hpp"
#include "../rng.hpp"
#include "jaspar.hpp"

namespace helix::motifs {

class SiteModel {
public:
    // log2-odds of the matrix (pseudocount 1, so zero counts stay finite) against a background with
    // G+C fraction `gc`.
    SiteModel(const Pfm& pfm, double gc);

    std::size_t width() const { return log_odds_.size(); }
    double floor() const { return floor_; }

    // The best score over every window of `s` on both strands (N and other codes score 0 there);
    // -infinity when `s` is shorter than the motif.
    double best(const std::string& s) const;

    // A site: each position drawn from its column's base frequencies, drawn again until it scores at
    // least floor(); then, with probability 1/2, reverse-complemented (a site on the other strand).
    std::string sample(Rng& rng) const;

private:
    double score(const std::string& s, std::size_t at) const;

    std::vector<std::array<double, 4>> frequencies_;
    std::vector<std::array<double, 4>> log_odds_;
    double floor_ = 0;
};

// `length` bases, each G or C with probability `gc` (split evenly), else A or T.
std::string random_dna(std::size_t length, double gc, Rng& rng);

// Random DNA drawn again until none of `motifs` scores floor() or more anywhere in it.
std::string background_without(std::size_t length, double gc, const std::vector<const SiteModel*>& motifs,
                               Rng& rng);

// Writes one sampled site of each motif into `s`, in order, each at a place drawn uniformly from those
// that overlap no site planted before it. The caller leaves room: for two motifs of widths w1, w2,
// length >= w1 + 2 w2 always has a place for the second wherever the first fell.
void plant_sites(std::string& s, const std::vector<const SiteModel*>& motifs, Rng& rng);

// [begin, end) of the sites planted in a sequence so far.
using SiteSpans = std::vector<std::pair<std::size_t, std::size_t>>;
// Writes one sampled site of `motif` at a place drawn uniformly from those that overlap none of `taken`,
// adds its span to `taken` and returns its start. Asserts that a free place exists.
std::size_t plant_site(std::string& s, const SiteModel& motif, SiteSpans& taken, Rng& rng);

}  // namespace helix::motifs
