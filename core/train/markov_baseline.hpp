// core/train/markov_baseline.hpp: order-k Markov models of DNA, the baseline a DNA language model must
// beat at masked-token prediction (issue 20's dna-lm preset: held-out masked-token accuracy above the best
// order-k model, k <= 5, fitted on the same training sequences).
//
// The model counts, for every order m = 0..k, how often each base follows each m-base context in the
// training sequences (windows holding anything but A, C, G, T are skipped), and reads P(base | context)
// with add-one smoothing. A masked position is predicted from both sides, the way a Markov chain would
// score the whole sequence with each candidate base there:
//   score(b) = log P(b | left context) + sum over j = 1..k of log P(x[i+j] | its context, b at i)
// Every context is the longest one of at most k bases that holds no other masked or unknown base; a right
// term whose context cannot reach back to position i without crossing one does not depend on b and is left
// out. So the baseline sees exactly what the language model sees: the unmasked bases.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace helix::train {

class MarkovModel {
public:
    explicit MarkovModel(std::size_t order);
    void fit(const std::vector<std::string>& sequences);
    std::size_t order() const { return order_; }

    // log P(base | the `m` bases before position `at` of `s`), m <= order(); base and s[at - m .. at) in
    // ACGT.
    double log_prob(const std::string& s, std::size_t at, std::size_t m, int base) const;

    // The most likely base (0..3 for A, C, G, T) at position `at`, given the bases not masked. `masked`
    // has one flag per position of `s`; s[at] itself is never read.
    int predict_masked(const std::string& s, const std::vector<bool>& masked, std::size_t at) const;

private:
    std::size_t order_;
    std::vector<std::vector<double>> counts_;  // [m][context * 4 + base], context in base 4
};

// The share of masked positions (with an A/C/G/T truth) that `model` predicts right; masks[i] is one flag
// per position of sequences[i].
double masked_accuracy(const MarkovModel& model, const std::vector<std::string>& sequences,
                       const std::vector<std::vector<bool>>& masks);

struct MarkovBaseline {
    std::size_t best_order = 0;
    double best_accuracy = 0;
    std::vector<double> accuracy_by_order;  // index k = 0..max_order
};
// Fits orders 0..max_order on `train` and scores each on `test` with `masks`; the best is the baseline.
MarkovBaseline markov_baseline(const std::vector<std::string>& train, const std::vector<std::string>& test,
                               const std::vector<std::vector<bool>>& masks, std::size_t max_order = 5);

}  // namespace helix::train
