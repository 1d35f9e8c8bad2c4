// tests/core/test_divergence.cpp: a NaN or infinite loss, gradient or weight stops every trainer (sequence
// model, autoencoder, node and graph classification, GAN) before the bad step is kept: the message names the
// epoch, the batch and the learning rate, and the weights are exactly those from before that step. Also the
// shorter steps that keep a cancel prompt: a graph mini-batch per step, an epoch's validation in chunks.
#include <doctest/doctest.h>

#include <cmath>
#include <cstring>
#include <limits>
#include <nlohmann/json.hpp>
#include <string>

#include "core/api/autoencoder_session.hpp"
#include "core/api/gan_session.hpp"
#include "core/api/graph_session.hpp"
#include "core/api/model_session.hpp"
#include "core/data/simulate.hpp"
#include "core/data/simulate_graphs.hpp"
#include "core/infer/evaluate.hpp"
#include "core/io/base64.hpp"
#include "core/nn/model.hpp"
#include "core/train/divergence.hpp"
#include "core/train/sequence_task.hpp"
#include "core/train/training_run.hpp"

using namespace helix;
using nlohmann::json;

namespace {

// Every float of a saved file's weights ({name: {shape, dtype, data: base64 float32}}) is finite.
bool all_finite(const json& weights)
{
    for (const auto& [name, tensor] : weights.items()) {
        std::vector<std::uint8_t> bytes;
        if (!io::base64_decode(tensor["data"].get<std::string>(), bytes)) return false;
        for (std::size_t i = 0; i + 4 <= bytes.size(); i += 4) {
            float v;
            std::memcpy(&v, bytes.data() + i, 4);
            if (!std::isfinite(v)) return false;
        }
    }
    return true;
}

// Steps a started session until a step reports an error; `before` gets the weights saved just before that
// step, `earlier` those before the step before it.
template <class Session>
json step_until_error(Session& s, json& before, json& earlier)
{
    before = json::parse(s.save("{}"))["weights"];
    while (!s.training_finished()) {
        earlier = before;
        before = json::parse(s.save("{}"))["weights"];
        json p = json::parse(s.train_step());
        if (p["type"] == "error") return p;
    }
    return nullptr;
}

// The error event and the summary agree and say where, what and which learning rate; the weights are the last
// good ones, all finite: exactly those from before the update that caused it (a bad weight: this step's; a
// bad loss or gradient: the step before's, whose weights this batch went through).
template <class Session>
json check_stopped(Session& s, const std::string& started, const std::string& unit = "batch",
                   const std::string& rate = "1e+06")
{
    REQUIRE(json::parse(started)["errors"].empty());
    json before, earlier;
    const json error = step_until_error(s, before, earlier);
    REQUIRE_MESSAGE(!error.is_null(), "training never diverged");
    CHECK(s.training_finished());
    const std::size_t batch =
        error.contains("batch") ? error["batch"].get<std::size_t>() : error["step"].get<std::size_t>();
    const std::string message = error["message"];
    CHECK(message.find("training stopped at epoch " + std::to_string(error["epoch"].get<std::size_t>()) +
                       ", " + unit + " " + std::to_string(batch) + ": ") == 0);
    CHECK(message.find("became") != std::string::npos);
    CHECK(message.find("The learning rate " + rate +
                       " is probably too high; try 0.001. The weights from before the "
                       "update that caused it are kept.") != std::string::npos);
    const json after = json::parse(s.save("{}"))["weights"];
    // A GAN step (d_steps 1) updates D, then G: only a bad loss or gradient of D comes before this step's
    // update.
    const bool gan = message.find(" update, ") != std::string::npos;
    const bool caused_by_this_step =
        gan ? message.find("discriminator update, the loss") == std::string::npos &&
                  message.find("discriminator update, the gradient") == std::string::npos
            : message.find(": the weight ") != std::string::npos;
    CHECK(after == (caused_by_this_step ? before : earlier));
    CHECK(all_finite(after));
    const json summary = json::parse(s.training_summary());
    CHECK(summary["error"] == message);
    CHECK(summary["diverged"] == json({{"epoch", error["epoch"]}, {"batch", batch}, {"message", message}}));
    return summary;
}

std::string planted_table(std::size_t n)
{
    data::PlantedMotifOptions o;
    o.count = n;
    o.length = 40;
    o.motif = "GATAAG";
    o.seed = 5;
    const data::SequenceSet set = data::simulate_planted_motif(o);
    std::string t = "sequence\tlabel\n";
    for (std::size_t i = 0; i < set.sequences.size(); ++i)
        t += set.sequences[i] + "\t" + std::to_string(static_cast<int>(set.labels[i])) + "\n";
    return t;
}

}  // namespace

