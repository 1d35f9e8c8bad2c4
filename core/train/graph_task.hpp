// core/train/graph_task.hpp: training a GCN (core/nn/graph_model.hpp) as a TrainingTask (training_task.hpp)
// of the one training loop:
//   GraphTask task(model, input, training, optimizer);   // input: the loaded graph (graph_scores.hpp)
//   TrainingRun run(task, graph_run_options(training));
// Node classification: an epoch is one full-batch step on the labelled train nodes. Graph classification: an
// epoch walks the train graphs in shuffled mini-batches of training.batch_size graphs (one block-diagonal
// graph per batch). weight_decay is an L2 penalty on the chosen weights (graph_model.hpp), not AdamW decay.
// Node classification scores its validation nodes in one chunk (a GCN's forward pass takes the whole graph),
// in the step of the epoch's last batch: an epoch is one step. Graph classification scores its validation
// graphs a chunk of training.batch_size graphs per step (the first in the last batch's step), so that a
// cancel gets in between. Epoch records add "trainAccuracy" (with
// dropout, before each step) and "valAccuracy".
#pragma once

#include <memory>
#include <vector>

#include "../nn/graph_model.hpp"
#include "../optim/optimizer.hpp"
#include "graph_scores.hpp"
#include "training_run.hpp"
#include "training_task.hpp"

namespace helix::train {

inline RunOptions graph_run_options(const nn::GraphTrainingSpec& t)
{
    return {t.epochs, t.patience, t.monitor, true};
}

class GraphTask : public TrainingTask {
public:
    // `model` and `input` must outlive the task; the train split must hold a labelled node (or graph).
    GraphTask(nn::GraphModel& model, const GraphInput& input, const nn::GraphTrainingSpec& training,
              const nn::OptimizerSpec& optimizer);

    std::vector<nn::Param*> params() override { return model_.params(); }
    std::size_t start_epoch() override;
    BatchOutcome train_batch(std::size_t batch) override;
    std::size_t validation_size() const override { return validation_size_; }
    std::size_t validate(std::size_t done) override;
    ValidationScores validation_scores() override;
    bool validates_with_last_batch() const override { return true; }
    nlohmann::json epoch_figures() override;
    nlohmann::json test_scores() override;

private:
    BatchOutcome train_graphs(std::size_t batch);  // graph classification
    BatchOutcome train_nodes();                    // node classification
    void update();                                 // L2 on the decayed weights, then one optimizer step

    nn::GraphModel& model_;
    const GraphInput& in_;
    nn::GraphTrainingSpec spec_;
    float weight_decay_ = 0.0f;
    std::unique_ptr<optim::Optimizer> optimizer_;
    Rng rng_;  // dropout masks, the order of the train graphs
    bool graph_task_ = false;
    std::size_t validation_size_ = 0;
    std::vector<std::size_t> order_;       // graph classification: this epoch's shuffled train graphs
    std::vector<std::size_t> val_graphs_;  // graph classification: the labelled validation graphs
    std::size_t correct_ = 0, seen_ = 0;
    double train_accuracy_ = 0.0;
    GraphScores validation_;    // node classification
    GraphScoring val_scoring_;  // graph classification, a chunk at a time
};

}  // namespace helix::train
