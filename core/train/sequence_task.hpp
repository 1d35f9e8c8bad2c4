// core/train/sequence_task.hpp: training a sequence model (core/nn/model.hpp: DNA and feature inputs, one or
// more heads) as a TrainingTask (training_task.hpp) of the one training loop:
//   SequenceTask task(model, examples, spec.training, optimizer);   // examples: labelled records
//   TrainingRun run(task, {training.epochs, training.patience, training.monitor});
// The records are split (seeded, stratified on the first head's label) into train / validation / test. An
// epoch's batches group equal lengths (batches.hpp), shuffled; the loss is each head's mean over the records
// that have its label, times the head's weight, summed. Test scores add, per regression head, the test points
// (observed, predicted) and, per profile head, observed and predicted tracks of test regions with signal.
// Validation predicts kValidationChunk records per step.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "../infer/evaluate.hpp"
#include "../infer/examples.hpp"
#include "../nn/model.hpp"
#include "../optim/optimizer.hpp"
#include "split.hpp"
#include "training_run.hpp"
#include "training_task.hpp"

namespace helix::train {

class SequenceTask : public TrainingTask {
public:
    // `examples` must be fitted to the model (infer::fit_to_model) with a label per head: 0 or 1, a class
    // index 0..K-1 for a softmax_cross_entropy head, or NaN where missing (left out of that head's loss).
    SequenceTask(nn::Model& model, infer::Examples examples, const nn::TrainingSpec& training,
                 const nn::OptimizerSpec& optimizer);
    // A one-head DNA model.
    SequenceTask(nn::Model& model, std::vector<std::string> sequences, std::vector<float> labels,
                 const nn::TrainingSpec& training, const nn::OptimizerSpec& optimizer)
        : SequenceTask(model, infer::sequence_examples(std::move(sequences), std::move(labels)), training,
                       optimizer)
    {
    }

    const Split& split() const { return split_; }         // which records are train, validation and test
    static constexpr std::size_t kValidationChunk = 256;  // validation records predicted per step

    std::vector<nn::Param*> params() override { return model_.params(); }
    std::size_t start_epoch() override;
    BatchOutcome train_batch(std::size_t batch) override;
    std::size_t validation_size() const override { return split_.validation.size(); }
    std::size_t validate(std::size_t done) override;
    ValidationScores validation_scores() override;
    nlohmann::json test_scores() override;
    void add_to_summary(nlohmann::json& summary) override;

private:
    nn::Model& model_;
    infer::Examples ex_;
    nn::TrainingSpec spec_;
    std::unique_ptr<optim::Optimizer> optimizer_;
    Rng rng_;
    Split split_;
    std::vector<std::vector<std::size_t>> batches_;
    std::vector<std::vector<float>>
        val_prob_;  // per head, the validation probabilities so far (rows of its width)
};

// The run options of a sequence model's training section.
inline RunOptions run_options(const nn::TrainingSpec& t)
{
    return {t.epochs, t.patience, t.monitor, true};
}

}  // namespace helix::train