TEST_CASE(
    "divergence guard: names the first bad loss, gradient or weight; restore() gives back the saved weights")
{
    nn::Param w{"layer.weight", Var(Tensor{1.0f, 2.0f, 3.0f}, true)};
    nn::Param stats{"bn.running_var", Var(Tensor{1.0f}, false)};
    train::DivergenceGuard guard({&w, &stats});
    CHECK(train::DivergenceGuard::check_loss(0.5) == "");
    CHECK(train::DivergenceGuard::check_loss(std::nan("")) == "the loss became NaN");
    CHECK(train::DivergenceGuard::check_loss(HUGE_VAL) == "the loss became infinite");
    CHECK(guard.check_gradients() == "");  // no gradient yet
    w.var.grad()(1) = std::numeric_limits<float>::quiet_NaN();
    CHECK(guard.check_gradients() == "the gradient of layer.weight became NaN");
    w.var.zero_grad();
    CHECK(guard.check_gradients() == "");
    // A finite step can still overflow a weight; running statistics (no gradient) are weights too.
    w.var.value()(2) = std::numeric_limits<float>::infinity();
    CHECK(guard.check_weights() == "the weight layer.weight became infinite");
    guard.restore();
    CHECK(guard.check_weights() == "");
    CHECK(w.var.value() == Tensor{1.0f, 2.0f, 3.0f});
    stats.var.value()(0) = std::nanf("");
    CHECK(guard.check_weights() == "the weight bn.running_var became NaN");
    guard.restore();
    CHECK(stats.var.value()(0) == 1.0f);
    // save() takes the current values: restore() goes back to the last save, restore_previous() to the one
    // before.
    w.var.value()(0) = 7.0f;
    guard.save();
    w.var.value()(0) = 8.0f;
    guard.save();
    w.var.value()(0) = -1.0f;
    guard.restore();
    CHECK(w.var.value()(0) == 8.0f);
    guard.restore_previous();
    CHECK(w.var.value()(0) == 7.0f);
}

TEST_CASE("divergence message: epoch, batch, what, the learning rate and a smaller one to try")
{
    CHECK(train::divergence_message(3, 7, "the loss became NaN", 1e6) ==
          "training stopped at epoch 3, batch 7: the loss became NaN. The learning rate 1e+06 is probably "
          "too high; "
          "try 0.001. The weights from before the update that caused it are kept.");
    CHECK(train::suggested_learning_rate(0.5) == doctest::Approx(1e-3));
    CHECK(train::suggested_learning_rate(1e-3) == doctest::Approx(1e-4));
    CHECK(train::divergence_message(1, 2, "x", 0.01, "step")
              .find("training stopped at epoch 1, step 2: x. The learning "
                    "rate 0.01 is probably too high; try 0.001.") == 0);
}

TEST_CASE(
    "divergence: a sequence model with learning rate 1e6 stops at the bad batch and keeps the weights from "
    "before it")
{
    // Linear layers (a ReLU network tends to die quietly at such a rate instead: all its units off).
    api::ModelSession s(R"({"input": {"name": "dna", "length": 40},
        "layers": [{"type": "flatten"}, {"type": "dense", "name": "fc1", "units": 16},
                   {"type": "dense", "name": "fc2", "units": 16}, {"type": "dense", "name": "out", "units": 1}],
        "optimizer": {"type": "sgd", "learning_rate": 10},
        "training": {"epochs": 5, "batch_size": 16, "seed": 2}})",
                        "spec");
    REQUIRE(s.ok());
    check_stopped(s, s.start_training(planted_table(200), R"({"learningRate": 1e6})"));
    const json p = json::parse(s.predict_json(">a\nACGTACGTACGTGATAAGACGTACGTACGTACGTACGTACGT\n"));
    REQUIRE(p["errors"].empty());
    CHECK(std::isfinite(p["predictions"][0]["probability"].get<double>()));
}

