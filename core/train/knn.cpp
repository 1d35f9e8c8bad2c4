// core/train/knn.cpp: see knn.hpp. Brute force: O(queries × reference × D), a few million flops for a test
// set.
#include "knn.hpp"

#include <algorithm>
#include <map>

namespace helix::train {

KnnScores knn_accuracy(const Tensor& codes, const std::vector<std::string>& labels,
                       const std::vector<std::size_t>& reference, const std::vector<std::size_t>& queries,
                       std::size_t k)
{
    const std::size_t D = codes.shape()[1];
    std::vector<std::size_t> ref;
    std::map<std::string, std::size_t> counts;
    for (std::size_t r : reference)
        if (!labels[r].empty()) {
            ref.push_back(r);
            ++counts[labels[r]];
        }
    KnnScores s;
    s.k = std::min(k, ref.size());
    if (s.k == 0) return s;
    std::string majority;
    std::size_t most = 0;
    for (const auto& [label, c] : counts)
        if (c > most) {
            most = c;
            majority = label;
        }
    std::size_t correct = 0, majority_hits = 0;
    std::vector<std::pair<float, std::size_t>> dist;
    for (std::size_t q : queries) {
        if (labels[q].empty()) continue;
        const float* a = codes.data() + q * D;
        dist.clear();
        for (std::size_t r : ref) {
            if (r == q) continue;
            const float* b = codes.data() + r * D;
            float d = 0.0f;
            for (std::size_t j = 0; j < D; ++j) d += (a[j] - b[j]) * (a[j] - b[j]);
            dist.emplace_back(d, r);
        }
        const std::size_t k_here = std::min(s.k, dist.size());
        if (k_here == 0) continue;
        std::partial_sort(dist.begin(), dist.begin() + static_cast<std::ptrdiff_t>(k_here), dist.end());
        std::map<std::string, std::size_t> votes;
        std::size_t top = 0;
        for (std::size_t i = 0; i < k_here; ++i) top = std::max(top, ++votes[labels[dist[i].second]]);
        std::string vote;
        for (std::size_t i = 0; i < k_here && vote.empty(); ++i)  // nearest first: breaks ties
            if (votes[labels[dist[i].second]] == top) vote = labels[dist[i].second];
        correct += vote == labels[q];
        majority_hits += labels[q] == majority;
        ++s.n;
    }
    if (s.n) {
        s.accuracy = static_cast<double>(correct) / static_cast<double>(s.n);
        s.majority_rate = static_cast<double>(majority_hits) / static_cast<double>(s.n);
    }
    return s;
}

}  // namespace helix::train
