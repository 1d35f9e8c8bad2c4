// core/train/training_run.hpp: the one training loop of every model family, driven one step at a time so a
// caller (the CLI, the page's worker) can report progress and cancel between steps:
//   SequenceTask task(model, examples, training, optimizer);    // a family's TrainingTask
//   (training_task.hpp) TrainingRun run(task, {epochs, patience, monitor}); while (!run.finished())
//   report(run.step());                 // one event per step (below) report(run.summary()); // best weights
//   restored, test scores
// A step is one training batch, or one chunk of an epoch's validation. Events, one schema for every family:
//   {"type": "batch", "epoch", "epochs", "batch", "batches", "loss" (the epoch's mean so far), "batchLoss",
//   ...}
//   {"type": "validation", "epoch", "epochs", "done", "total"}          a validation chunk that does not end
//   it
//   {"type": "epoch", "epoch", "epochs", "batch", "batches", "bestEpoch", "loss", "valLoss", ...}
//   {"type": "error", "message", "epoch", "batch"}                      training diverged (divergence.hpp)
// where "..." are the family's figures (task.train_batch's, epoch_figures', validation_scores'). The step of
// the epoch's last batch returns its batch event and the next steps score the validation set, a chunk each; a
// task whose validation is one quick chunk (validates_with_last_batch) scores it in that same step, and with
// no validation set that step returns the epoch event (carrying the batch's figures). Early stopping
// (early_stopping.hpp) picks the best epoch and stops after `patience` epochs without improvement. A NaN or
// infinite loss, gradient or weight stops the run at once, puts back the weights from before that batch and
// words the stop (task.divergence()). The summary: {"cancelled", "stoppedEarly", "bestEpoch", "epochsRun",
// "history": [epoch records], "monitor", "test", and "error" and "diverged": {"epoch", "batch", "message"}
// when it diverged} plus the family's fields.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "../tensor_reuse.hpp"
#include "divergence.hpp"
#include "early_stopping.hpp"
#include "training_task.hpp"

namespace helix::train {

struct RunOptions {
    std::size_t epochs = 1;
    std::size_t patience = 0;          // 0: never stop early
    std::string monitor = "val_loss";  // early_stopping.hpp
    bool keep_best = true;             // false: the weights stay as the last step left them (a GAN)
};

class TrainingRun {
public:
    // `task` must outlive the run.
    TrainingRun(TrainingTask& task, RunOptions options);

    bool finished() const { return finished_; }
    std::size_t epochs_run() const { return epoch_; }
    nlohmann::json step();
    void cancel();             // takes effect now; summary() then reports cancelled: true
    nlohmann::json summary();  // restores the best weights (once) and scores the test set

private:
    nlohmann::json validate_chunk();
    // validation null: no validation set. batch_figures: the family figures of the batch whose step ends the
    // epoch (no validation set), merged into the epoch event.
    nlohmann::json end_epoch(const ValidationScores* validation,
                             const nlohmann::json* batch_figures = nullptr);
    nlohmann::json stop_diverged(const BatchOutcome& outcome);
    void finish();

    TrainingTask& task_;
    RunOptions options_;
    DivergenceGuard guard_;
    EarlyStopping stopping_;
    TensorReuse reuse_;  // last step's tensor buffers, taken back by the next
    std::size_t epoch_ = 0, batch_ = 0, batches_ = 0;
    double epoch_loss_ = 0.0;
    std::size_t epoch_seen_ = 0;
    bool in_epoch_ = false, validating_ = false;
    std::size_t validated_ = 0;
    bool finished_ = false, cancelled_ = false, restored_ = false;
    nlohmann::json history_ = nlohmann::json::array();
    std::string diverged_;
    nlohmann::json diverged_at_;
    nlohmann::json summary_;
};

}  // namespace helix::train
