// core/train/training_task.hpp: what a model family supplies to the one training loop (training_run.hpp).
//
// Adding a model family: write a TrainingTask (core/train/<family>_task.{hpp,cpp}) that
//   - owns its optimizer(s), built from the run's options (start_training's options over the spec's),
//   - params():          the parameters the divergence guard watches and early stopping keeps (all of them,
//                        running statistics included),
//   - start_epoch():     shuffles and plans the epoch's batches; returns how many there are,
//   - train_batch(b):    one forward, backward and optimizer step through checked_update (divergence.hpp);
//                        returns the batch's loss, its record count and the event's family figures,
//   - validation_size(), validate(done), validation_scores(): the validation set scored a chunk per call (a
//                        chunk small enough that a cancel is never held up long), then its figures (a family
//                        without validation keeps the defaults: none),
//   - test_scores():     the summary's "test",
// and optionally validates_with_last_batch() (a one-chunk validation scored in the last batch's step),
// epoch_figures() (train figures for the epoch record), add_to_summary() (family fields of the
// summary) and divergence() (a family that words its stop differently, as a GAN does). The TrainingRun does
// the rest: epochs, the divergence guard, tensor reuse, history, events, early stopping, cancel, the summary.
#pragma once

#include <cmath>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "../nn/layer.hpp"
#include "divergence.hpp"
#include "early_stopping.hpp"

namespace helix::train {

// What one training batch did.
struct BatchOutcome {
    std::string bad;             // "" or what became NaN or infinite (DivergenceGuard's words)
    bool stepped = false;        // the optimizer step ran (a bad weight then comes from this batch)
    double learning_rate = 0.0;  // of the optimizer at fault, for the divergence message
    double loss = std::nan("");  // the batch's mean loss; NaN when the batch had nothing to learn from
    std::size_t count = 0;       // records in the batch: the weight of its loss in the epoch's mean
    nlohmann::json figures;      // the family's extras for the batch event (null: none)
};

// An epoch's validation figures: what early stopping monitors, and the epoch record's fields ("valLoss",
// ...).
struct ValidationScores {
    Monitored monitored;
    nlohmann::json figures = nlohmann::json::object();
};

class TrainingTask {
public:
    virtual ~TrainingTask() = default;

    virtual std::vector<nn::Param*> params() = 0;
    virtual std::size_t start_epoch() = 0;
    virtual BatchOutcome train_batch(std::size_t batch) = 0;  // batch: 0-based within the epoch

    // A family without a validation set (a GAN) keeps these defaults.
    virtual std::size_t validation_size() const { return 0; }  // 0: no validation set
    // Predicts the validation records from `done` on, one chunk; returns how many are done after it.
    virtual std::size_t validate(std::size_t done) { return done; }
    virtual ValidationScores validation_scores() { return {}; }  // after the last chunk
    // True: the first validation chunk is scored in the step of the epoch's last batch, so a validation of
    // one chunk (a full-graph forward pass) makes an epoch one step.
    virtual bool validates_with_last_batch() const { return false; }

    virtual nlohmann::json epoch_figures()
    {
        return nullptr;
    }  // e.g. the train accuracy, into the epoch record
    virtual nlohmann::json test_scores() = 0;
    virtual void add_to_summary(nlohmann::json& /*summary*/) {}

    // The stop at a non-finite value: restores the last good weights and words the message and the event.
    // `epoch` and `batch` are 1-based. The default is stop_at_divergence.
    virtual Divergence divergence(const DivergenceGuard& guard, const BatchOutcome& outcome,
                                  std::size_t epoch, std::size_t batch)
    {
        return stop_at_divergence(guard, outcome.stepped, epoch, batch, outcome.bad, outcome.learning_rate);
    }
};

}  // namespace helix::train
