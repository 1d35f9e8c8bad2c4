// tests/core/test_training_run.cpp: the one training loop on a scripted task: the event schema, validation in
// chunks, early stopping with the best weights restored, a cancel in the middle of a validation, and a
// divergence that stops the run and puts back the last good weights.
#include <doctest/doctest.h>

#include <cmath>
#include <vector>

#include "core/train/training_run.hpp"

using namespace helix;
using nlohmann::json;

namespace {

// Each batch adds 1 to its one weight (so the weight counts the batches trained) and reports a scripted loss;
// an epoch is 3 batches; the validation set is 5 records scored 2 per chunk, with a scripted loss per epoch.
class ScriptedTask : public train::TrainingTask {
public:
    std::vector<double> val_losses;            // per epoch
    std::size_t nan_epoch = 0, nan_batch = 0;  // 1-based: this batch's loss is NaN (0: never)
    std::size_t validation_records = 5;
    std::size_t chunks = 0;
    bool with_last_batch = false;
    nn::Param w{"w", Var(Tensor(xt::zeros<float>({std::size_t{1}})), true)};

    float weight() const { return w.var.value()(0); }
    std::vector<nn::Param*> params() override { return {&w}; }
    std::size_t start_epoch() override
    {
        ++epoch_;
        return 3;
    }
    train::BatchOutcome train_batch(std::size_t batch) override
    {
        train::BatchOutcome o;
        o.learning_rate = 0.5;
        o.loss = epoch_ == nan_epoch && batch + 1 == nan_batch ? std::nan("")
                                                               : 1.0 / static_cast<double>(batch + 1);
        o.count = 10;
        o.bad = train::DivergenceGuard::check_loss(o.loss);
        if (!o.bad.empty()) return o;
        w.var.value()(0) += 1.0f;
        o.stepped = true;
        o.figures = {{"scripted", true}};
        return o;
    }
    std::size_t validation_size() const override { return validation_records; }
    std::size_t validate(std::size_t done) override
    {
        ++chunks;
        return std::min(done + 2, validation_records);
    }
    train::ValidationScores validation_scores() override
    {
        train::ValidationScores s;
        s.monitored.loss = val_losses.at(epoch_ - 1);
        s.figures = {{"valLoss", s.monitored.loss}};
        return s;
    }
    bool validates_with_last_batch() const override { return with_last_batch; }
    json epoch_figures() override { return {{"trainFigure", epoch_}}; }
    json test_scores() override { return {{"n", 0}}; }
    void add_to_summary(json& s) override { s["family"] = "scripted"; }

private:
    std::size_t epoch_ = 0;
};

std::vector<json> run_all(train::TrainingRun& run)
{
    std::vector<json> events;
    while (!run.finished()) events.push_back(run.step());
    return events;
}

}  // namespace

TEST_CASE("training run: one event schema: batches, validation chunks, then the epoch")
{
    ScriptedTask task;
    task.val_losses = {0.5, 0.4};
    train::TrainingRun run(task, {/*epochs=*/2, /*patience=*/0, "val_loss", true});
    const std::vector<json> events = run_all(run);
    REQUIRE(events.size() == 12);  // per epoch: 3 batches, 2 validation chunks that do not end it, the epoch
    for (std::size_t e = 0; e < 2; ++e) {
        for (std::size_t b = 0; b < 3; ++b) {
            const json& p = events[e * 6 + b];
            CHECK(p["type"] == "batch");
            CHECK(p["epoch"] == e + 1);
            CHECK(p["epochs"] == 2);
            CHECK(p["batch"] == b + 1);
            CHECK(p["batches"] == 3);
            CHECK(p["batchLoss"].get<double>() == doctest::Approx(1.0 / static_cast<double>(b + 1)));
            CHECK(p["scripted"] == true);  // the family's figures
        }
        CHECK(events[e * 6 + 1]["loss"].get<double>() == doctest::Approx(0.75));  // the epoch's running mean
        CHECK(events[e * 6 + 3] ==
              json({{"type", "validation"}, {"epoch", e + 1}, {"epochs", 2}, {"done", 2}, {"total", 5}}));
        CHECK(events[e * 6 + 4]["done"] == 4);
        const json& end = events[e * 6 + 5];
        CHECK(end["type"] == "epoch");
        CHECK(end["epoch"] == e + 1);
        CHECK(end["batch"] == 3);
        CHECK(end["batches"] == 3);
        CHECK(end["trainFigure"] == e + 1);
        CHECK(end["valLoss"].get<double>() == doctest::Approx(task.val_losses[e]));
        CHECK(end["bestEpoch"] == e + 1);
        CHECK(end["loss"].get<double>() == doctest::Approx((1.0 + 0.5 + 1.0 / 3.0) / 3.0));
    }
    CHECK(task.chunks == 6);
    const json s = run.summary();
    CHECK(s["epochsRun"] == 2);
    CHECK(s["bestEpoch"] == 2);
    CHECK(s["stoppedEarly"] == false);
    CHECK(s["cancelled"] == false);
    CHECK(s["monitor"] == "val_loss");
    CHECK(s["test"] == json({{"n", 0}}));
    CHECK(s["family"] == "scripted");
    REQUIRE(s["history"].size() == 2);
    CHECK(s["history"][1] ==
          json({{"epoch", 2}, {"loss", events[11]["loss"]}, {"valLoss", 0.4}, {"trainFigure", 2}}));
    CHECK_FALSE(s.contains("diverged"));
}

