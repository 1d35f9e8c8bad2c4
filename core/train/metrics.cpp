// core/train/metrics.cpp: accuracy, AUROC and AUPRC, each one sort (O(n log n)) at most.
#include "metrics.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

#include "../tensor.hpp"

namespace helix::train {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

struct Scored {
    float score;
    bool positive;
};

// The labelled entries; `any_nan_score` when a labelled entry has a NaN probability (a diverged model),
// which no ordering can rank.
std::vector<Scored> labelled(const std::vector<float>& prob, const std::vector<float>& label,
                             bool* any_nan_score)
{
    HELIX_ASSERT(prob.size() == label.size());
    std::vector<Scored> out;
    out.reserve(prob.size());
    *any_nan_score = false;
    for (std::size_t i = 0; i < prob.size(); ++i) {
        if (std::isnan(label[i])) continue;
        if (std::isnan(prob[i])) *any_nan_score = true;
        out.push_back({prob[i], label[i] > 0.5f});
    }
    return out;
}

}  // namespace

double accuracy(const std::vector<float>& prob, const std::vector<float>& label, float threshold)
{
    HELIX_ASSERT(prob.size() == label.size());
    std::size_t n = 0, correct = 0;
    for (std::size_t i = 0; i < prob.size(); ++i) {
        if (std::isnan(label[i])) continue;
        ++n;
        correct += (prob[i] > threshold) == (label[i] > 0.5f);
    }
    return n == 0 ? kNaN : static_cast<double>(correct) / static_cast<double>(n);
}

double auroc(const std::vector<float>& prob, const std::vector<float>& label)
{
    bool nan_score = false;
    std::vector<Scored> v = labelled(prob, label, &nan_score);
    if (nan_score) return kNaN;
    const auto n_pos =
        static_cast<double>(std::count_if(v.begin(), v.end(), [](const Scored& s) { return s.positive; }));
    const double n_neg = static_cast<double>(v.size()) - n_pos;
    if (n_pos == 0 || n_neg == 0) return kNaN;
    std::sort(v.begin(), v.end(), [](const Scored& a, const Scored& b) { return a.score < b.score; });
    // Ranks are 1-based; a group of tied scores at ranks i+1..j all get their mean (i + 1 + j) / 2.
    double rank_sum = 0;
    for (std::size_t i = 0; i < v.size();) {
        std::size_t j = i;
        double group_pos = 0;
        while (j < v.size() && v[j].score == v[i].score) group_pos += v[j++].positive;
        rank_sum += group_pos * (static_cast<double>(i + 1 + j) / 2.0);
        i = j;
    }
    const double u = rank_sum - n_pos * (n_pos + 1) / 2.0;
    return u / (n_pos * n_neg);
}

double auprc(const std::vector<float>& prob, const std::vector<float>& label)
{
    bool nan_score = false;
    std::vector<Scored> v = labelled(prob, label, &nan_score);
    if (nan_score) return kNaN;
    const auto n_pos =
        static_cast<double>(std::count_if(v.begin(), v.end(), [](const Scored& s) { return s.positive; }));
    if (n_pos == 0) return kNaN;
    std::sort(v.begin(), v.end(), [](const Scored& a, const Scored& b) { return a.score > b.score; });
    double tp = 0, fp = 0, recall_before = 0, ap = 0;
    for (std::size_t i = 0; i < v.size();) {
        std::size_t j = i;
        while (j < v.size() && v[j].score == v[i].score) {
            (v[j].positive ? tp : fp) += 1;
            ++j;
        }
        const double recall = tp / n_pos;
        ap += (recall - recall_before) * (tp / (tp + fp));
        recall_before = recall;
        i = j;
    }
    return ap;
}

double multiclass_accuracy(const std::vector<float>& prob, const std::vector<float>& label, std::size_t K)
{
    HELIX_ASSERT(K >= 2 && prob.size() == label.size() * K);
    std::size_t n = 0, correct = 0;
    for (std::size_t i = 0; i < label.size(); ++i) {
        if (std::isnan(label[i])) continue;
        const float* row = prob.data() + i * K;
        ++n;
        correct += static_cast<float>(std::max_element(row, row + K) - row) == label[i];
    }
    return n == 0 ? kNaN : static_cast<double>(correct) / static_cast<double>(n);
}

namespace {

// The mean over classes of `binary(column k, label == k)`, skipping NaN scores.
template <typename Binary>
double macro_average(const std::vector<float>& prob, const std::vector<float>& label, std::size_t K,
                     Binary binary)
{
    HELIX_ASSERT(K >= 2 && prob.size() == label.size() * K);
    std::vector<float> column(label.size()), is_k(label.size());
    double sum = 0;
    std::size_t counted = 0;
    for (std::size_t k = 0; k < K; ++k) {
        for (std::size_t i = 0; i < label.size(); ++i) {
            column[i] = prob[i * K + k];
            is_k[i] = std::isnan(label[i]) ? label[i] : static_cast<float>(label[i] == static_cast<float>(k));
        }
        const double v = binary(column, is_k);
        if (std::isnan(v)) continue;
        sum += v;
        ++counted;
    }
    return counted == 0 ? kNaN : sum / static_cast<double>(counted);
}

}  // namespace

double macro_auroc(const std::vector<float>& prob, const std::vector<float>& label, std::size_t K)
{
    return macro_average(prob, label, K, [](const auto& p, const auto& y) { return auroc(p, y); });
}

double macro_auprc(const std::vector<float>& prob, const std::vector<float>& label, std::size_t K)
{
    return macro_average(prob, label, K, [](const auto& p, const auto& y) { return auprc(p, y); });
}

}  // namespace helix::train
