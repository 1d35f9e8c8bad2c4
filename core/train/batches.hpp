// core/train/batches.hpp: mini-batches of equal-length sequences, one-hot encoded.
// Sequences of different lengths never share a batch (no padding that could change a global max), so
// models ending in global pooling take any length >= their minimum, exactly.
#pragma once

#include <string>
#include <vector>

#include "../rng.hpp"
#include "../tensor.hpp"

namespace helix::train {

// Groups `indices` by the length of sequences[i] and cuts each group into batches of at most
// `batch_size`; with an rng, groups are shuffled within and the batch order is shuffled too.
std::vector<std::vector<std::size_t>> make_batches(const std::vector<std::string>& sequences,
                                                   std::vector<std::size_t> indices, std::size_t batch_size,
                                                   Rng* rng);

// One-hot (B, L, 4) of sequences[batch[0..B)], which all have length L.
Tensor encode_batch(const std::vector<std::string>& sequences, const std::vector<std::size_t>& batch);

}  // namespace helix::train
