// core/train/evaluate.hpp: preparing parsed sequences for a model, predicting and scoring them.
#pragma once

#include <string>
#include <vector>

#include "../data/input_error.hpp"
#include "../data/sequence_set.hpp"
#include <nlohmann/json.hpp>

#include "../nn/model.hpp"

namespace helix::train {

// The sequences as the model will see them: fixed-length models centre-crop or N-pad each one
// (input.resize = "pad_crop") or refuse other lengths ("exact"); free-length models refuse sequences
// shorter than their minimum. Each refusal is an error naming the record's line. Returns the fitted
// sequences (same order and count as `set`).
std::vector<std::string> fit_to_model(const nn::Model& model, const data::SequenceSet& set,
                                      std::vector<data::InputError>& errors, std::size_t& more_errors);

// Binding probabilities (sigmoid of the logits), one per sequence, in order. Batches group equal
// lengths. Dropout is off.
std::vector<float> predict_probabilities(nn::Model& model, const std::vector<std::string>& sequences,
                                         const std::vector<std::size_t>& indices, std::size_t batch_size = 256);

// K-class models (loss softmax_cross_entropy): the softmax of the logits, n rows of K, row-major, in the
// order of `indices`.
std::vector<float> predict_class_probabilities(nn::Model& model, const std::vector<std::string>& sequences,
                                               const std::vector<std::size_t>& indices,
                                               std::size_t batch_size = 256);

struct Scores {
    double loss = 0, accuracy = 0, auroc = 0, auprc = 0;
    std::size_t n = 0;
};

// Binary models: mean binary cross-entropy, accuracy at 0.5, AUROC and AUPRC of the records `indices`.
// K-class models: mean cross-entropy, accuracy of the most probable class, and one-vs-rest AUROC and
// AUPRC macro-averaged over classes (metrics.hpp); labels are class indices.
// {"loss", "accuracy", "auroc", "auprc", "n"}; a score that is not a number (AUROC of one class) is null.
nlohmann::json scores_json(const Scores& s);

Scores score(nn::Model& model, const std::vector<std::string>& sequences, const std::vector<float>& labels,
             const std::vector<std::size_t>& indices);

}  // namespace helix::train
