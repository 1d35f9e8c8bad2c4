// tests/core/test_trainer.cpp: the training loop (TrainingRun over a SequenceTask) learns a planted motif,
// reports per batch and epoch, stops early, restores the best weights and cancels between batches.
#include <doctest/doctest.h>

#include "core/data/simulate.hpp"
#include "core/nn/model.hpp"
#include "core/train/sequence_task.hpp"
#include "core/train/training_run.hpp"

using namespace helix;

namespace {
// 40 bp sequences; half carry GATAAG at a random place (label 1): the simulator the tutorials use.
void planted(std::size_t n, std::uint64_t seed, std::vector<std::string>& seqs, std::vector<float>& labels)
{
    data::PlantedMotifOptions o;
    o.count = n;
    o.length = 40;
    o.motif = "GATAAG";
    o.seed = seed;
    data::SequenceSet set = data::simulate_planted_motif(o);
    seqs = set.sequences;
    labels = set.labels;
}
std::unique_ptr<nn::Model> cnn()
{
    auto r = nn::parse_spec_text(R"({"layers": [
        {"type": "conv1d", "name": "conv1", "filters": 8, "kernel_size": 6, "activation": "relu"},
        {"type": "global_max_pool"}, {"type": "dense", "name": "out", "units": 1}],
        "optimizer": {"type": "adam", "learning_rate": 0.01},
        "training": {"epochs": 15, "batch_size": 32, "patience": 3, "seed": 4}})");
    std::vector<nn::SpecError> errors;
    return nn::Model::build(r.spec, errors);
}
}  // namespace

TEST_CASE("trainer: a CNN learns a planted motif (held-out AUROC > 0.95)")
{
    std::vector<std::string> seqs;
    std::vector<float> labels;
    planted(600, 11, seqs, labels);
    auto m = cnn();
    train::SequenceTask task(*m, seqs, labels, m->spec().training, m->spec().optimizer);
    train::TrainingRun run(task, train::run_options(m->spec().training));
    std::size_t batches = 0, epochs = 0;
    while (!run.finished()) {
        auto p = run.step();
        (p["type"] == "epoch" ? epochs : batches) += 1;
    }
    auto s = run.summary();
    CHECK(s["test"]["n"] == 60);
    CHECK(s["test"]["auroc"].get<double>() > 0.95);
    CHECK(epochs == s["epochsRun"].get<std::size_t>());
    CHECK(batches > epochs);
    CHECK(s["bestEpoch"].get<std::size_t>() >= 1);
}

TEST_CASE("trainer: the best epoch's weights are restored at the end")
{
    std::vector<std::string> seqs;
    std::vector<float> labels;
    planted(200, 12, seqs, labels);
    auto m = cnn();
    train::SequenceTask task(*m, seqs, labels, m->spec().training, m->spec().optimizer);
    train::TrainingRun run(task, train::run_options(m->spec().training));
    while (!run.finished()) run.step();
    auto s = run.summary();
    const auto best = s["history"][s["bestEpoch"].get<std::size_t>() - 1];
    // Scoring the validation part again with the restored weights gives the best epoch's loss.
    auto v = infer::score(*m, seqs, labels, task.split().validation);
    CHECK(v.loss == doctest::Approx(best["valLoss"].get<double>()).epsilon(1e-6));
}

TEST_CASE("trainer: cancel stops at once and keeps what was learnt")
{
    std::vector<std::string> seqs;
    std::vector<float> labels;
    planted(400, 13, seqs, labels);
    auto m = cnn();
    train::SequenceTask task(*m, seqs, labels, m->spec().training, m->spec().optimizer);
    train::TrainingRun run(task, train::run_options(m->spec().training));
    run.step();
    run.step();
    run.cancel();
    CHECK(run.finished());
    auto s = run.summary();
    CHECK(s["cancelled"] == true);
    CHECK(s["epochsRun"] == 0);
}
