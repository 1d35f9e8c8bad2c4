// core/train/gan_task.cpp: see gan_task.hpp.
#include "gan_task.hpp"

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

GanTask::GanTask(nn::Gan& gan, std::vector<std::string> sequences, const nn::GanTrainingSpec& training,
                 const nn::OptimizerSpec& d_optimizer, const nn::OptimizerSpec& g_optimizer,
                 std::string motif)
    : gan_(gan),
      sequences_(std::move(sequences)),
      spec_(training),
      motif_(std::move(motif)),
      d_optimizer_(optim::make_optimizer(d_optimizer, gan.discriminator_params())),
      g_optimizer_(optim::make_optimizer(g_optimizer, gan.generator_params())),
      rng_(training.seed)
{
    HELIX_ASSERT(!sequences_.empty());
    for (const auto& s : sequences_) HELIX_ASSERT(s.size() == gan.spec().length);
    batch_size_ = std::min(spec_.batch_size, sequences_.size());
    batches_per_epoch_ = sequences_.size() / batch_size_;
    steps_per_epoch_ = std::max<std::size_t>(1, batches_per_epoch_ / spec_.d_steps);
    steps_ = spec_.steps ? spec_.steps : spec_.epochs * steps_per_epoch_;
    order_.resize(sequences_.size());
    std::iota(order_.begin(), order_.end(), std::size_t{0});
    rng_.shuffle(order_);
}

RunOptions GanTask::run_options() const
{
    return {(steps_ + steps_per_epoch_ - 1) / steps_per_epoch_, /*patience=*/0, /*monitor=*/"",
            /*keep_best=*/false};
}

std::size_t GanTask::start_epoch()
{
    return std::min(steps_per_epoch_, steps_ - step_);
}

Tensor GanTask::next_real_batch()
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

std::string GanTask::discriminator_step(std::size_t B, double& d_loss, double& d_real, double& d_fake,
                                        bool& stepped)
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
        d_loss, gan_.discriminator_params(),
        [&] {
            backward(loss_real);
            backward(loss_fake);
        },
        [&] { d_optimizer_->step(); }, stepped);
}

std::string GanTask::generator_step(std::size_t B, double& g_loss, bool& stepped)
{
    g_optimizer_->zero_grad();
    // D's weights get gradients here too; they are not stepped, and D's next zero_grad drops them.
    Var fake = gan_.generate(gan_.noise(B, rng_), true, rng_);
    Var loss = ops::bce_with_logits(gan_.discriminate(fake, true, rng_), filled(B, 1.0f));
    g_loss = loss.value()(0);
    return checked_update(
        g_loss, gan_.generator_params(), [&] { backward(loss); }, [&] { g_optimizer_->step(); }, stepped);
}

BatchOutcome GanTask::train_batch(std::size_t /*batch*/)
{
    const std::size_t B = batch_size_;
    double d_loss = 0.0, d_real = 0.0, d_fake = 0.0, g_loss = 0.0;
    BatchOutcome out;  // out.stepped: set by the first update of this step
    culprit_ = "discriminator";
    out.learning_rate = d_optimizer_->learning_rate;
    for (std::size_t k = 0; k < spec_.d_steps && out.bad.empty(); ++k)
        out.bad = discriminator_step(B, d_loss, d_real, d_fake, out.stepped);
    if (out.bad.empty()) {
        culprit_ = "generator";
        out.learning_rate = g_optimizer_->learning_rate;
        out.bad = generator_step(B, g_loss, out.stepped);
    }
    ++step_;
    if (!out.bad.empty()) return out;
    nlohmann::json record = {
        {"step", step_}, {"dLoss", d_loss}, {"gLoss", g_loss}, {"dReal", d_real}, {"dFake", d_fake}};
    history_.push_back(record);
    out.figures = std::move(record);  // the page and the JS API draw a GAN's steps from "step" and "steps"
    out.figures["steps"] = steps_;
    return out;
}

Divergence GanTask::divergence(const DivergenceGuard& guard, const BatchOutcome& outcome, std::size_t epoch,
                               std::size_t /*batch*/)
{
    // Before any update of this step the weights at fault came from the step before.
    outcome.stepped ? guard.restore() : guard.restore_previous();
    Divergence d;
    d.message = divergence_message(epoch, step_, "in a " + culprit_ + " update, " + outcome.bad,
                                   outcome.learning_rate, "step");
    d.at = divergence_json(epoch, step_, d.message);
    d.event = {{"type", "error"}, {"message", d.message}, {"epoch", epoch}, {"step", step_}};
    return d;
}

void GanTask::add_to_summary(nlohmann::json& s)
{
    s.erase("monitor");  // no validation: nothing is monitored
    s["stepsRun"] = step_;
    s["steps"] = steps_;
    s["epochs"] = static_cast<double>(batches_seen_) /
                  static_cast<double>(std::max<std::size_t>(1, batches_per_epoch_));
    s["history"] = history_;
    if (!motif_.empty() && !s.contains("diverged")) {
        const auto samples = gan_.sample(kEnrichmentSamples, spec_.seed, /*temperature=*/1.0f);
        const auto e =
            motifs::motif_enrichment(samples, motif_, /*both_strands=*/false, /*shuffles=*/10, spec_.seed);
        s["enrichment"] = motifs::enrichment_json(e, motif_);
    }
}

}  // namespace helix::train
