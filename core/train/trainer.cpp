// core/train/trainer.cpp: see trainer.hpp.
#include "trainer.hpp"

#include <algorithm>
#include <cmath>

#include "../ops/norm.hpp"
#include "../ops/ops.hpp"
#include "batches.hpp"

namespace helix::train {


Trainer::Trainer(nn::Model& model, infer::Examples examples, const nn::TrainingSpec& training,
                 const nn::OptimizerSpec& optimizer)
    : model_(model), ex_(std::move(examples)), spec_(training),
      optimizer_(optim::make_optimizer(optimizer, model.params())), rng_(training.seed),
      guard_(model.params())
{
    HELIX_ASSERT(ex_.heads == model_.heads() && ex_.labels.size() == ex_.size() * ex_.heads);
    std::vector<float> strata(ex_.size());  // the first head's label; a missing one is a stratum of its own
    for (std::size_t i = 0; i < ex_.size(); ++i) strata[i] = std::isnan(ex_.label(i, 0)) ? -1.0f : ex_.label(i, 0);
    Rng split_rng(training.seed * 0x9E3779B97F4A7C15ull + 1);
    split_ = stratified_split(strata, spec_.validation_fraction, spec_.test_fraction, split_rng);
    best_weights_ = model_.weights();
    if (split_.train.empty()) finished_ = true;
}

bool Trainer::improved(const infer::Scores& s) const
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
    if (validating_) return validate_chunk();
    if (batch_ == 0 && epoch_seen_ == 0) batches_ = make_batches(ex_.sequences, split_.train, spec_.batch_size, &rng_);
    const auto& batch = batches_[batch_];

    reuse_.next_step();
    guard_.save();  // before the forward pass, which moves batch norm's running statistics
    optimizer_->zero_grad();
    std::vector<Var> logits = model_.forward_heads(infer::encode_inputs(model_, ex_, batch), /*training=*/true, rng_);
    // The total loss: each head's mean over the records that have its label, times its weight.
    std::vector<Var> terms;
    for (std::size_t h = 0; h < logits.size(); ++h) {
        Tensor y, mask;
        if (!infer::head_targets(model_, ex_, h, batch, y, mask)) continue;
        const auto& head = model_.spec().heads[h];
        Var l = head.loss == "softmax_cross_entropy" ? ops::softmax_cross_entropy(logits[h], y, mask)
                                                     : ops::bce_with_logits(logits[h], y, mask);
        terms.push_back(head.weight == 1.0f ? l : ops::scale(l, head.weight));
    }
    if (terms.empty()) {  // no label of any head in this batch: nothing to learn from it
        ++batch_;
        nlohmann::json p = {{"type", "batch"}, {"epoch", epoch_ + 1}, {"epochs", spec_.epochs}, {"batch", batch_},
                            {"batches", batches_.size()},
                            {"loss", epoch_seen_ ? epoch_loss_ / static_cast<double>(epoch_seen_) : 0.0},
                            {"batchLoss", nullptr}};
        if (batch_ == batches_.size()) return after_last_batch(p);
        return p;
    }
    Var loss = terms.size() == 1 ? terms[0] : ops::add(terms);
    const float value = loss.value()(0);
    bool stepped = false;
    const std::string bad = checked_update(
        value, guard_.params(), [&] { backward(loss); }, [&] { optimizer_->step(); }, stepped);
    if (!bad.empty()) return stop_diverged(bad, stepped);
    epoch_loss_ += static_cast<double>(value) * static_cast<double>(batch.size());
    epoch_seen_ += batch.size();
    ++batch_;
    nlohmann::json p = {{"type", "batch"},       {"epoch", epoch_ + 1},
                        {"epochs", spec_.epochs}, {"batch", batch_},
                        {"batches", batches_.size()}, {"loss", epoch_loss_ / static_cast<double>(epoch_seen_)},
                        {"batchLoss", value}};
    if (batch_ == batches_.size()) return after_last_batch(p);
    return p;
}

nlohmann::json Trainer::after_last_batch(nlohmann::json batch_event)
{
    if (split_.validation.empty()) return end_epoch(nullptr);
    validating_ = true;
    validated_ = 0;
    val_prob_.assign(model_.heads(), {});
    return batch_event;
}

nlohmann::json Trainer::validate_chunk()
{
    const auto& v = split_.validation;
    const std::size_t end = std::min(validated_ + kValidationChunk, v.size());
    const std::vector<std::size_t> chunk(v.begin() + static_cast<std::ptrdiff_t>(validated_),
                                         v.begin() + static_cast<std::ptrdiff_t>(end));
    const std::vector<Tensor> prob = infer::predict_heads(model_, ex_, chunk);
    for (std::size_t h = 0; h < prob.size(); ++h) val_prob_[h].insert(val_prob_[h].end(), prob[h].begin(), prob[h].end());
    validated_ = end;
    if (validated_ < v.size())
        return {{"type", "validation"}, {"epoch", epoch_ + 1}, {"epochs", spec_.epochs}, {"done", validated_},
                {"total", v.size()}};
    validating_ = false;
    std::vector<Tensor> all;
    for (const auto& p : val_prob_) {
        const std::vector<std::size_t> shape = {v.size(), p.size() / v.size()};
        all.emplace_back(xt::adapt(p, shape));
    }
    const infer::HeadScores vh = infer::score_heads(model_, ex_, v, all);
    return end_epoch(&vh);
}

nlohmann::json Trainer::end_epoch(const infer::HeadScores* validation)
{
    const double train_loss = epoch_seen_ ? epoch_loss_ / static_cast<double>(epoch_seen_) : std::nan("");
    ++epoch_;
    batch_ = 0;
    epoch_loss_ = 0;
    epoch_seen_ = 0;
    nlohmann::json record = {{"epoch", epoch_}, {"loss", train_loss}};
    if (validation) {
        const infer::HeadScores& vh = *validation;
        const infer::Scores& v = vh.combined;
        auto val = infer::scores_json(model_, vh);
        if (val.contains("heads")) record["valHeads"] = val["heads"];
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

nlohmann::json Trainer::stop_diverged(const std::string& what, bool stepped)
{
    Divergence d = stop_at_divergence(guard_, stepped, epoch_ + 1, batch_ + 1, what, optimizer_->learning_rate);
    restored_ = true;  // the last good weights stay: not the best epoch's
    diverged_ = std::move(d.message);
    diverged_at_ = std::move(d.at);
    finish();
    return d.event;
}

void Trainer::finish()
{
    finished_ = true;
    if (restored_) return;
    // Before the first epoch ends there is no best epoch: a cancelled run keeps what it learnt.
    if (best_epoch_ > 0) model_.set_weights(best_weights_);
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
                {"test", infer::scores_json(model_, infer::score_heads(model_, ex_, split_.test))}};
    if (!diverged_.empty()) {
        summary_["error"] = diverged_;
        summary_["diverged"] = diverged_at_;
    }
    return summary_;
}

}  // namespace helix::train