TEST_CASE("training run: without a validation set the last batch's step ends the epoch")
{
    ScriptedTask task;
    task.validation_records = 0;
    train::TrainingRun run(task, {/*epochs=*/1, 0, "val_loss", true});
    const std::vector<json> events = run_all(run);
    REQUIRE(events.size() == 3);
    CHECK(events[2]["type"] == "epoch");
    CHECK(events[2]["valLoss"].is_null());
    CHECK(events[2]["scripted"] == true);  // the last batch's figures ride on the epoch event
    CHECK(run.summary()["bestEpoch"] == 1);
}

TEST_CASE("training run: a task whose validation is one chunk can score it in the last batch's step")
{
    ScriptedTask task;
    task.val_losses = {0.5, 0.4};
    task.validation_records = 2;
    task.with_last_batch = true;
    train::TrainingRun run(task, {/*epochs=*/2, 0, "val_loss", true});
    const std::vector<json> events = run_all(run);
    REQUIRE(events.size() == 6);  // an epoch is its 3 batches' steps
    CHECK(events[2]["type"] == "epoch");
    CHECK(events[2]["valLoss"] == 0.5);
    CHECK(events[5]["type"] == "epoch");
    CHECK(task.chunks == 2);
}

TEST_CASE("training run: early stopping restores the best epoch's weights")
{
    ScriptedTask task;
    task.val_losses = {1.0, 0.5, 0.6, 0.7, 0.8};
    train::TrainingRun run(task, {/*epochs=*/5, /*patience=*/2, "val_loss", true});
    run_all(run);
    const json s = run.summary();
    CHECK(s["epochsRun"] == 4);
    CHECK(s["stoppedEarly"] == true);
    CHECK(s["bestEpoch"] == 2);
    CHECK(task.weight() == 6.0f);  // the weight after epoch 2's 6 batches
}

TEST_CASE("training run: a cancel during a validation stops at once and keeps the best epoch")
{
    ScriptedTask task;
    task.val_losses = {0.5, 0.1};
    train::TrainingRun run(task, {/*epochs=*/3, 0, "val_loss", true});
    // Epoch 1 (6 steps), then epoch 2's 3 batches and its first validation chunk.
    for (int i = 0; i < 10; ++i) run.step();
    CHECK(task.weight() == 6.0f);
    run.cancel();
    CHECK(run.finished());
    const json s = run.summary();
    CHECK(s["cancelled"] == true);
    CHECK(s["epochsRun"] == 1);
    CHECK(s["bestEpoch"] == 1);
    CHECK(task.weight() == 3.0f);  // epoch 1's weights: epoch 2 never finished its validation
    CHECK(task.chunks == 4);       // 3 in epoch 1, 1 in epoch 2: none after the cancel
}

TEST_CASE("training run: a cancel before the first epoch ends keeps what was learnt")
{
    ScriptedTask task;
    task.val_losses = {0.5};
    train::TrainingRun run(task, {/*epochs=*/2, 0, "val_loss", true});
    run.step();
    run.step();
    run.cancel();
    CHECK(run.summary()["epochsRun"] == 0);
    CHECK(run.summary()["bestEpoch"] == 0);
    CHECK(task.weight() == 2.0f);
}

TEST_CASE("training run: a NaN loss stops the run and puts back the weights the batch before started from")
{
    ScriptedTask task;
    task.val_losses = {0.5, 0.4, 0.3};
    task.nan_epoch = 2;
    task.nan_batch = 2;
    train::TrainingRun run(task, {/*epochs=*/3, 0, "val_loss", true});
    const std::vector<json> events = run_all(run);
    const json& error = events.back();
    CHECK(error["type"] == "error");
    CHECK(error["epoch"] == 2);
    CHECK(error["batch"] == 2);
    const std::string message = error["message"];
    CHECK(message.rfind("training stopped at epoch 2, batch 2: the loss became NaN. The learning rate 0.5",
                        0) == 0);
    // Epoch 1 left 3; batch 1 of epoch 2 made 4 from 3, and its NaN-loss successor came from that update.
    CHECK(task.weight() == 3.0f);
    const json s = run.summary();
    CHECK(s["error"] == message);
    CHECK(s["diverged"] == json({{"epoch", 2}, {"batch", 2}, {"message", message}}));
    CHECK(s["epochsRun"] == 1);
}