TEST_CASE(
    "divergence: a weight that overflows after a step with finite loss and gradients is caught at that step")
{
    // Features of size 100 give the weight a gradient of tens: 3e38 times that is infinite, while the loss
    // and the gradient of the first batch are finite. Without the check of the weights the model would keep
    // an Inf.
    api::ModelSession s(R"({"inputs": [{"name": "x", "type": "features", "columns": ["a", "b"]}],
        "layers": [{"type": "dense", "name": "out", "units": 1}],
        "heads": [{"name": "label", "layer": "out", "loss": "bce_with_logits"}],
        "optimizer": {"type": "sgd", "learning_rate": 10},
        "training": {"epochs": 2, "batch_size": 8, "seed": 1, "validation_fraction": 0, "test_fraction": 0}})",
                        "spec");
    REQUIRE(s.ok());
    std::string table = "a\tb\tlabel\n";
    for (int i = 0; i < 16; ++i)
        table +=
            std::to_string(100 + i) + "\t" + std::to_string(-100 - i) + "\t" + std::to_string(i % 2) + "\n";
    const json summary =
        check_stopped(s, s.start_training(table, R"({"learningRate": 3e38})"), "batch", "3e+38");
    CHECK(summary["diverged"]["epoch"] == 1);
    CHECK(summary["diverged"]["batch"] == 1);
    CHECK(summary["error"].get<std::string>().find(": the weight out.weight became infinite.") !=
          std::string::npos);
}

TEST_CASE("divergence: an autoencoder with learning rate 1e6 keeps the weights from before the bad batch")
{
    api::AutoencoderSession s(R"({"name": "ae", "type": "autoencoder",
      "encoder": [{"type": "dense", "units": 16, "activation": "relu"}], "latent": {"units": 4},
      "decoder": [{"type": "dense", "units": 16, "activation": "relu"}],
      "optimizer": {"type": "sgd", "learning_rate": 10},
      "training": {"epochs": 5, "batch_size": 16, "seed": 1}})",
                              "spec");
    REQUIRE(s.ok());
    Rng rng(3);
    std::string matrix = "cell";
    for (int g = 0; g < 12; ++g) matrix += "\tg" + std::to_string(g);
    matrix += "\n";
    for (int i = 0; i < 80; ++i) {
        matrix += "c" + std::to_string(i);
        for (int g = 0; g < 12; ++g) matrix += "\t" + std::to_string(rng.uniform(0.0f, 3.0f));
        matrix += "\n";
    }
    REQUIRE(json::parse(s.load(matrix, "", "label"))["errors"].empty());
    check_stopped(s, s.start_training(R"({"learningRate": 1e6})"));
    const json codes = json::parse(s.encode_json());
    REQUIRE(codes["errors"].empty());
    for (const auto& row : codes["codes"])
        for (const auto& v : row) CHECK(std::isfinite(v.get<double>()));
}

