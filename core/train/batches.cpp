// core/train/batches.cpp: see batches.hpp.
#include "batches.hpp"

#include <map>

#include "../data/one_hot.hpp"

namespace helix::train {

std::vector<std::vector<std::size_t>> make_batches(const std::vector<std::string>& sequences,
                                                   std::vector<std::size_t> indices, std::size_t batch_size,
                                                   Rng* rng)
{
    HELIX_ASSERT(batch_size > 0);
    std::map<std::size_t, std::vector<std::size_t>> by_length;
    for (std::size_t i : indices) by_length[sequences[i].size()].push_back(i);
    std::vector<std::vector<std::size_t>> batches;
    for (auto& [length, group] : by_length) {
        if (rng) rng->shuffle(group);
        for (std::size_t start = 0; start < group.size(); start += batch_size)
            batches.emplace_back(group.begin() + start,
                                 group.begin() + std::min(group.size(), start + batch_size));
    }
    if (rng) rng->shuffle(batches);
    return batches;
}

Tensor encode_batch(const std::vector<std::string>& sequences, const std::vector<std::size_t>& batch)
{
    const std::size_t L = sequences[batch[0]].size();
    Tensor x = Tensor::from_shape({batch.size(), L, std::size_t{4}});  // straight into reused storage
    for (std::size_t b = 0; b < batch.size(); ++b) {
        HELIX_ASSERT(sequences[batch[b]].size() == L);
        data::one_hot_into(sequences[batch[b]], x.data() + b * L * 4);
    }
    return x;
}

}  // namespace helix::train
