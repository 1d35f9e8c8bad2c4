// core/train/imputation.hpp: how well an autoencoder fills in entries it was not shown.
// For cells `rows` of a matrix (N × G values, row-major, after the spec's transform), a seeded random
// fraction of the entries (of the non-zero entries when the spec says "nonzero") is hidden; the model sees
// each hidden entry as its gene's training mean and predicts it; the baseline predicts the gene's training
// baseline (the mean over the training cells of the same kind of entries, see core/nn/autoencoder.hpp). Both
// are scored by the mean squared error over the hidden entries, in the data's units.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "../nn/autoencoder.hpp"

namespace helix::train {

// hidden (R, G): 1 where an entry of row rows[r] is hidden. Each candidate entry (every entry, or every
// non-zero one for entries == "nonzero") is hidden with probability `fraction`, in row-major order from
// `rng`.
Tensor draw_hidden(const std::vector<float>& values, std::size_t G, const std::vector<std::size_t>& rows,
                   float fraction, const std::string& entries, Rng& rng);

struct ImputationScores {
    double model_mse = 0.0;     // mean squared error of the model's predictions of the hidden entries
    double baseline_mse = 0.0;  // of the per-gene baseline (training means)
    std::size_t hidden = 0;     // entries hidden and scored
    std::size_t cells = 0;
};
// The spec's imputation.mask_fraction and entries; `seed` fixes which entries are hidden.
ImputationScores score_imputation(nn::Autoencoder& model, const std::vector<float>& values,
                                  const std::vector<std::size_t>& rows, std::uint64_t seed);

// Mean squared reconstruction error of clean input over every entry of `rows`.
double reconstruction_mse(nn::Autoencoder& model, const std::vector<float>& values,
                          const std::vector<std::size_t>& rows);

// The model's output for `rows` of clean input (R, G), and their latent codes (R, latent); inference mode.
Tensor reconstruct(nn::Autoencoder& model, const std::vector<float>& values,
                   const std::vector<std::size_t>& rows);
Tensor encode(nn::Autoencoder& model, const std::vector<float>& values, const std::vector<std::size_t>& rows);

}  // namespace helix::train