TEST_CASE(
    "divergence: node and graph classification with learning rate 1e6 keep the weights from before the bad "
    "step")
{
    SUBCASE("node classification (full batch: batch 1 of each epoch)")
    {
        api::GraphSession s(R"({"task": "node_classification",
          "layers": [{"type": "graph_conv", "units": 16, "activation": "relu"}, {"type": "graph_conv"}],
          "loss": "softmax_cross_entropy", "optimizer": {"type": "sgd", "learning_rate": 10},
          "training": {"epochs": 50, "seed": 1, "validation_fraction": 0.2, "test_fraction": 0.2}})",
                            "spec");
        REQUIRE(s.ok());
        Rng rng(4);
        std::string nodes = "node\tlabel\tfeature_indices\n", edges = "source\ttarget\n";
        for (int i = 0; i < 60; ++i)
            nodes += "v" + std::to_string(i) + "\t" + std::to_string(i % 2) + "\t" +
                     std::to_string(rng.below(10)) + "," + std::to_string(10 + rng.below(10)) + "\n";
        for (int i = 0; i < 60; ++i)
            edges += "v" + std::to_string(i) + "\tv" + std::to_string((i + 2) % 60) + "\n";
        REQUIRE(json::parse(s.load(nodes, edges))["errors"].empty());
        const json summary = check_stopped(s, s.start_training(R"({"learningRate": 1e6})"));
        CHECK(summary["diverged"]["batch"] == 1);
        CHECK(json::parse(s.predict_json())["errors"].empty());
    }
    SUBCASE("graph classification (one mini-batch of graphs per step)")
    {
        api::GraphSession s(R"({"task": "graph_classification", "features": "as_is",
          "layers": [{"type": "graph_conv", "units": 16, "activation": "relu"},
                     {"type": "graph_readout", "mode": "max"}, {"type": "dense", "units": 16, "activation": "relu"},
                     {"type": "dense"}],
          "optimizer": {"type": "sgd", "learning_rate": 10},
          "training": {"epochs": 20, "batch_size": 8, "seed": 1, "validation_fraction": 0.2, "test_fraction": 0.2}})",
                            "spec");
        REQUIRE(s.ok());
        data::GraphMotifOptions o;
        o.count = 60;
        const data::GraphTables t = data::to_graph_tables(data::simulate_motif_graphs(o));
        REQUIRE(json::parse(s.load(t.nodes, t.edges))["errors"].empty());
        check_stopped(s, s.start_training(R"({"learningRate": 1e6})"));
    }
}

TEST_CASE(
    "graph classification: one mini-batch per step, then the validation graphs a chunk per step, the epoch's "
    "figures after the last chunk")
{
    api::GraphSession s(R"({"task": "graph_classification", "features": "as_is",
      "layers": [{"type": "graph_conv", "units": 8, "activation": "relu"},
                 {"type": "graph_readout", "mode": "max"}, {"type": "dense"}],
      "optimizer": {"type": "adam", "learning_rate": 0.01},
      "training": {"epochs": 2, "batch_size": 8, "seed": 1, "validation_fraction": 0.2, "test_fraction": 0.2}})",
                        "spec");
    REQUIRE(s.ok());
    data::GraphMotifOptions o;
    o.count = 60;
    const data::GraphTables t = data::to_graph_tables(data::simulate_motif_graphs(o));
    const json info = json::parse(s.load(t.nodes, t.edges));
    REQUIRE(info["errors"].empty());
    const std::size_t train = info["split"]["train"], batches = (train + 7) / 8;
    // The validation graphs are scored 8 (batch_size) a step, the first chunk in the last batch's step.
    const std::size_t val = info["split"]["val"], chunks = (val + 7) / 8, per_epoch = batches + chunks - 1;
    REQUIRE(chunks >= 2);
    REQUIRE(json::parse(s.start_training("{}"))["errors"].empty());
    std::vector<json> steps;
    while (!s.training_finished()) steps.push_back(json::parse(s.train_step()));
    REQUIRE(steps.size() == 2 * per_epoch);
    for (std::size_t k = 0; k < steps.size(); ++k) {
        const std::size_t i = k % per_epoch;
        const char* type = i + 1 < batches ? "batch" : i + 1 < per_epoch ? "validation" : "epoch";
        CHECK(steps[k]["type"] == type);
        CHECK(steps[k]["epoch"] == k / per_epoch + 1);
        if (i + 1 < batches) CHECK(steps[k]["batch"] == i + 1);
        if (i + 1 == per_epoch) {  // every validation graph scored once: a whole number of them right
            const double right = steps[k]["valAccuracy"].get<double>() * static_cast<double>(val);
            CHECK(right == doctest::Approx(std::round(right)));
            CHECK(std::isfinite(steps[k]["valLoss"].get<double>()));
        }
    }
    CHECK(json::parse(s.training_summary())["epochsRun"] == 2);
}

