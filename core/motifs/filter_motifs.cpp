// core/motifs/filter_motifs.cpp: see filter_motifs.hpp.
#include "filter_motifs.hpp"

#include <algorithm>
#include <cmath>

#include "../data/one_hot.hpp"
#include "../rng.hpp"

namespace helix::motifs {

DnaConv find_dna_conv(const nn::Model& model, std::string& error)
{
    DnaConv conv;
    const nn::ModelSpec& spec = model.spec();
    if (model.dna_input() < 0) {
        error = "the model has no DNA input, so it has no filters to read as motifs";
        return conv;
    }
    const std::string& dna = spec.inputs[static_cast<std::size_t>(model.dna_input())].name;
    for (std::size_t i = 0; i < spec.layers.size(); ++i) {
        const nn::LayerSpec& layer = spec.layers[i];
        // A layer without "inputs" reads the layer before it; the first layer reads the first input.
        const bool reads_dna = layer.inputs.empty() ? (i == 0 && model.dna_input() == 0)
                                                    : (layer.inputs.size() == 1 && layer.inputs[0] == dna);
        if (layer.type != "conv1d" || !reads_dna) continue;
        for (const nn::Param* p : model.params()) {
            if (p->name == layer.name + ".weight") conv.weight = &p->var.value();
            if (p->name == layer.name + ".bias") conv.bias = &p->var.value();
        }
        HELIX_ASSERT(conv.weight && conv.bias && conv.weight->dimension() == 3 && conv.weight->shape(1) == 4);
        conv.layer = layer.name;
        return conv;
    }
    error = "no conv1d layer reads the DNA input '" + dna +
            "' directly, so there are no first-layer filters to read as motifs";
    return conv;
}

std::vector<std::string> random_sequences(std::size_t count, std::size_t length, std::uint64_t seed)
{
    Rng rng(seed);
    std::vector<std::string> out(count, std::string(length, 'A'));
    for (auto& s : out)
        for (char& c : s) c = "ACGT"[rng.below(4)];
    return out;
}

double information_content(const Column& p)
{
    double h = 0;
    for (double v : p)
        if (v > 0) h -= v * std::log2(v);
    return 2.0 - h;
}

std::vector<Column> reverse_complement(const std::vector<Column>& pfm)
{
    std::vector<Column> rc(pfm.rbegin(), pfm.rend());
    for (Column& c : rc) c = {c[3], c[2], c[1], c[0]};  // A<->T, C<->G
    return rc;
}

std::string consensus(const std::vector<Column>& pfm)
{
    std::string s;
    for (const Column& c : pfm) s.push_back("ACGT"[std::max_element(c.begin(), c.end()) - c.begin()]);
    return s;
}

std::vector<FilterMotif> filter_motifs(const DnaConv& conv, const std::vector<std::string>& sequences,
                                       double threshold)
{
    HELIX_ASSERT(conv.weight && conv.bias);
    const Tensor& w = *conv.weight;
    const std::size_t K = w.shape(0), F = w.shape(2);
    // Calls visit(x, l, row) for every valid window l of every sequence: x its one-hot (L, 4), row the F
    // activations. Two passes recompute them rather than keep them: a user's set may be large.
    std::vector<float> x, row(F);
    auto each_window = [&](auto&& visit) {
        for (const std::string& seq : sequences) {
            if (seq.size() < K) continue;
            x.resize(seq.size() * 4);
            data::one_hot_into(seq, x.data());
            for (std::size_t l = 0; l + K <= seq.size(); ++l) {
                for (std::size_t f = 0; f < F; ++f) row[f] = (*conv.bias)(f);
                // The window's K*4 inputs (contiguous in x) times w viewed as (K*4, F).
                const float* xin = &x[l * 4];
                for (std::size_t kc = 0; kc < K * 4; ++kc) {
                    const float v = xin[kc];
                    if (v == 0.0f) continue;
                    const float* wr = w.data() + kc * F;
                    for (std::size_t f = 0; f < F; ++f) row[f] += v * wr[f];
                }
                visit(l);
            }
        }
    };
    std::vector<double> max_activation(F, -INFINITY);
    each_window([&](std::size_t) {
        for (std::size_t f = 0; f < F; ++f) max_activation[f] = std::max(max_activation[f], double(row[f]));
    });
    // The bases of the windows above threshold × maximum, summed per filter.
    std::vector<std::vector<Column>> counts(F, std::vector<Column>(K, Column{0, 0, 0, 0}));
    std::vector<std::size_t> sites(F, 0);
    each_window([&](std::size_t l) {
        for (std::size_t f = 0; f < F; ++f) {
            if (!(max_activation[f] > 0) || row[f] <= threshold * max_activation[f]) continue;
            ++sites[f];
            for (std::size_t k = 0; k < K; ++k)
                for (int c = 0; c < 4; ++c) counts[f][k][c] += x[(l + k) * 4 + c];
        }
    });
    std::vector<FilterMotif> out(F);
    for (std::size_t f = 0; f < F; ++f) {
        FilterMotif& m = out[f];
        m.index = f;
        m.name = conv.layer + "/" + std::to_string(f);
        m.sites = sites[f];
        m.max_activation = std::isfinite(max_activation[f]) ? max_activation[f] : 0.0;
        m.pfm.resize(K);
        for (std::size_t k = 0; k < K; ++k) {
            for (int c = 0; c < 4; ++c)
                m.pfm[k][c] =
                    (counts[f][k][c] + kSitePseudocount / 4) / (double(sites[f]) + kSitePseudocount);
            m.ic.push_back(information_content(m.pfm[k]));
            m.information_content += m.ic.back();
        }
        m.consensus = consensus(m.pfm);
        m.reverse_complement = reverse_complement(m.pfm);
    }
    return out;
}

}  // namespace helix::motifs
