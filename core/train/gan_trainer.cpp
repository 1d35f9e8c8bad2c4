// core/train/gan_trainer.cpp: see gan_trainer.hpp.
#include "gan_trainer.hpp"

#include <cmath>
#include <numeric>

#include "../motifs/motif_enrichment.hpp"
#include "../ops/ops.hpp"
#include "batches.hpp"

namespace helix::train {

namespace {

Tensor filled(std::size_t n, float value)
{
    Tensor t = Tensor::from_shape({n, std::size_t{1}});
    t.fill(value);
    return t;
}

double mean_probability(const Tensor& logits)
{
    double s = 0.0;
    for (float z : logits) s += 1.0 / (1.0 + std::exp(-static_cast<double>(z)));
    return logits.size() ? s / static_cast<double>(logits.size()) : 0.0;
}

}  // namespace

GanTrainer::GanTrainer(nn::Gan& gan, std::vector<std::string> sequences, const nn::GanTrainingSpec& training,
                       std::string motif)
    : gan_(gan), sequences_(std::move(sequences)), spec_(training), motif_(std::move(motif)),
      d_optimizer_(optim::make_optimizer(gan.spec().discriminator.optimizer, gan.discriminator_params())),
      g_optimizer_(optim::make_optimizer(gan.spec().generator.optimizer, gan.generator_params())),
      rng_(training.seed), guard_(gan.params())
{
    HELIX_ASSERT(!sequences_.empty());
    for (const auto& s : sequences_) HELIX_ASSERT(s.size() == gan.spec().length);
    batch_size_ = std::min(spec_.batch_size, sequences_.size());
    batches_per_epoch_ = sequences_.size() / batch_size_;
    steps_ = spec_.steps ? spec_.steps : spec_.epochs * std::max<std::size_t>(1, batches_per_epoch_ / spec_.d_steps);
    order_.resize(sequences_.size());
    std::iota(order_.begin(), order_.end(), std::size_t{0});
    rng_.shuffle(order_);
}

Tensor GanTrainer::next_real_batch()
{
    if (cursor_ + batch_size_ > order_.size()) {
        rng_.shuffle(order_);
        cursor_ = 0;
    }
    std::vector<std::size_t> batch(order_.begin() + cursor_, order_.begin() + cursor_ + batch_size_);
    cursor_ += batch_size_;
    ++batches_seen_;
    return encode_batch(sequences_, batch);
}

std::size_t GanTrainer::epoch() const
{
    return (std::max<std::size_t>(batches_seen_, 1) - 1) / std::max<std::size_t>(1, batches_per_epoch_) + 1;
}

std::string GanTrainer::discriminator_step(std::size_t B, double& d_loss, double& d_real, double& d_fake)
{
    const Tensor real = next_real_batch();
    // The generated batch is a constant for D's step: its values only, no tape back into G.
    const Tensor fake = gan_.generate(gan_.noise(B, rng_), /*training=*/true, rng_).value();
    d_optimizer_->zero_grad();
    Var real_logits = gan_.discriminate(Var(real), true, rng_);
    Var fake_logits = gan_.discriminate(Var(fake), true, rng_);
    Var loss_real = ops::bce_with_logits(real_logits, filled(B, 1.0f - spec_.label_smoothing));
    Var loss_fake = ops::bce_with_logits(fake_logits, filled(B, 0.0f));
    d_loss = static_cast<double>(loss_real.value()(0)) + static_cast<double>(loss_fake.value()(0));
    d_real = mean_probability(real_logits.value());
    d_fake = mean_probability(fake_logits.value());
    return checked_update(
        d_loss, gan_.discriminator_params(), [&] {
            backward(loss_real);
            backward(loss_fake);
        },
        [&] { d_optimizer_->step(); }, updated_);
}

std::string GanTrainer::generator_step(std::size_t B, double& g_loss)
{
    g_optimizer_->zero_grad();
    // D's weights get gradients here too; they are not stepped, and D's next zero_grad drops them.
    Var fake = gan_.generate(gan_.noise(B, rng_), true, rng_);
    Var loss = ops::bce_with_logits(gan_.discriminate(fake, true, rng_), filled(B, 1.0f));
    g_loss = loss.value()(0);
    return checked_update(
        g_loss, gan_.generator_params(), [&] { backward(loss); }, [&] { g_optimizer_->step(); }, updated_);
}

nlohmann::json GanTrainer::step()
{
    HELIX_ASSERT(!finished_);
    const std::size_t B = batch_size_;
    reuse_.next_step();
    guard_.save();  // both networks: a step that goes bad is undone whole
    double d_loss = 0.0, d_real = 0.0, d_fake = 0.0, g_loss = 0.0;
    std::string bad;
    const optim::Optimizer* culprit = d_optimizer_.get();
    updated_ = false;  // set by the first update of this step
    for (std::size_t k = 0; k < spec_.d_steps && bad.empty(); ++k) bad = discriminator_step(B, d_loss, d_real, d_fake);
    if (bad.empty()) {
        culprit = g_optimizer_.get();
        bad = generator_step(B, g_loss);
    }
    ++step_;
    if (!bad.empty()) {
        // Before any update of this step the weights at fault came from the step before.
        updated_ ? guard_.restore() : guard_.restore_previous();
        const std::string network = culprit == d_optimizer_.get() ? "discriminator" : "generator";
        diverged_ = divergence_message(epoch(), step_, "in a " + network + " update, " + bad, culprit->learning_rate,
                                       "step");
        diverged_at_ = divergence_json(epoch(), step_, diverged_);
        finished_ = true;
        return {{"type", "error"}, {"message", diverged_}, {"epoch", epoch()}, {"step", step_}};
    }
    nlohmann::json record = {{"step", step_}, {"dLoss", d_loss}, {"gLoss", g_loss}, {"dReal", d_real},
                             {"dFake", d_fake}};
    history_.push_back(record);
    record["type"] = "step";
    record["steps"] = steps_;
    record["epoch"] = epoch();
    if (step_ == steps_) finished_ = true;
    return record;
}

void GanTrainer::cancel()
{
    cancelled_ = !finished_;
    finished_ = true;
}

nlohmann::json GanTrainer::summary()
{
    nlohmann::json s = {{"stepsRun", step_},
                        {"steps", steps_},
                        {"epochs", static_cast<double>(batches_seen_) / std::max<std::size_t>(1, batches_per_epoch_)},
                        {"cancelled", cancelled_},
                        {"history", history_}};
    if (!diverged_.empty()) {
        s["error"] = diverged_;
        s["diverged"] = diverged_at_;
    }
    if (!motif_.empty() && diverged_.empty()) {
        const auto samples = gan_.sample(kEnrichmentSamples, spec_.seed, /*temperature=*/1.0f);
        const auto e = motifs::motif_enrichment(samples, motif_, /*both_strands=*/false, /*shuffles=*/10, spec_.seed);
        s["enrichment"] = motifs::enrichment_json(e, motif_);
    }
    return s;
}

}  // namespace helix::train
