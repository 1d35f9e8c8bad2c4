// core/train/trainer.hpp: a training run driven one mini-batch at a time, so a caller (the CLI, the
// page's worker) can report progress and cancel between batches.
//   Trainer run(model, data, spec.training, spec.optimizer);   // data: labelled sequences
//   while (!run.finished()) report(run.step());                 // {"type": "batch"|"epoch", ...}
//   report(run.summary());                                      // best weights restored, test scores
// The data are split (seeded, stratified) into train / validation / test. After every epoch the
// validation set is scored, kValidationChunk records per step (events {"type": "validation", "done",
// "total"} until the last chunk's step returns the epoch), so no step is long enough to hold up a cancel; the best epoch by `monitor` is remembered and its weights restored at the
// end; training stops early after `patience` epochs without improvement. A NaN or infinite loss, gradient
// or weight stops the run at once with a message naming the epoch and batch and the learning rate, and
// puts back the weights from before that batch (divergence.hpp); summary() then has `diverged`.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "../data/sequence_set.hpp"
#include "../nn/model.hpp"
#include "../optim/optimizer.hpp"
#include "../tensor_reuse.hpp"
#include "divergence.hpp"
#include "../infer/evaluate.hpp"
#include "../infer/examples.hpp"
#include "split.hpp"

namespace helix::train {

class Trainer {
public:
    // `examples` must be fitted to the model (fit_to_model) with a label per head: 0 or 1, a class index
    // 0..K-1 for a softmax_cross_entropy head, or NaN where missing (left out of that head's loss).
    // The split is stratified on the first head's label.
    Trainer(nn::Model& model, infer::Examples examples, const nn::TrainingSpec& training, const nn::OptimizerSpec& optimizer);
    // A one-head DNA model.
    Trainer(nn::Model& model, std::vector<std::string> sequences, std::vector<float> labels,
            const nn::TrainingSpec& training, const nn::OptimizerSpec& optimizer)
        : Trainer(model, infer::sequence_examples(std::move(sequences), std::move(labels)), training, optimizer)
    {
    }

    bool finished() const { return finished_; }
    const Split& split() const { return split_; }  // which records are train, validation and test
    nlohmann::json step();  // one mini-batch; at an epoch's end also the validation scores
    void cancel();          // takes effect now; summary() then reports cancelled: true
    nlohmann::json summary();  // restores the best weights (once) and scores the test set

    static constexpr std::size_t kValidationChunk = 256;  // validation records predicted per step

private:
    nlohmann::json after_last_batch(nlohmann::json batch_event);  // starts the validation, or ends the epoch
    nlohmann::json validate_chunk();
    nlohmann::json end_epoch(const infer::HeadScores* validation);  // null: no validation set
    bool improved(const infer::Scores& s) const;
    void finish();
    nlohmann::json stop_diverged(const std::string& what, bool stepped);  // last good weights back; finishes

    nn::Model& model_;
    infer::Examples ex_;
    nn::TrainingSpec spec_;
    std::unique_ptr<optim::Optimizer> optimizer_;
    Rng rng_;
    Split split_;
    std::vector<std::vector<std::size_t>> batches_;
    std::size_t epoch_ = 0, batch_ = 0;
    double epoch_loss_ = 0;
    std::size_t epoch_seen_ = 0;
    bool validating_ = false;
    std::size_t validated_ = 0;                 // validation records predicted so far this epoch
    std::vector<std::vector<float>> val_prob_;  // per head, their probabilities (rows of the head's width)
    nlohmann::json history_ = nlohmann::json::array();
    std::vector<Tensor> best_weights_;
    infer::Scores best_;
    std::size_t best_epoch_ = 0, since_best_ = 0;
    bool finished_ = false, cancelled_ = false, stopped_early_ = false, restored_ = false;
    DivergenceGuard guard_;
    TensorReuse reuse_;  // last step's tensor buffers, taken back by the next
    std::string diverged_;
    nlohmann::json diverged_at_;  // {"epoch", "batch", "message"} once it diverged
    nlohmann::json summary_;
};

}  // namespace helix::train
