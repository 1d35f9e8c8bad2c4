// core/train/training_run.cpp: see training_run.hpp.
#include "training_run.hpp"

#include <cmath>

namespace helix::train {

namespace {

// A figure that is not a number (no records yet, an undefined score) is null in the JSON.
nlohmann::json number_or_null(double v)
{
    return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(nullptr);
}

}  // namespace

TrainingRun::TrainingRun(TrainingTask& task, RunOptions options)
    : task_(task),
      options_(std::move(options)),
      guard_(task.params()),
      stopping_(task.params(), options_.monitor, options_.patience, options_.epochs)
{
}

nlohmann::json TrainingRun::step()
{
    HELIX_ASSERT(!finished_);
    if (validating_) return validate_chunk();
    if (!in_epoch_) {
        batches_ = task_.start_epoch();
        HELIX_ASSERT(batches_ > 0);
        in_epoch_ = true;
    }
    reuse_.next_step();
    guard_.save();  // before the forward pass, which moves batch norm's running statistics
    const BatchOutcome outcome = task_.train_batch(batch_);
    if (!outcome.bad.empty()) return stop_diverged(outcome);
    if (!std::isnan(outcome.loss)) {
        epoch_loss_ += outcome.loss * static_cast<double>(outcome.count);
        epoch_seen_ += outcome.count;
    }
    ++batch_;
    nlohmann::json event = {
        {"type", "batch"},
        {"epoch", epoch_ + 1},
        {"epochs", options_.epochs},
        {"batch", batch_},
        {"batches", batches_},
        {"loss", number_or_null(epoch_seen_ ? epoch_loss_ / static_cast<double>(epoch_seen_) : std::nan(""))},
        {"batchLoss", number_or_null(outcome.loss)}};
    if (outcome.figures.is_object()) event.update(outcome.figures);
    if (batch_ < batches_) return event;
    if (task_.validation_size() == 0) return end_epoch(nullptr, &outcome.figures);
    validating_ = true;
    validated_ = 0;
    if (task_.validates_with_last_batch()) return validate_chunk();
    return event;
}

nlohmann::json TrainingRun::validate_chunk()
{
    const std::size_t total = task_.validation_size();
    validated_ = task_.validate(validated_);
    if (validated_ < total)
        return {{"type", "validation"},
                {"epoch", epoch_ + 1},
                {"epochs", options_.epochs},
                {"done", validated_},
                {"total", total}};
    validating_ = false;
    const ValidationScores scores = task_.validation_scores();
    return end_epoch(&scores);
}

nlohmann::json TrainingRun::end_epoch(const ValidationScores* validation, const nlohmann::json* batch_figures)
{
    const double train_loss = epoch_seen_ ? epoch_loss_ / static_cast<double>(epoch_seen_) : std::nan("");
    ++epoch_;
    batch_ = 0;
    in_epoch_ = false;
    epoch_loss_ = 0.0;
    epoch_seen_ = 0;
    nlohmann::json record = {{"epoch", epoch_}, {"loss", number_or_null(train_loss)}, {"valLoss", nullptr}};
    const nlohmann::json train_figures = task_.epoch_figures();
    if (train_figures.is_object()) record.update(train_figures);
    if (validation) record.update(validation->figures);
    if (options_.keep_best) stopping_.end_epoch(epoch_, validation ? &validation->monitored : nullptr);
    history_.push_back(record);
    if (epoch_ >= options_.epochs || stopping_.stop()) finish();
    nlohmann::json event = record;
    event["type"] = "epoch";
    event["epochs"] = options_.epochs;
    event["batch"] = batches_;
    event["batches"] = batches_;
    event["bestEpoch"] = stopping_.best_epoch();
    if (batch_figures && batch_figures->is_object())
        event.update(*batch_figures);  // the step's batch, e.g. a GAN step
    return event;
}

nlohmann::json TrainingRun::stop_diverged(const BatchOutcome& outcome)
{
    Divergence d = task_.divergence(guard_, outcome, epoch_ + 1, batch_ + 1);
    restored_ = true;  // the last good weights stay: not the best epoch's
    diverged_ = std::move(d.message);
    diverged_at_ = std::move(d.at);
    finish();
    return d.event;
}

void TrainingRun::cancel()
{
    if (finished_) return;
    cancelled_ = true;
    finish();
}

void TrainingRun::finish()
{
    finished_ = true;
    if (restored_) return;
    if (options_.keep_best) stopping_.restore();
    restored_ = true;
}

nlohmann::json TrainingRun::summary()
{
    if (!finished_) finish();
    if (!summary_.is_null()) return summary_;
    summary_ = {{"cancelled", cancelled_},
                {"stoppedEarly", stopping_.stop()},
                {"bestEpoch", stopping_.best_epoch()},
                {"epochsRun", epoch_},
                {"history", history_},
                {"monitor", options_.monitor},
                {"test", task_.test_scores()}};
    if (!diverged_.empty()) {
        summary_["error"] = diverged_;
        summary_["diverged"] = diverged_at_;
    }
    task_.add_to_summary(summary_);
    return summary_;
}

}  // namespace helix::train
