// core/train/split.hpp: a seeded, stratified train / validation / test split.
// Each class is shuffled on its own and cut by the fractions, so all three parts keep the class
// balance; the same seed and labels always give the same split.
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <vector>

#include "../rng.hpp"

namespace helix::train {

struct Split {
    std::vector<std::size_t> train, validation, test;
};

// labels: 0/1 per record. Every part with a non-zero fraction gets at least one record of each class
// that has at least 3 records.
Split stratified_split(const std::vector<float>& labels, float validation_fraction, float test_fraction,
                       Rng& rng);

// {"train", "validation", "test"}: how many records each part holds (a training summary's "split").
inline nlohmann::json split_json(const Split& s)
{
    return {{"train", s.train.size()}, {"validation", s.validation.size()}, {"test", s.test.size()}};
}

}  // namespace helix::train
