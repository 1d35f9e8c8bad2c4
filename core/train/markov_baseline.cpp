// core/train/markov_baseline.cpp: see markov_baseline.hpp.
#include "markov_baseline.hpp"

#include <cmath>

#include "../tensor.hpp"

namespace helix::train {

namespace {

int code(char c)
{
    return c == 'A' ? 0 : c == 'C' ? 1 : c == 'G' ? 2 : c == 'T' ? 3 : -1;
}

// The base-4 index of s[at - m .. at), or -1 when a base there is not A/C/G/T.
long context_index(const std::string& s, std::size_t at, std::size_t m)
{
    long index = 0;
    for (std::size_t p = at - m; p < at; ++p) {
        const int b = code(s[p]);
        if (b < 0) return -1;
        index = index * 4 + b;
    }
    return index;
}

}  // namespace

MarkovModel::MarkovModel(std::size_t order) : order_(order), counts_(order + 1)
{
    HELIX_ASSERT(order <= 10);
    for (std::size_t m = 0; m <= order; ++m) counts_[m].assign(std::size_t{4} << (2 * m), 0.0);
}

void MarkovModel::fit(const std::vector<std::string>& sequences)
{
    for (const std::string& s : sequences)
        for (std::size_t at = 0; at < s.size(); ++at) {
            const int b = code(s[at]);
            if (b < 0) continue;
            for (std::size_t m = 0; m <= order_ && m <= at; ++m) {
                const long ctx = context_index(s, at, m);
                if (ctx < 0) break;  // a longer context holds the same unknown base
                counts_[m][static_cast<std::size_t>(ctx) * 4 + b] += 1.0;
            }
        }
}

double MarkovModel::log_prob(const std::string& s, std::size_t at, std::size_t m, int base) const
{
    const long ctx = context_index(s, at, m);
    HELIX_ASSERT(m <= order_ && ctx >= 0 && base >= 0 && base < 4);
    const double* row = &counts_[m][static_cast<std::size_t>(ctx) * 4];
    return std::log((row[base] + 1.0) / (row[0] + row[1] + row[2] + row[3] + 4.0));
}

int MarkovModel::predict_masked(const std::string& s, const std::vector<bool>& masked, std::size_t at) const
{
    const auto clean = [&](std::size_t p) { return !masked[p] && code(s[p]) >= 0; };
    // The longest clean run of bases just before `at`, up to the order.
    std::size_t left = 0;
    while (left < order_ && left < at && clean(at - 1 - left)) ++left;
    std::string t = s;
    int best = 0;
    double best_score = -INFINITY;
    for (int b = 0; b < 4; ++b) {
        t[at] = "ACGT"[b];
        double score = log_prob(t, at, left, b);
        for (std::size_t j = 1; j <= order_ && at + j < s.size(); ++j) {
            const std::size_t p = at + j;
            if (!clean(p)) break;  // this base and every later term's context are cut off from `at`
            // context of p: back through `at` and as far as the left run allows, at most order_ bases
            const std::size_t m = std::min(order_, j + left);
            score += log_prob(t, p, m, code(s[p]));
        }
        if (score > best_score) best_score = score, best = b;
    }
    return best;
}

double masked_accuracy(const MarkovModel& model, const std::vector<std::string>& sequences,
                       const std::vector<std::vector<bool>>& masks)
{
    HELIX_ASSERT(masks.size() == sequences.size());
    std::size_t right = 0, total = 0;
    for (std::size_t i = 0; i < sequences.size(); ++i) {
        const std::string& s = sequences[i];
        HELIX_ASSERT(masks[i].size() == s.size());
        for (std::size_t at = 0; at < s.size(); ++at) {
            if (!masks[i][at] || code(s[at]) < 0) continue;
            ++total;
            right += model.predict_masked(s, masks[i], at) == code(s[at]);
        }
    }
    return total == 0 ? 0.0 : static_cast<double>(right) / static_cast<double>(total);
}

MarkovBaseline markov_baseline(const std::vector<std::string>& train, const std::vector<std::string>& test,
                               const std::vector<std::vector<bool>>& masks, std::size_t max_order)
{
    MarkovBaseline out;
    for (std::size_t k = 0; k <= max_order; ++k) {
        MarkovModel model(k);
        model.fit(train);
        const double acc = masked_accuracy(model, test, masks);
        out.accuracy_by_order.push_back(acc);
        if (k == 0 || acc > out.best_accuracy) out.best_accuracy = acc, out.best_order = k;
    }
    return out;
}

}  // namespace helix::train