TEST_CASE(
    "divergence: a GAN with learning rate 10 (SGD) stops at the bad step and keeps both networks' weights")
{
    api::GanSession s(R"({
      "name": "tiny-gan", "type": "gan", "length": 12, "noise": 8,
      "generator": {"layers": [
          {"type": "dense", "units": 48},
          {"type": "reshape", "target_shape": [6, 8]},
          {"type": "upsample1d", "size": 2},
          {"type": "conv1d", "filters": 4, "kernel_size": 3, "padding": "same"},
          {"type": "softmax"}],
        "optimizer": {"type": "sgd", "learning_rate": 10}},
      "discriminator": {"layers": [
          {"type": "conv1d", "filters": 8, "kernel_size": 3},
          {"type": "global_max_pool"},
          {"type": "dense", "units": 8},
          {"type": "dense", "units": 1}],
        "optimizer": {"type": "sgd", "learning_rate": 10}},
      "training": {"epochs": 20, "batch_size": 16, "seed": 3}})",
                      "spec");
    REQUIRE(s.ok());
    std::string fasta;
    Rng rng(5);
    for (int i = 0; i < 64; ++i) {
        fasta += ">s" + std::to_string(i) + "\n";
        for (int l = 0; l < 12; ++l) fasta += "ACGT"[rng.below(4)];
        fasta += "\n";
    }
    // The spec and the options allow at most 10: plain SGD at 10 blows up too.
    const json summary = check_stopped(s, s.start_training(fasta, "{}"), "step", "10");
    CHECK(summary["error"].get<std::string>().find(" update, ") != std::string::npos);  // which network
    CHECK(json::parse(s.sample(4, "{}"))["errors"].empty());
}

TEST_CASE("trainer: an epoch's validation is scored a chunk per step, with the same figures as all at once")
{
    data::PlantedMotifOptions o;
    o.count = 3000;
    o.length = 40;
    o.motif = "GATAAG";
    o.seed = 6;
    const data::SequenceSet set = data::simulate_planted_motif(o);
    auto r = nn::parse_spec_text(R"({"layers": [
        {"type": "conv1d", "name": "conv1", "filters": 4, "kernel_size": 6, "activation": "relu"},
        {"type": "global_max_pool"}, {"type": "dense", "name": "out", "units": 1}],
        "training": {"epochs": 1, "batch_size": 64, "seed": 4, "validation_fraction": 0.3}})");
    std::vector<nn::SpecError> errors;
    auto model = nn::Model::build(r.spec, errors);
    REQUIRE(model);
    train::SequenceTask task(*model, set.sequences, set.labels, model->spec().training,
                             model->spec().optimizer);
    train::TrainingRun run(task, train::run_options(model->spec().training));
    const std::size_t V = task.split().validation.size();
    REQUIRE(V > 2 * train::SequenceTask::kValidationChunk);
    std::vector<json> events;
    while (!run.finished()) events.push_back(run.step());
    std::size_t chunks = 0;
    for (const json& e : events) chunks += e["type"] == "validation";
    CHECK(chunks ==
          (V + train::SequenceTask::kValidationChunk - 1) / train::SequenceTask::kValidationChunk - 1);
    CHECK(events[events.size() - chunks - 2]["type"] ==
          "batch");  // the epoch's last batch, then its validation
    REQUIRE(events.back()["type"] == "epoch");
    const infer::Scores all = infer::score_heads(*model, infer::sequence_examples(set.sequences, set.labels),
                                                 task.split().validation)
                                  .combined;
    CHECK(events.back()["valLoss"].get<double>() == doctest::Approx(all.loss).epsilon(1e-6));
    CHECK(events.back()["valAuroc"].get<double>() == doctest::Approx(all.auroc).epsilon(1e-6));
}
