// core/train/gan_trainer.hpp: adversarial training of a Gan (core/nn/gan.hpp), driven one generator step at a
// time like Trainer, so a caller can report progress and cancel between steps:
//   GanTrainer run(gan, sequences, spec.training, "TGATAA");  // sequences: all of length spec.length
//   while (!run.finished()) report(run.step());                // {"type": "step", "dLoss", "gLoss", ...}
//   report(run.summary());                                     // loss history, motif enrichment of samples
// A step is d_steps discriminator steps, each on the next real mini-batch and as many generated sequences,
// then one generator step. Losses (Goodfellow et al. 2014, with the non-saturating generator loss):
//   D: bce(D(x), 1 - label_smoothing) + bce(D(G(z)), 0)   the generated batch is a constant here
//   G: bce(D(G(z)), 1) = -log sigmoid(D(G(z)))             only G's weights step
// Real batches walk a shuffled order of the data, reshuffled at each epoch's end (one epoch = every full batch
// once; a data set smaller than batch_size is one batch). A NaN or infinite loss, gradient or weight stops the
// run with a message naming the epoch, the step, the network and its learning rate, and puts back both
// networks' weights from before that step (divergence.hpp).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "../nn/gan.hpp"
#include "../optim/optimizer.hpp"
#include "../tensor_reuse.hpp"
#include "divergence.hpp"

namespace helix::train {

class GanTrainer {
public:
    // `motif` (A, C, G, T; may be empty) makes summary() report its enrichment in sampled sequences.
    GanTrainer(nn::Gan& gan, std::vector<std::string> sequences, const nn::GanTrainingSpec& training,
               std::string motif = "");

    bool finished() const { return finished_; }
    std::size_t steps() const { return steps_; }
    // {"type": "step", "step", "steps", "epoch", "dLoss", "gLoss", "dReal", "dFake"}: the losses of this step
    // (dLoss of its last discriminator step) and D's mean probability of "real" on the real and generated
    // batches of that discriminator step. {"type": "error", "message", "epoch", "step"} when a loss, gradient or
    // weight is not finite.
    nlohmann::json step();
    void cancel();
    // {"stepsRun", "steps", "epochs", "cancelled", "history": [step records], "error" and "diverged": {epoch,
    //  batch (the step), message} when it diverged,
    //  "enrichment": {motif, sequences, observed, withMotif, shuffled, ratio, strands} when a motif was given}.
    nlohmann::json summary();

    static constexpr std::size_t kEnrichmentSamples = 1000;  // sequences sampled for the summary's figure

private:
    Tensor next_real_batch();
    std::size_t epoch() const;  // the epoch of the last real batch taken (1-based)
    // What went wrong in a discriminator (`d`) or generator step, or "" (then the step was taken).
    std::string discriminator_step(std::size_t B, double& d_loss, double& d_real, double& d_fake);
    std::string generator_step(std::size_t B, double& g_loss);

    nn::Gan& gan_;
    std::vector<std::string> sequences_;
    nn::GanTrainingSpec spec_;
    std::string motif_;
    std::unique_ptr<optim::Optimizer> d_optimizer_, g_optimizer_;
    Rng rng_;
    std::vector<std::size_t> order_;
    std::size_t batch_size_ = 0, batches_per_epoch_ = 0, cursor_ = 0, batches_seen_ = 0;
    std::size_t step_ = 0, steps_ = 0;
    bool finished_ = false, cancelled_ = false, updated_ = false;  // updated_: this step has stepped a network
    DivergenceGuard guard_;
    TensorReuse reuse_;  // last step's tensor buffers, taken back by the next
    std::string diverged_;
    nlohmann::json diverged_at_;
    nlohmann::json history_ = nlohmann::json::array();
};

}  // namespace helix::train
