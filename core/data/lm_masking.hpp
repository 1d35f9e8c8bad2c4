// core/data/lm_masking.hpp: masked-token pretraining examples for a DNA language model (BERT-style, at
// single-nucleotide resolution), as the dna-lm preset trains on unlabelled DNA.
//
// Of the A/C/G/T positions of each sequence, each is selected with probability `rate` (15%). A selected
// position is shown as [MASK] 80% of the time, as a random base 10%, and unchanged 10% (Devlin et al.
// 2019); the model must name the original base at every selected position and at no other. Inputs have
// 5 channels: A, C, G, T one-hot (ambiguity codes spread as in one_hot.hpp) and a fifth that is 1 at
// [MASK] positions (whose four base channels are 0).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "../rng.hpp"

namespace helix::data {

constexpr std::size_t kLmChannels = 5;  // A, C, G, T, [MASK]

struct MaskingOptions {
    double rate = 0.15;
    double as_mask = 0.8;    // of the selected: shown as [MASK]
    double as_random = 0.1;  // of the selected: a random base (uniform over A, C, G, T); the rest unchanged
};

struct MaskedExamples {
    std::vector<float> input;    // count × length × 5
    std::vector<float> targets;  // count × length: the original base 0..3 at selected positions, else NaN
    std::size_t selected = 0;    // how many positions were selected
};

// `seqs`: validated sequences, each exactly `length` long (HELIX_ASSERT). Draws from `rng` in sequence
// order, so a seed fixes the masks.
void mask_for_pretraining(const std::vector<std::string>& seqs, std::size_t length,
                          const MaskingOptions& options, Rng& rng, MaskedExamples& out);

// The 5-channel input of sequences with no masking (embeddings, zero-shot scores): count × length × 5.
std::vector<float> lm_input(const std::vector<std::string>& seqs, std::size_t length);

}  // namespace helix::data
