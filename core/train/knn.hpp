// core/train/knn.hpp: does a latent space keep cell types apart? k-nearest-neighbour classification of
// query cells by the labels of reference cells (Euclidean distance between codes), against the majority-class
// rate: always guessing the reference cells' most common label.
#pragma once

#include <string>
#include <vector>

#include "../tensor.hpp"

namespace helix::train {

struct KnnScores {
    double accuracy = 0.0;       // fraction of labelled query cells whose k neighbours vote for their label
    double majority_rate = 0.0;  // fraction of labelled query cells with the reference's most common label
    std::size_t n = 0, k = 0;    // labelled query cells scored; neighbours used
};

// codes (N, D); labels per cell, "" = unlabelled (skipped on both sides). A cell is never its own neighbour,
// so reference == queries is leave-one-out. A vote tie goes to the tied label of the nearest neighbour.
KnnScores knn_accuracy(const Tensor& codes, const std::vector<std::string>& labels,
                       const std::vector<std::size_t>& reference, const std::vector<std::size_t>& queries,
                       std::size_t k);

}  // namespace helix::train
