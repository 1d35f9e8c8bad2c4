// core/data/one_hot.hpp: DNA to the (B, L, 4) tensors models read, channels in A, C, G, T order.
// Ambiguity codes spread one unit over the bases they stand for, so every row sums to 1:
//   N = 1/4 each;  R = A/G, Y = C/T, S = C/G, W = A/T, K = G/T, M = A/C at 1/2;
//   B = C/G/T, D = A/G/T, H = A/C/T, V = A/C/G at 1/3.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "../tensor.hpp"

namespace helix::data {

// seqs: validated sequences (SequenceSet::sequences), each exactly `length` long (a HELIX_ASSERT;
// fit_length makes them so). Returns (B, length, 4).
Tensor one_hot(const std::vector<std::string>& seqs, std::size_t length);

// Writes seq.size() * 4 floats to `out`, row l holding base l. Either case; anything not in the
// alphabet is a HELIX_ASSERT (parsers reject it first).
void one_hot_into(const std::string& seq, float* out);

// `seq` made exactly `length` long for fixed-length models, keeping its centre: a longer sequence
// loses (n - length) / 2 bases on the left and the rest on the right; a shorter one gains N on both
// sides, (length - n) / 2 on the left and the rest (the extra one, if odd) on the right.
std::string fit_length(const std::string& seq, std::size_t length);

}  // namespace helix::data
