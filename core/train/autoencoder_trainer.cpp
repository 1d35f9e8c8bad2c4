// core/train/autoencoder_trainer.cpp: see autoencoder_trainer.hpp.
#include "autoencoder_trainer.hpp"

#include <cmath>

#include "../ops/ops.hpp"
#include "imputation.hpp"

namespace helix::train {

Split autoencoder_split(std::size_t N, const nn::TrainingSpec& training)
{
    Rng rng(training.seed * 0x9E3779B97F4A7C15ull + 1);
    return stratified_split(std::vector<float>(N, 0.0f), training.validation_fraction, training.test_fraction, rng);
}

AutoencoderTrainer::AutoencoderTrainer(nn::Autoencoder& model, const std::vector<float>& values, Split split,
                                       const nn::TrainingSpec& training, const nn::OptimizerSpec& optimizer)
    : model_(model), values_(values), split_(std::move(split)), spec_(training),
      optimizer_(optim::make_optimizer(optimizer, model.params())), rng_(training.seed),
      guard_(model.params())
{
    HELIX_ASSERT(!split_.train.empty());
    best_weights_ = model_.weights();
    order_ = split_.train;
    batches_ = (order_.size() + spec_.batch_size - 1) / spec_.batch_size;
}

double AutoencoderTrainer::validation_loss()
{
    if (model_.spec().reconstruction == "masked_mse")
        return score_imputation(model_, values_, split_.validation, validation_mask_seed(spec_)).model_mse;
    return reconstruction_mse(model_, values_, split_.validation);
}

nlohmann::json AutoencoderTrainer::step()
{
    HELIX_ASSERT(!finished_);
    reuse_.next_step();
    if (batch_ == 0) rng_.shuffle(order_);
    const std::size_t G = model_.genes();
    const std::size_t begin = batch_ * spec_.batch_size, end = std::min(begin + spec_.batch_size, order_.size());
    const std::vector<std::size_t> rows(order_.begin() + static_cast<std::ptrdiff_t>(begin),
                                        order_.begin() + static_cast<std::ptrdiff_t>(end));
    const auto& spec = model_.spec();
    Tensor hidden;  // empty: nothing hidden
    if (spec.corruption.type == "mask")
        hidden = draw_hidden(values_, G, rows, spec.corruption.rate, spec.imputation.entries, rng_);
    Tensor x = model_.standardize(values_, rows, hidden);
    if (spec.corruption.type == "gaussian")
        for (float& v : x) v += spec.corruption.rate * rng_.normal();
    Tensor target = Tensor::from_shape({rows.size(), G});
    for (std::size_t i = 0; i < rows.size(); ++i)
        std::copy(values_.data() + rows[i] * G, values_.data() + (rows[i] + 1) * G, target.data() + i * G);

    guard_.save();
    optimizer_->zero_grad();
    Var out = model_.forward(x, /*training=*/true, rng_);
    // masked_mse: the loss counts only the hidden entries (a batch that hides none teaches nothing).
    Var loss = ops::mse(out, target, spec.reconstruction == "masked_mse" ? hidden : Tensor());
    const float value = loss.value()(0);
    bool stepped = false;
    const std::string bad = checked_update(
        value, guard_.params(), [&] { backward(loss); }, [&] { optimizer_->step(); }, stepped);
    if (!bad.empty()) return stop_diverged(bad, stepped);
    epoch_loss_ += static_cast<double>(value) * static_cast<double>(rows.size());
    epoch_seen_ += rows.size();
    ++batch_;
    if (batch_ == batches_) return end_epoch();
    return {{"type", "batch"}, {"epoch", epoch_ + 1}, {"epochs", spec_.epochs}, {"batch", batch_},
            {"batches", batches_}, {"loss", epoch_loss_ / static_cast<double>(epoch_seen_)}, {"batchLoss", value}};
}

nlohmann::json AutoencoderTrainer::end_epoch()
{
    const double train_loss = epoch_loss_ / static_cast<double>(epoch_seen_);
    ++epoch_;
    batch_ = 0;
    epoch_loss_ = 0.0;
    epoch_seen_ = 0;
    nlohmann::json record = {{"epoch", epoch_}, {"loss", train_loss}, {"valLoss", nullptr}};
    if (!split_.validation.empty()) {
        const double v = validation_loss();
        record["valLoss"] = v;
        if (best_epoch_ == 0 || v < best_) {
            best_ = v;
            best_epoch_ = epoch_;
            best_weights_ = model_.weights();
            since_best_ = 0;
        } else if (spec_.patience > 0 && ++since_best_ >= spec_.patience && epoch_ < spec_.epochs) {
            stopped_early_ = true;
        }
    } else {
        best_epoch_ = epoch_;  // nothing to choose on: the last epoch is the model
        best_weights_ = model_.weights();
    }
    history_.push_back(record);
    if (epoch_ >= spec_.epochs || stopped_early_) finish();
    nlohmann::json p = record;
    p["type"] = "epoch";
    p["epochs"] = spec_.epochs;
    p["batch"] = batches_;
    p["batches"] = batches_;
    p["bestEpoch"] = best_epoch_;
    return p;
}

void AutoencoderTrainer::cancel()
{
    if (finished_) return;
    cancelled_ = true;
    finish();
}

nlohmann::json AutoencoderTrainer::stop_diverged(const std::string& what, bool stepped)
{
    Divergence d = stop_at_divergence(guard_, stepped, epoch_ + 1, batch_ + 1, what, optimizer_->learning_rate);
    restored_ = true;  // the last good weights stay: not the best epoch's
    diverged_ = std::move(d.message);
    diverged_at_ = std::move(d.at);
    finish();
    return d.event;
}

void AutoencoderTrainer::finish()
{
    finished_ = true;
    if (restored_) return;
    // Before the first epoch ends there is no best epoch: a cancelled run keeps what it learnt.
    if (best_epoch_ > 0) model_.set_weights(best_weights_);
    restored_ = true;
}

nlohmann::json AutoencoderTrainer::summary()
{
    if (!finished_) finish();
    if (!summary_.is_null()) return summary_;
    nlohmann::json test = nullptr;
    if (!split_.test.empty()) {
        const ImputationScores s = score_imputation(model_, values_, split_.test, test_mask_seed(spec_));
        test = {{"reconstructionMse", reconstruction_mse(model_, values_, split_.test)},
                {"maskedMse", s.model_mse},
                {"meanImputationMse", s.baseline_mse},
                {"improvement", s.baseline_mse > 0 ? 1.0 - s.model_mse / s.baseline_mse : 0.0},
                {"hidden", s.hidden},
                {"cells", s.cells}};
    }
    summary_ = {{"cancelled", cancelled_},
                {"stoppedEarly", stopped_early_},
                {"bestEpoch", best_epoch_},
                {"epochsRun", epoch_},
                {"history", history_},
                {"split", {{"train", split_.train.size()}, {"validation", split_.validation.size()},
                           {"test", split_.test.size()}}},
                {"monitor", "val_loss"},
                {"test", test}};
    if (!diverged_.empty()) {
        summary_["error"] = diverged_;
        summary_["diverged"] = diverged_at_;
    }
    return summary_;
}

}  // namespace helix::train
