// core/infer/examples.hpp: records made ready for a model: its DNA (fitted to the input length), its
// numeric features per features input, and a label per head (NaN where a task's label is missing).
#pragma once

#include <cmath>
#include <string>
#include <vector>

#include "../nn/model.hpp"
#include "../tensor.hpp"

namespace helix::infer {

struct Examples {
    std::vector<std::string> sequences;  // one per record; "" for every record of a features-only model
    std::vector<std::vector<float>>
        features;               // per spec input (empty for the DNA input): size() × F, row-major
    std::vector<float> labels;  // size() × heads, row-major; NaN = missing; empty when unlabelled
    std::size_t heads = 1;
    // Per-position counts of the profile columns (profile heads' targets), as data::SequenceSet holds them:
    // size() × profile_columns.size() × profile_length, row-major; empty when the table had none.
    std::vector<std::string> profile_columns;
    std::size_t profile_length = 0;
    std::vector<float> profiles;

    std::size_t size() const { return sequences.size(); }
    float label(std::size_t i, std::size_t h) const { return labels[i * heads + h]; }
};

// Records of DNA only with one label each (a sequential model): the common case, and the tests'.
Examples sequence_examples(std::vector<std::string> sequences, std::vector<float> labels = {});

// The model's inputs for the records `batch`, in spec order: one-hot DNA (B, L, 4) (all of length L)
// and features (B, F).
std::vector<Tensor> encode_inputs(const nn::Model& model, const Examples& ex,
                                  const std::vector<std::size_t>& batch);

// The labels of head h for `batch`: (B, 1) 0/1 targets for bce_with_logits, (B) class indices for
// softmax_cross_entropy; `mask` (same shape) is 0 where the label is missing (the value is then 0).
// A profile head: the counts of its columns (B, L, S), channels-last, and a mask (B) of ones.
// False when every label of the batch is missing.
// Indices in ex.profile_columns of `columns` (matched ignoring case, as the table's header).
std::vector<std::size_t> profile_column_indices(const Examples& ex, const std::vector<std::string>& columns);

// Record i's counts of the profile columns `cols` as L positions × cols.size() strands, channels-last.
void profile_of(const Examples& ex, std::size_t i, const std::vector<std::size_t>& cols, float* out);

bool head_targets(const nn::Model& model, const Examples& ex, std::size_t h,
                  const std::vector<std::size_t>& batch, Tensor& targets, Tensor& mask);

}  // namespace helix::infer
