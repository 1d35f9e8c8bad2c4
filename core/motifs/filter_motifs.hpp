// core/motifs/filter_motifs.hpp: what the first convolution of a sequence model has learnt, read as
// motifs. Each filter of a conv1d that reads the one-hot DNA is a weight matrix w (K, 4) plus a bias; its
// activation on a window of K bases is bias + Σ_k w[k, base_k]. The windows of a set of sequences where a
// filter fires strongly (above threshold × that filter's maximum over the set) are aligned and counted into
// a position frequency matrix, as DeepBind (Alipanahi 2015) and Basset (Kelley 2016) read their filters.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "../nn/model.hpp"
#include "../tensor.hpp"

namespace helix::motifs {

using Column = std::array<double, 4>;  // probabilities of A, C, G, T at one position

struct FilterMotif {
    std::size_t index = 0;           // the filter's index in the layer
    std::string name;                // "conv1/3"
    std::size_t sites = 0;           // windows above the threshold
    double max_activation = 0;       // the filter's maximum over every window of the set
    std::vector<Column> pfm;         // K columns: (counts + pseudocount / 4) / (sites + pseudocount)
    std::vector<double> ic;          // per column, bits: 2 + Σ p log2 p (uniform background)
    double information_content = 0;  // Σ ic
    std::string consensus;           // the most probable base of each column
    std::vector<Column> reverse_complement;
};

// The first conv1d layer whose input is the model's DNA input (directly, not through another layer).
struct DnaConv {
    std::string layer;               // its name ("conv1"); "" when there is none
    const Tensor* weight = nullptr;  // (K, 4, F)
    const Tensor* bias = nullptr;    // (F)
};
// `error` receives why there is none (a features-only model, or no conv1d reading the DNA).
DnaConv find_dna_conv(const nn::Model& model, std::string& error);

// `count` sequences of `length` bases, each base uniform over A, C, G, T, from `seed`.
std::vector<std::string> random_sequences(std::size_t count, std::size_t length, std::uint64_t seed);

constexpr double kSitePseudocount =
    1.0;  // one site's worth, spread evenly: a filter with few sites stays vague

// One motif per filter of `conv` from every valid window (no padding) of `sequences` (A, C, G, T and IUPAC
// codes, read as the model reads them: one_hot_into). A filter whose maximum is not above 0 (it never fires
// through a ReLU) has no sites: its matrix is uniform.
std::vector<FilterMotif> filter_motifs(const DnaConv& conv, const std::vector<std::string>& sequences,
                                       double threshold = 0.5);

// Column statistics shared with motif comparison.
double information_content(const Column& p);  // bits, 0..2
std::vector<Column> reverse_complement(const std::vector<Column>& pfm);
std::string consensus(const std::vector<Column>& pfm);

}  // namespace helix::motifs
