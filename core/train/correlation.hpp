// core/train/correlation.hpp: regression metrics, Pearson and Spearman correlation, for one output and per
// output column (DeepSTARR's figure; BPNet's count Pearson is pearson() of predicted against observed
// log(1 + total count)).
// Pairs whose target (y) is NaN are skipped (a missing label), as the classification metrics skip them.
// The result is NaN, never an exception, when fewer than 2 pairs remain, when either side is constant over
// them (the correlation is 0/0), or when a prediction is NaN (a diverged model).
#pragma once

#include <cstddef>
#include <vector>

namespace helix::train {

// sum (x - mean x)(y - mean y) / sqrt(sum (x - mean x)^2 sum (y - mean y)^2), in double.
double pearson(const std::vector<float>& x, const std::vector<float>& y);
// Pearson of the ranks; tied values share the average of their ranks (scipy.stats.spearmanr).
double spearman(const std::vector<float>& x, const std::vector<float>& y);

// pred and target hold n rows of K columns, row-major (size n * K): column k's correlation at [k].
std::vector<double> pearson_per_column(const std::vector<float>& pred, const std::vector<float>& target,
                                       std::size_t K);
std::vector<double> spearman_per_column(const std::vector<float>& pred, const std::vector<float>& target,
                                        std::size_t K);

// The 1-based ranks of v, ties given the average of the ranks they span ({10, 20, 20, 5} -> {2, 3.5, 3.5,
// 1}).
std::vector<double> average_ranks(const std::vector<double>& v);

}  // namespace helix::train
