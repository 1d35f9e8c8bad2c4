// core/train/gan_task.hpp: adversarial training of a Gan (core/nn/gan.hpp) as a TrainingTask
// (training_task.hpp) of the one training loop; a batch of the loop is one GAN step:
//   GanTask task(gan, sequences, spec.training, d_optimizer, g_optimizer, "TGATAA");  // sequences: all
//   spec.length TrainingRun run(task, task.run_options());
// A step is d_steps discriminator steps, each on the next real mini-batch and as many generated sequences,
// then one generator step. Losses (Goodfellow et al. 2014, with the non-saturating generator loss):
//   D: bce(D(x), 1 - label_smoothing) + bce(D(G(z)), 0)   the generated batch is a constant here
//   G: bce(D(G(z)), 1) = -log sigmoid(D(G(z)))             only G's weights step
// Real batches walk a shuffled order of the data, reshuffled when it runs out (a data set smaller than
// batch_size is one batch). The loop's epoch is steps_per_epoch() steps, about one pass over the data. There
// is no validation set: the weights stay as the last step left them. A NaN or infinite loss, gradient or
// weight stops the run with a message naming the epoch, the step, the network and its learning rate, and puts
// back both networks' weights from before that step. Events: the loop's (training_run.hpp), {"type": "batch"}
// for a step and {"type": "epoch"} for an epoch's last step, each with {"step", "steps", "dLoss", "gLoss",
// "dReal", "dFake"} (the losses of this step, dLoss of its last discriminator step, and D's mean probability
// of "real" on the real and generated batches of that step);
// {"type": "error", "message", "epoch", "step"} when it diverged. The summary adds {"stepsRun", "steps",
// "epochs" (passes over the data), "history": [step records], "enrichment": {motif, sequences, observed,
// withMotif, shuffled, ratio, strands} when a motif was given}.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "../nn/gan.hpp"
#include "../optim/optimizer.hpp"
#include "training_run.hpp"
#include "training_task.hpp"

namespace helix::train {

class GanTask : public TrainingTask {
public:
    // `motif` (A, C, G, T; may be empty) makes the summary report its enrichment in sampled sequences.
    GanTask(nn::Gan& gan, std::vector<std::string> sequences, const nn::GanTrainingSpec& training,
            const nn::OptimizerSpec& d_optimizer, const nn::OptimizerSpec& g_optimizer,
            std::string motif = "");

    std::size_t steps() const { return steps_; }
    std::size_t steps_per_epoch() const { return steps_per_epoch_; }
    RunOptions run_options() const;  // (steps + steps_per_epoch - 1) / steps_per_epoch epochs, no best epoch

    static constexpr std::size_t kEnrichmentSamples = 1000;  // sequences sampled for the summary's figure

    std::vector<nn::Param*> params() override { return gan_.params(); }
    std::size_t start_epoch() override;
    BatchOutcome train_batch(std::size_t batch) override;
    nlohmann::json test_scores() override { return nullptr; }
    void add_to_summary(nlohmann::json& summary) override;
    Divergence divergence(const DivergenceGuard& guard, const BatchOutcome& outcome, std::size_t epoch,
                          std::size_t batch) override;

private:
    Tensor next_real_batch();
    // What went wrong in a discriminator or generator step, or "" (then the step was taken).
    std::string discriminator_step(std::size_t B, double& d_loss, double& d_real, double& d_fake,
                                   bool& stepped);
    std::string generator_step(std::size_t B, double& g_loss, bool& stepped);

    nn::Gan& gan_;
    std::vector<std::string> sequences_;
    nn::GanTrainingSpec spec_;
    std::string motif_;
    std::unique_ptr<optim::Optimizer> d_optimizer_, g_optimizer_;
    Rng rng_;
    std::vector<std::size_t> order_;
    std::size_t batch_size_ = 0, batches_per_epoch_ = 0, cursor_ = 0, batches_seen_ = 0;
    std::size_t step_ = 0, steps_ = 0, steps_per_epoch_ = 1;
    std::string culprit_;  // the network of the update that went bad
    nlohmann::json history_ = nlohmann::json::array();
};

}  // namespace helix::train
