// core/infer/evaluate.hpp: preparing parsed sequences for a model, predicting and scoring them.
#pragma once

#include <cmath>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "../data/input_error.hpp"
#include "../data/sequence_set.hpp"
#include "../nn/model.hpp"
#include "examples.hpp"

namespace helix::infer {

// The sequences as the model will see them: fixed-length models centre-crop or N-pad each one
// (input.resize = "pad_crop") or refuse other lengths ("exact"); free-length models refuse sequences
// shorter than their minimum. Each refusal is an error naming the record's line. Returns the fitted
// sequences (same order and count as `set`).
std::vector<std::string> fit_to_model(const nn::Model& model, const data::SequenceSet& set,
                                      std::vector<data::InputError>& errors, std::size_t& more_errors);

// Per head, the predictions of the records `indices` (in that order), as its kind (nn/head_kind.hpp)
// makes them: (n, 1) sigmoids of a bce_with_logits head, (n, K) softmax rows of a softmax_cross_entropy
// head, (n, 1) numbers of an mse head, (n, L × S) profiles of a multinomial_nll head (softmax over positions
// per strand, channels-last). Batches group equal lengths. Dropout is off.
std::vector<Tensor> predict_heads(nn::Model& model, const Examples& ex,
                                  const std::vector<std::size_t>& indices, std::size_t batch_size = 256);

// A one-head DNA model: binding probabilities (sigmoid of the logits), one per sequence, in order.
std::vector<float> predict_probabilities(nn::Model& model, const std::vector<std::string>& sequences,
                                         const std::vector<std::size_t>& indices,
                                         std::size_t batch_size = 256);

// A one-head K-class DNA model: the softmax of the logits, n rows of K, row-major, in the order of `indices`.
std::vector<float> predict_class_probabilities(nn::Model& model, const std::vector<std::string>& sequences,
                                               const std::vector<std::size_t>& indices,
                                               std::size_t batch_size = 256);

struct Scores {
    double loss = 0, accuracy = 0, auroc = 0, auprc = 0;
    // Regression heads (loss mse): mean squared error, Pearson and Spearman correlation of prediction and
    // target; NaN for classifiers (and then left out of scores_json).
    double mse = std::nan(""), pearson = std::nan(""), spearman = std::nan("");
    std::size_t n = 0;
    // Profile heads (multinomial_nll, profile_scores.hpp): over the signal_n regions with signal, the median
    // profile Pearson and mean Jensen-Shannon distance, and both for the average-profile baseline.
    double profile_pearson = std::nan(""), jsd = std::nan("");
    double baseline_profile_pearson = std::nan(""), baseline_jsd = std::nan("");
    std::size_t signal_n = 0;
};

// Every head's scores on the records `indices` whose label for that head is present, and their
// combination: loss = the weighted sum of the heads' losses (what training minimises), accuracy, AUROC
// and AUPRC = the mean over heads. One head: combined == heads[0].
struct HeadScores {
    std::vector<Scores> heads;
    Scores combined;
};

// Binary heads: mean binary cross-entropy, accuracy at 0.5, AUROC and AUPRC. K-class heads: mean
// cross-entropy, accuracy of the most probable class, and one-vs-rest AUROC and AUPRC macro-averaged
// over classes (metrics.hpp); labels are class indices. Regression heads: mean squared error as the loss,
// Pearson and Spearman correlation (correlation.hpp). The combined figures average the heads' finite ones.
HeadScores score_heads(nn::Model& model, const Examples& ex, const std::vector<std::size_t>& indices);
// The same from probabilities already predicted for `indices` (predict_heads' result, e.g. gathered in
// chunks).
HeadScores score_heads(const nn::Model& model, const Examples& ex, const std::vector<std::size_t>& indices,
                       const std::vector<Tensor>& prob);

// {"loss", "accuracy", "auroc", "auprc", "n"}; a score that is not a number (AUROC of one class) is null.
// Regression heads add "mse", "pearson", "spearman"; profile heads "profile_pearson", "jsd",
// "signal_regions" and "baseline": {"profile_pearson", "jsd"}.
nlohmann::json scores_json(const Scores& s);
// The combined scores, and with several heads also "heads": {name: scores_json, ...}.
nlohmann::json scores_json(const nn::Model& model, const HeadScores& s);

// A one-head DNA model's scores (labels one per sequence).
Scores score(nn::Model& model, const std::vector<std::string>& sequences, const std::vector<float>& labels,
             const std::vector<std::size_t>& indices);

}  // namespace helix::infer
