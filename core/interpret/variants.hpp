// core/interpret/variants.hpp: variant effects. A variant table (TSV or CSV with a header) in one of two
// layouts, columns found by name (either case; an id or name column is optional):
//   id  sequence  position  ref  alt        one substitution, position 1-based, ref checked against the
//   sequence id  ref_sequence  alt_sequence          two alleles given whole (any lengths the model accepts)
// plus, for a model with numeric inputs, those columns (held for both alleles). Each allele is scored
// by the model (fitted to its length as for predict); the effect is alt − ref in probability and in log odds.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "../data/input_error.hpp"
#include "target.hpp"

namespace helix::interpret {

struct Variant {
    std::string id;
    int line = 0;
    std::size_t position = 0;  // 1-based; 0 in the two-sequence layout
    char ref = 0, alt = 0;     // upper case; 0 in the two-sequence layout
    std::string ref_sequence, alt_sequence;
    int ref_column = 0, alt_column = 0;  // where each allele's sequence cell starts, for length errors
    std::vector<float> features;         // the `feature_columns` values, in that order
};

struct VariantSet {
    std::vector<Variant> variants;
    bool pairs = false;  // the id / ref_sequence / alt_sequence layout
};

// Errors name line and column: a missing column (in the header or a row), a base that is not DNA, a
// position that is not a whole number or lies outside the sequence, a ref or alt that is not one of
// A, C, G, T, a ref that is not the sequence's base there, alt equal to ref, a feature that is not a number.
data::Parsed<VariantSet> parse_variants(std::string_view text,
                                        const std::vector<std::string>& feature_columns);

struct VariantEffect {
    float ref_score = 0, alt_score = 0;  // probabilities of the explained class
    float difference = 0;                // alt − ref
    float log_odds_ratio = 0;            // logit(alt) − logit(ref)
    std::size_t class_index = 0;  // K-class heads: the target's class, else the ref allele's predicted one
};

// One effect per variant, in the set's order. An allele whose length the model cannot take is an error
// (line and column of its sequence cell) in `errors`, and then the effects are empty.
std::vector<VariantEffect> score_variants(nn::Model& model, const VariantSet& set, const Target& target,
                                          std::vector<data::InputError>& errors, std::size_t& more_errors);

}  // namespace helix::interpret
