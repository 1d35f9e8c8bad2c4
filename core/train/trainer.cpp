// core/train/trainer.cpp: see trainer.hpp.
#include "trainer.hpp"

#include <cmath>

#include "../ops/ops.hpp"
#include "batches.hpp"

namespace helix::train {


Trainer::Trainer(nn::Model& model, std::vector<std::string> sequences, std::vector<float> labels,
                 const nn::TrainingSpec& training, const nn::OptimizerSpec& optimizer)
    : model_(model), sequences_(std::move(sequences)), labels_(std::move(labels)), spec_(training),
      optimizer_(optim::make_optimizer(optimizer, model.params())), rng_(training.seed)
{
    HELIX_ASSERT(sequences_.size() == labels_.size());
    Rng split_rng(training.seed * 0x9E3779B97F4A7C15ull + 1);
    split_ = stratified_split(labels_, spec_.validation_fraction, spec_.test_fraction, split_rng);
    best_weights_ = model_.weights();
    if (split_.train.empty()) finished_ = true;
}

bool Trainer::improved(const Scores& s) const
{
    if (best_epoch_ == 0) return true;
    // A tie on the monitored metric (AUROC and accuracy saturate at 1) is broken by validation loss.
    if (spec_.monitor == "val_loss") return s.loss < best_.loss;
    if (spec_.monitor == "val_accuracy")
        return s.accuracy > best_.accuracy || (s.accuracy == best_.accuracy && s.loss < best_.loss);
    if (std::isnan(best_.auroc)) return !std::isnan(s.auroc) || s.loss < best_.loss;
    return s.auroc > best_.auroc || (s.auroc == best_.auroc && s.loss < best_.loss);
}

nlohmann::json Trainer::step()
{
    HELIX_ASSERT(!finished_);
    if (batch_ == 0 && epoch_seen_ == 0) batches_ = make_batches(sequences_, split_.train, spec_.batch_size, &rng_);
    const auto& batch = batches_[batch_];
    Tensor x = encode_batch(sequences_, batch);
    const bool classes = model_.spec().loss == "softmax_cross_entropy";
    // Binary: targets (B, 1) of 0/1. K classes: class indices (B) as floats.
    Tensor y = classes ? Tensor(xt::empty<float>({batch.size()})) : Tensor(xt::empty<float>({batch.size(), std::size_t{1}}));
    for (std::size_t b = 0; b < batch.size(); ++b) y.data()[b] = labels_[batch[b]];

    optimizer_->zero_grad();
    Var logits = model_.forward(x, /*training=*/true, rng_);
    Var loss = classes ? ops::softmax_cross_entropy(logits, y) : ops::bce_with_logits(logits, y);
    const float value = loss.value()(0);
    if (!std::isfinite(value)) {
        diverged_ = "training stopped at epoch " + std::to_string(epoch_ + 1) + ", batch " +
                    std::to_string(batch_ + 1) + ": the loss became " + (std::isnan(value) ? "NaN" : "infinite") +
                    ". Try a smaller learning rate; the weights of the best epoch so far are kept.";
        finish();
        return {{"type", "error"}, {"message", diverged_}, {"epoch", epoch_ + 1}, {"batch", batch_ + 1}};
    }
    backward(loss);
    optimizer_->step();
    epoch_loss_ += static_cast<double>(value) * static_cast<double>(batch.size());
    epoch_seen_ += batch.size();
    ++batch_;
    nlohmann::json p = {{"type", "batch"},       {"epoch", epoch_ + 1},
                        {"epochs", spec_.epochs}, {"batch", batch_},
                        {"batches", batches_.size()}, {"loss", epoch_loss_ / static_cast<double>(epoch_seen_)},
                        {"batchLoss", value}};
    if (batch_ == batches_.size()) return end_epoch();
    return p;
}

nlohmann::json Trainer::end_epoch()
{
    const double train_loss = epoch_loss_ / static_cast<double>(epoch_seen_);
    ++epoch_;
    batch_ = 0;
    epoch_loss_ = 0;
    epoch_seen_ = 0;
    nlohmann::json record = {{"epoch", epoch_}, {"loss", train_loss}};
    if (!split_.validation.empty()) {
        Scores v = score(model_, sequences_, labels_, split_.validation);
        auto val = scores_json(v);
        record["valLoss"] = val["loss"];
        record["valAccuracy"] = val["accuracy"];
        record["valAuroc"] = val["auroc"];
        record["valAuprc"] = val["auprc"];
        if (improved(v)) {
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
    p["batches"] = batches_.size();
    p["batch"] = batches_.size();
    p["bestEpoch"] = best_epoch_;
    return p;
}

void Trainer::cancel()
{
    if (finished_) return;
    cancelled_ = true;
    finish();
}

void Trainer::finish()
{
    finished_ = true;
    if (restored_) return;
    // Before the first epoch ends there is no best epoch: a cancelled run keeps what it learnt, a
    // diverged one goes back to its initial weights (its current ones hold NaN).
    if (best_epoch_ > 0 || !diverged_.empty()) model_.set_weights(best_weights_);
    restored_ = true;
}

nlohmann::json Trainer::summary()
{
    if (!finished_) finish();
    if (!summary_.is_null()) return summary_;
    summary_ = {{"cancelled", cancelled_},
                {"stoppedEarly", stopped_early_},
                {"bestEpoch", best_epoch_},
                {"epochsRun", epoch_},
                {"history", history_},
                {"split",
                 {{"train", split_.train.size()}, {"validation", split_.validation.size()},
                  {"test", split_.test.size()}}},
                {"monitor", spec_.monitor},
                {"test", scores_json(score(model_, sequences_, labels_, split_.test))}};
    if (!diverged_.empty()) summary_["error"] = diverged_;
    return summary_;
}

}  // namespace helix::train
