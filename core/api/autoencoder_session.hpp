// core/api/autoencoder_session.hpp: an autoencoder on an expression matrix as the outside world uses it, the
// matrix twin of GraphSession: text in, JSON text out, nothing thrown on user input. Usage: construct from a
// spec (or a saved file), load(matrix, labels, label column), then start_training + train_step until
// training_finished (one mini-batch per step), evaluate (imputation of hidden test entries, latent kNN),
// encode (latent codes per cell), reconstruct, save.
// A spec-built session creates its weights at load(), when the genes are known; a file-built one keeps its
// weights and matches the matrix's columns to its genes by name. Cells: a spec-built session splits them
// (seeded) into train / validation / test; a file-built one recognises the matrix it was trained on (same
// ids in the same order) and reuses that split, and otherwise treats every cell as a test cell.
#pragma once

#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "../data/matrix.hpp"
#include "../nn/autoencoder.hpp"
#include "../train/split.hpp"
#include "session.hpp"

namespace helix::api {

class AutoencoderSession : public Session {
public:
    // kind "spec": `text` is an autoencoder spec (JSON); kind "file": a saved autoencoder file.
    AutoencoderSession(const std::string& text, const std::string& kind);
    std::string spec_json() const override { return nn::autoencoder_spec_to_json(spec_).dump(); }
    std::string summary_json() const override;  // null before a spec-built model has seen data

    // labels_text may be "" (no labels). {"errors", "moreErrors", "source": "matrix" | "labels"} or
    // {"errors": [], "cells", "genes", "split": {"train", "validation", "test"}, "sameCells", "labelled",
    //  "classes", "ignoredColumns"}.
    std::string load(const std::string& matrix_text, const std::string& labels_text,
                     const std::string& label_column);
    bool loaded() const { return !ids_.empty(); }

    // start_training("", options) (Session) on the loaded matrix: options {"epochs", "seed", "patience",
    // "learningRate", "batchSize"}, each optional. A seed gives fresh weights and a fresh split (same seed,
    // same run). Events: {"type": "batch"|"epoch"|"error", "epoch", "epochs", "loss", "valLoss", ...}; the
    // summary adds "latentKnn" (null without labels).
    using Session::start_training;
    std::string start_training(const std::string& options_json) { return start_training("", options_json); }

    // {"errors", "maskedMse", "meanImputationMse", "improvement", "hidden", "cells", "entries",
    // "maskFraction",
    //  "reconstructionMse", "latentKnn": {"accuracy", "majorityRate", "k", "n"} | null} on the test cells.
    std::string evaluate_json();
    // {"errors", "ids", "codes": [[...]], "split": ["train"|"validation"|"test"], "labels"?: [...]}
    std::string encode_json();
    // Every cell's reconstruction (zeros_only: observed non-zero entries kept, zeros filled in) into
    // reconstruction(), rows × genes; returns {"errors", "rows", "cols", "ids", "columns"}.
    std::string reconstruct(bool zeros_only);
    const std::vector<float>& reconstruction() const { return reconstruction_; }

protected:
    spec::RunOptions run_defaults() const override;
    Training prepare_training(const std::string& input_text, const nlohmann::json& options,
                              const spec::RunOptions& run) override;
    void complete_summary(nlohmann::json& summary) override;
    std::string write_file(const nlohmann::json& metadata) const override;

private:
    void rebuild();  // fresh weights and split for spec_.training.seed; statistics from the train cells
    nlohmann::json knn_json();
    std::vector<std::size_t> test_rows() const;

    nn::AutoencoderSpec spec_;
    std::unique_ptr<nn::Autoencoder> model_;
    std::vector<std::string> genes_;  // the model's inputs, in order
    bool from_file_ = false, same_cells_ = false;
    std::size_t trained_count_ = 0;
    std::string trained_hash_;
    std::vector<std::string> ids_, labels_;
    std::vector<float> values_;  // cells × genes_, after the transform
    train::Split split_;
    std::vector<float> reconstruction_;
};

}  // namespace helix::api
