// core/train/autoencoder_trainer.hpp: training an autoencoder one mini-batch at a time, as trainer.hpp trains a
// sequence model, so the CLI and the page's worker can report progress and cancel between batches.
//   AutoencoderTrainer run(model, values, split, spec);   // values: N × G, row-major, after the transform
//   while (!run.finished()) report(run.step());          // {"type": "batch"|"epoch"|"error", ...}
//   report(run.summary());                                // best weights restored, test scores
// Each batch is corrupted as the spec says (core/nn/autoencoder.hpp) and scored by its reconstruction loss.
// After every epoch the validation loss is computed; the best epoch's weights are kept and restored at the end;
// training stops after `patience` epochs without improvement, when cancelled, or at once on a NaN or infinite
// loss, gradient or weight: a message names the epoch, the batch and the learning rate, the weights from before
// that batch are put back (divergence.hpp), and summary() has `diverged`.
#pragma once

#include <memory>
#include <vector>

#include <nlohmann/json.hpp>

#include "../nn/autoencoder.hpp"
#include "../optim/optimizer.hpp"
#include "../tensor_reuse.hpp"
#include "divergence.hpp"
#include "split.hpp"

namespace helix::train {

// The seeded random train / validation / test split of N cells by the spec's fractions (each part with a
// non-zero fraction gets at least one cell when N >= 3): the same seed and N give the same split.
Split autoencoder_split(std::size_t N, const nn::TrainingSpec& training);

class AutoencoderTrainer {
public:
    // `values` must outlive the trainer; `split.train` must not be empty.
    AutoencoderTrainer(nn::Autoencoder& model, const std::vector<float>& values, Split split,
                       const nn::TrainingSpec& training, const nn::OptimizerSpec& optimizer);

    bool finished() const { return finished_; }
    nlohmann::json step();
    void cancel();
    nlohmann::json summary();  // {cancelled, stoppedEarly, bestEpoch, epochsRun, history, split, test, error?, diverged?}
    double validation_loss();  // the monitored loss on the validation cells (see core/nn/autoencoder.hpp)

private:
    nlohmann::json end_epoch();
    void finish();
    nlohmann::json stop_diverged(const std::string& what, bool stepped);  // last good weights back; finishes

    nn::Autoencoder& model_;
    const std::vector<float>& values_;
    Split split_;
    nn::TrainingSpec spec_;
    std::unique_ptr<optim::Optimizer> optimizer_;
    Rng rng_;
    std::vector<std::size_t> order_;
    std::size_t epoch_ = 0, batch_ = 0, batches_ = 0;
    double epoch_loss_ = 0.0;
    std::size_t epoch_seen_ = 0;
    nlohmann::json history_ = nlohmann::json::array();
    std::vector<Tensor> best_weights_;
    double best_ = 0.0;
    std::size_t best_epoch_ = 0, since_best_ = 0;
    bool finished_ = false, cancelled_ = false, stopped_early_ = false, restored_ = false;
    DivergenceGuard guard_;
    TensorReuse reuse_;  // last step's tensor buffers, taken back by the next
    std::string diverged_;
    nlohmann::json diverged_at_;
    nlohmann::json summary_;
};

}  // namespace helix::train

namespace helix::train {
// Which entries are hidden when validation and test cells are scored: fixed by the training seed, so every
// epoch's validation loss, the summary and a later `evaluate` hide the same entries.
inline std::uint64_t validation_mask_seed(const nn::TrainingSpec& t) { return t.seed * 0x9E3779B97F4A7C15ull + 3; }
inline std::uint64_t test_mask_seed(const nn::TrainingSpec& t) { return t.seed * 0x9E3779B97F4A7C15ull + 4; }
}  // namespace helix::train
