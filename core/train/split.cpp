// core/train/split.cpp: see split.hpp.
#include "split.hpp"

#include <algorithm>
#include <cmath>
#include <map>

namespace helix::train {

Split stratified_split(const std::vector<float>& labels, float validation_fraction, float test_fraction,
                       Rng& rng)
{
    std::map<float, std::vector<std::size_t>> by_class;
    for (std::size_t i = 0; i < labels.size(); ++i) by_class[labels[i]].push_back(i);
    Split s;
    for (auto& entry : by_class) {
        std::vector<std::size_t>& idx = entry.second;  // (clang 14 lambdas cannot capture bindings)
        rng.shuffle(idx);
        const double n = static_cast<double>(idx.size());
        auto part = [&](float f) {
            if (f <= 0.0f) return std::size_t{0};
            auto k = static_cast<std::size_t>(std::llround(n * f));
            return idx.size() >= 3 ? std::max<std::size_t>(k, 1) : k;
        };
        const std::size_t n_test = part(test_fraction), n_val = part(validation_fraction);
        std::size_t i = 0;
        for (; i < n_test && i < idx.size(); ++i) s.test.push_back(idx[i]);
        for (; i < n_test + n_val && i < idx.size(); ++i) s.validation.push_back(idx[i]);
        for (; i < idx.size(); ++i) s.train.push_back(idx[i]);
    }
    for (auto* v : {&s.train, &s.validation, &s.test}) std::sort(v->begin(), v->end());
    return s;
}

}  // namespace helix::train
