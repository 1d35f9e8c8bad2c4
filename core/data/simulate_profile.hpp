// core/data/simulate_profile.hpp: base-resolution read profiles shaped by motif sites, as in the BPNet
// paper's simulations (Avsec et al. 2021), for the bpnet-profile preset.
//
// Each region is `input_length` bases of background with no site; the model predicts the central
// `output_length` bases. A share `signal_fraction` of the regions gets 1-3 sites, each GATA1 (JASPAR
// MA0035.4) or TAL1 (MA0091.1) at random, drawn from its matrix on a random strand, placed so that its
// footprint falls inside the output window. Each site adds `strength` expected reads of its motif, split
// evenly between the strands: on + a Gaussian bump `shift` bases 5' of the site's centre, on - the mirror
// image 3' of it (a protected footprint flanked by read ends, as ChIP-nexus shows). The two motifs have
// different shapes and strengths; a GATA1 and a TAL1 site within 30 bases of each other bind
// cooperatively (both strengths × 1.5), so counts depend on grammar, not only on motif counts. Every
// position adds `background` expected reads per strand. Observed counts are Poisson draws around the
// expected profile, independently per position and strand.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace helix::data {

struct ProfileMotifShape {
    double strength;  // expected reads per site (both strands)
    double shift;     // bases from the site's centre to each strand's peak
    double width;     // standard deviation of each peak, in bases
};

struct ProfileOptions {
    std::size_t count = 2000;
    std::size_t input_length = 1000;
    std::size_t output_length = 200;  // centred in the input; <= input_length, same parity
    double signal_fraction = 0.8;
    double background = 0.02;  // expected reads per position and strand
    ProfileMotifShape gata1{150.0, 9.0, 3.0};
    ProfileMotifShape tal1{90.0, 15.0, 5.0};
    double gc = 0.42;
    std::uint64_t seed = 1;
};

struct ProfileRow {
    std::string sequence;         // input_length bases
    std::vector<float> expected;  // output_length × 2 (position-major: [pos][strand]), + then -
    std::vector<float> counts;    // the same layout, Poisson draws around `expected`
    int n_gata1 = 0, n_tal1 = 0;
    bool signal() const { return n_gata1 + n_tal1 > 0; }
};

std::vector<ProfileRow> simulate_profile(const ProfileOptions& options);

// TSV with the header id, sequence, counts_plus, counts_minus; each counts cell is the output window's
// counts as comma-separated integers (the profile table layout parse_table reads with profile_columns).
std::string to_table(const std::vector<ProfileRow>& rows);

}  // namespace helix::data
