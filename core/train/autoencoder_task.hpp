// core/train/autoencoder_task.hpp: training an autoencoder (core/nn/autoencoder.hpp) on an expression matrix
// as a TrainingTask (training_task.hpp) of the one training loop:
//   AutoencoderTask task(model, values, split, spec.training, optimizer);  // values: N × G, after the
//   transform TrainingRun run(task, autoencoder_run_options(spec.training));
// Each batch is corrupted as the spec says and scored by its reconstruction loss; the monitored figure is the
// validation loss (masked_mse: of entries hidden with a fixed seed, so every epoch hides the same ones).
#pragma once

#include <memory>
#include <vector>

#include "../nn/autoencoder.hpp"
#include "../optim/optimizer.hpp"
#include "split.hpp"
#include "training_run.hpp"
#include "training_task.hpp"

namespace helix::train {

// The seeded random train / validation / test split of N cells by the spec's fractions (each part with a
// non-zero fraction gets at least one cell when N >= 3): the same seed and N give the same split.
Split autoencoder_split(std::size_t N, const nn::TrainingSpec& training);

// Which entries are hidden when validation and test cells are scored: fixed by the training seed, so every
// epoch's validation loss, the summary and a later `evaluate` hide the same entries.
inline std::uint64_t validation_mask_seed(const nn::TrainingSpec& t)
{
    return t.seed * 0x9E3779B97F4A7C15ull + 3;
}
inline std::uint64_t test_mask_seed(const nn::TrainingSpec& t)
{
    return t.seed * 0x9E3779B97F4A7C15ull + 4;
}

// An autoencoder always monitors its validation loss.
inline RunOptions autoencoder_run_options(const nn::TrainingSpec& t)
{
    return {t.epochs, t.patience, "val_loss", true};
}

class AutoencoderTask : public TrainingTask {
public:
    // `values` must outlive the task; `split.train` must not be empty.
    AutoencoderTask(nn::Autoencoder& model, const std::vector<float>& values, Split split,
                    const nn::TrainingSpec& training, const nn::OptimizerSpec& optimizer);

    double validation_loss();  // the monitored loss on the validation cells (see core/nn/autoencoder.hpp)

    std::vector<nn::Param*> params() override { return model_.params(); }
    std::size_t start_epoch() override;
    BatchOutcome train_batch(std::size_t batch) override;
    std::size_t validation_size() const override { return split_.validation.size(); }
    // The whole validation set in one chunk: a masked loss hides entries of every validation cell at once.
    std::size_t validate(std::size_t done) override;
    ValidationScores validation_scores() override;
    bool validates_with_last_batch() const override { return true; }
    nlohmann::json test_scores() override;
    void add_to_summary(nlohmann::json& summary) override { summary["split"] = split_json(split_); }

private:
    nn::Autoencoder& model_;
    const std::vector<float>& values_;
    Split split_;
    nn::TrainingSpec spec_;
    std::unique_ptr<optim::Optimizer> optimizer_;
    Rng rng_;
    std::vector<std::size_t> order_;
    double val_loss_ = 0.0;
};

}  // namespace helix::train
