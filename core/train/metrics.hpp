// core/train/metrics.hpp: classification metrics over predicted probabilities, binary and K-class.
// prob[i] is the predicted probability of class 1 and label[i] is 0 or 1 (a label > 0.5 counts as 1);
// entries whose label is NaN (missing) are skipped. prob and label must be the same size (HELIX_ASSERT).
#pragma once

#include <cstddef>
#include <vector>

namespace helix::train {

// Fraction of entries where (prob > threshold) equals the label, as Keras' binary_accuracy. NaN when
// no entry has a label.
double accuracy(const std::vector<float>& prob, const std::vector<float>& label, float threshold = 0.5f);

// Area under the ROC curve as the Mann-Whitney statistic: the chance a random positive scores above a
// random negative, a tie counting 1/2 (tied scores get the average of their ranks). Equals sklearn's
// roc_auc_score. NaN when only one class is present or any probability is NaN.
double auroc(const std::vector<float>& prob, const std::vector<float>& label);

// Average precision, as sklearn's average_precision_score: sum over distinct score thresholds, from
// high to low, of (recall gained) * (precision at that threshold); tied scores form one threshold.
// NaN when there is no positive or any probability is NaN; 1 when every entry is positive.
double auprc(const std::vector<float>& prob, const std::vector<float>& label);

// K classes: prob holds n rows of K class probabilities, row-major (prob.size() == n * K), and label[i]
// is a class index 0..K-1 (NaN: missing, skipped).
// Fraction of labelled rows whose most probable class (the first, on a tie) is the label; NaN when none.
double multiclass_accuracy(const std::vector<float>& prob, const std::vector<float>& label, std::size_t K);

// One-vs-rest, macro-averaged: the mean over classes k of auroc / auprc of column k against
// (label == k), as sklearn's roc_auc_score(multi_class="ovr", average="macro") and
// average_precision_score(average="macro") on one-hot labels. A class whose score is NaN (absent from
// the labels, or every row in it) is left out of the mean; NaN when every class is.
double macro_auroc(const std::vector<float>& prob, const std::vector<float>& label, std::size_t K);
double macro_auprc(const std::vector<float>& prob, const std::vector<float>& label, std::size_t K);

}  // namespace helix::train
