// core/io/autoencoder_file.hpp: a trained autoencoder in the model-file envelope (model_file.hpp), family
// "autoencoder" (before the envelope: "format": "helix-autoencoder", version 1). Its part: its spec, its
// weights
// ("input.mean", ..., "latent.weight", ...) and two fields of its own:
//   "genes": ["PPBP", "LYZ", ...], "cells": {"count": 2638, "hash": "9f1c..."}
// `genes` names the model's inputs in order (a matrix is matched to them by column name). `cells` identifies
// the matrix it was trained on (the number of cells and a hash of their ids in order), so a later evaluation
// of the same matrix scores the same held-out test cells. The weights include the per-gene statistics
// (input.mean, input.scale, imputation.baseline), so a file round-trips exactly.
#pragma once

#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "../nn/autoencoder.hpp"

namespace helix::io {

struct TrainedCells {
    std::size_t count = 0;
    std::string hash;  // "" when unknown (a model not trained yet)
};

std::string save_autoencoder(const nn::Autoencoder& model, const std::vector<std::string>& genes,
                             const TrainedCells& cells, const nlohmann::json& metadata);

struct LoadedAutoencoder {
    std::unique_ptr<nn::Autoencoder> model;
    std::vector<std::string> genes;
    TrainedCells cells;
    nlohmann::json metadata;
    std::vector<nn::SpecError> errors;
};
LoadedAutoencoder load_autoencoder(const std::string& text);

// FNV-1a (64-bit) of the ids joined by newlines, as 16 hex digits: how a file recognises its training matrix.
std::string hash_ids(const std::vector<std::string>& ids);

}  // namespace helix::io
