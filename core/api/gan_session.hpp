// core/api/gan_session.hpp: a DNA GAN (core/nn/gan.hpp) as the outside world uses it, the GAN twin of
// ModelSession: text in, JSON text out, nothing thrown on user input. Usage: construct from a spec (or a
// saved file), start_training(sequences) + train_step until training_finished (one generator step per call),
// training_summary, sample, motif_enrichment, save.
#pragma once

#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "../nn/gan.hpp"
#include "session.hpp"

namespace helix::api {

class GanSession : public Session {
public:
    // kind "spec": `text` is a GAN spec (JSON); kind "file": a saved GAN file (core/io/gan_file.hpp).
    GanSession(const std::string& text, const std::string& kind);
    bool ok() const override { return gan_ != nullptr; }
    std::string spec_json() const override;
    std::string summary_json() const override;  // both networks' layers and parameter counts

    // start_training(sequences, options) (Session): sequences as FASTA, a table with a sequence column, or
    // one per line; every sequence exactly `length` bases (others are errors naming their line). options
    // {"epochs", "steps", "batchSize", "dSteps", "learningRate" (both networks), "seed", "motif"}, each
    // optional. "motif" (A, C, G, T) makes the summary report its enrichment in samples.
    // -> {"errors": [], "records", "steps"} or {"errors": [...], "moreErrors"}. The events: one per generator
    // step (core/train/gan_task.hpp); the summary adds "records" ({"stepsRun": 0, ...} before any run).

    // options {"seed" (default 1), "temperature" (default 1; 0 = the most probable base)}
    // -> {"errors": [], "sequences": [...], "composition": [[A, C, G, T] per position]}
    std::string sample(int count, const std::string& options_json);
    // Samples `count` sequences (options as sample(), plus "strands": "forward" | "both", "shuffles") and
    // reports motifs::enrichment_json of `motif` in them.
    std::string motif_enrichment(const std::string& motif, int count, const std::string& options_json);
    // The generator on given noise (no sampling): noise_json [[z_1 .. z_noise] per sequence], finite numbers,
    // 1 to 100000 rows -> {"errors": [], "probabilities": [[[A, C, G, T] per position] per row]}; errors name
    // "noise", "noise[i]" or "noise[i][j]". What an exported generator (PyTorch, ONNX) is compared against.
    std::string generate_from_noise(const std::string& noise_json);

protected:
    spec::RunOptions run_defaults() const override;
    Training prepare_training(const std::string& sequences_text, const nlohmann::json& options,
                              const spec::RunOptions& run) override;
    void complete_summary(nlohmann::json& summary) override;
    nlohmann::json untrained_summary() const override;
    std::string write_file(const nlohmann::json& metadata) const override;

private:
    nn::GanSpec spec_;
    std::unique_ptr<nn::Gan> gan_;
    std::size_t records_ = 0;
};

}  // namespace helix::api
