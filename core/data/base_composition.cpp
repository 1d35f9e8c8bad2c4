// core/data/base_composition.cpp: see base_composition.hpp.
#include "base_composition.hpp"

#include "../tensor.hpp"
#include "one_hot.hpp"

namespace helix::data {

std::vector<std::array<double, 4>> base_composition(const std::vector<std::string>& sequences)
{
    if (sequences.empty()) return {};
    const std::size_t L = sequences[0].size();
    std::vector<std::array<double, 4>> rows(L, {0.0, 0.0, 0.0, 0.0});
    std::vector<float> encoded(L * 4);
    for (const auto& s : sequences) {
        HELIX_ASSERT(s.size() == L);
        one_hot_into(s, encoded.data());
        for (std::size_t l = 0; l < L; ++l)
            for (std::size_t k = 0; k < 4; ++k) rows[l][k] += encoded[l * 4 + k];
    }
    for (auto& r : rows)
        for (double& v : r) v /= static_cast<double>(sequences.size());
    return rows;
}

}  // namespace helix::data
