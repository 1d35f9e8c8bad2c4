// tests/core/test_session.cpp: every family's session (sequence, graph, autoencoder, GAN) driven through the
// shared Session (core/api/session.hpp) only, once its data are loaded: ok and errors, the summary before any
// run, the run options read once for all (the same error for the same bad option), a run to its end, a
// cancel, and save's metadata (the session's, with the caller's over it) surviving a reload.
#include <doctest/doctest.h>

#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/api/autoencoder_session.hpp"
#include "core/api/gan_session.hpp"
#include "core/api/graph_session.hpp"
#include "core/api/model_session.hpp"
#include "core/data/simulate_graphs.hpp"
#include "core/rng.hpp"

using namespace helix;
using nlohmann::json;

// One namespace for the whole file, tests included (the unity build of tests/core).
namespace test_session {

const char* kSequenceSpec = R"({"layers": [
    {"type": "conv1d", "name": "conv1", "filters": 4, "kernel_size": 4, "activation": "relu"},
    {"type": "global_max_pool"}, {"type": "dense", "name": "out", "units": 1}],
    "training": {"epochs": 2, "batch_size": 8, "seed": 1}})";

const char* kGraphSpec = R"({"task": "node_classification",
    "layers": [{"type": "graph_conv", "units": 8, "activation": "relu"}, {"type": "graph_conv"}],
    "loss": "softmax_cross_entropy", "optimizer": {"type": "adam", "learning_rate": 0.01},
    "training": {"epochs": 3, "seed": 1, "validation_fraction": 0.2, "test_fraction": 0.2}})";

const char* kAutoencoderSpec = R"({"name": "ae", "type": "autoencoder",
    "encoder": [{"type": "dense", "units": 8, "activation": "relu"}], "latent": {"units": 2},
    "decoder": [{"type": "dense", "units": 8, "activation": "relu"}],
    "training": {"epochs": 2, "batch_size": 16, "seed": 1}})";

const char* kGanSpec = R"({"name": "tiny-gan", "type": "gan", "length": 12, "noise": 8,
    "generator": {"layers": [{"type": "dense", "units": 48}, {"type": "reshape", "target_shape": [6, 8]},
        {"type": "upsample1d", "size": 2}, {"type": "conv1d", "filters": 4, "kernel_size": 3, "padding": "same"},
        {"type": "softmax"}]},
    "discriminator": {"layers": [{"type": "conv1d", "filters": 4, "kernel_size": 3}, {"type": "global_max_pool"},
        {"type": "dense", "units": 1}]},
    "training": {"epochs": 1, "batch_size": 8, "seed": 3}})";

// 40 labelled sequences of 20 bases: label 1 when the sequence holds GATA.
std::string labelled_table()
{
    std::string t = "sequence\tlabel\n";
    Rng rng(2);
    for (int i = 0; i < 40; ++i) {
        std::string s;
        for (int l = 0; l < 20; ++l) s += "ACGT"[rng.below(4)];
        if (i % 2) s.replace(8, 4, "GATA");
        t += s + "\t" + std::to_string(i % 2) + "\n";
    }
    return t;
}

// 60 nodes of 2 classes, each with a feature of its class and one shared by all (deterministic); an edge
// joins each node to the node two on, of the same class.
std::pair<std::string, std::string> graph_tables()
{
    std::string nodes = "node\tlabel\tfeature_indices\n", edges = "source\ttarget\n";
    for (int i = 0; i < 60; ++i) {
        const std::string id = "n" + std::to_string(i), cls = std::to_string(i % 2);
        nodes += id + "\t" + cls + "\t" + std::to_string(i % 2 * 5 + i % 5) + ",10\n";
        edges += id + "\tn" + std::to_string((i + 2) % 60) + "\n";
    }
    return {nodes, edges};
}

// 80 cells × 6 genes; counts from a fixed pattern.
std::string matrix()
{
    std::string m = "cell\tg0\tg1\tg2\tg3\tg4\tg5\n";
    for (int i = 0; i < 80; ++i) {
        std::string row = "cell" + std::to_string(i);
        for (int g = 0; g < 6; ++g) row += "\t" + std::to_string((i * 7 + g * 3) % 11) + ".5";
        m += row + "\n";
    }
    return m;
}

std::string gan_sequences()
{
    std::string fasta;
    for (int i = 0; i < 16; ++i) fasta += ">s" + std::to_string(i) + "\nACGTACGTACGT\n";
    return fasta;
}

// One family as the test drives it: a fresh session with its data loaded, what start_training takes, the
// options of a short run, and how its saved file is read back.
struct Family {
    std::string name;
    std::function<std::unique_ptr<api::Session>()> make;
    std::string input;    // start_training's input ("" when loaded before)
    std::string options;  // a short run's options
    std::function<std::unique_ptr<api::Session>(const std::string&)> reload;
    bool epochs = true;  // counts epochs (a GAN counts steps)
};

template <class S>
std::unique_ptr<api::Session> from_file(const std::string& file)
{
    return std::make_unique<S>(file, "file");
}

std::vector<Family> families()
{
    std::vector<Family> out;
    out.push_back({"sequence", [] { return std::make_unique<api::ModelSession>(kSequenceSpec, "spec"); },
                   labelled_table(), "{}", from_file<api::ModelSession>});
    out.push_back({"graph",
                   [] {
                       auto s = std::make_unique<api::GraphSession>(kGraphSpec, "spec");
                       const auto [nodes, edges] = graph_tables();
                       REQUIRE(json::parse(s->load(nodes, edges))["errors"].empty());
                       return std::unique_ptr<api::Session>(std::move(s));
                   },
                   "", "{}", from_file<api::GraphSession>});
    out.push_back({"autoencoder",
                   [] {
                       auto s = std::make_unique<api::AutoencoderSession>(kAutoencoderSpec, "spec");
                       REQUIRE(json::parse(s->load(matrix(), "", "label"))["errors"].empty());
                       return std::unique_ptr<api::Session>(std::move(s));
                   },
                   "", "{}", from_file<api::AutoencoderSession>});
    out.push_back({"gan", [] { return std::make_unique<api::GanSession>(kGanSpec, "spec"); }, gan_sequences(),
                   R"({"steps": 3})", from_file<api::GanSession>, false});
    return out;
}

std::vector<json> train_through(api::Session& s)
{
    std::vector<json> events;
    while (!s.training_finished()) events.push_back(json::parse(s.train_step()));
    return events;
}

TEST_CASE("session: every family answers the shared calls before any run")
{
    for (const Family& f : families()) {
        CAPTURE(f.name);
        std::unique_ptr<api::Session> s = f.make();
        CHECK(s->ok());
        CHECK(s->errors_json() == "[]");
        CHECK(s->training_finished());
        CHECK(json::parse(s->spec_json()).is_object());
        CHECK(json::parse(s->summary_json()).is_object());
        const json untrained = json::parse(s->training_summary());
        CHECK(untrained[f.epochs ? "epochsRun" : "stepsRun"] == 0);
        CHECK(untrained["cancelled"] == false);
        CHECK(untrained["history"].empty());
        CHECK(json::parse(s->metadata_json()).is_object());
    }
    std::vector<std::unique_ptr<api::Session>> bad;
    bad.push_back(std::make_unique<api::ModelSession>(R"({"layers": 3})", "spec"));
    bad.push_back(
        std::make_unique<api::GraphSession>(R"({"task": "node_classification", "layers": 3})", "spec"));
    bad.push_back(
        std::make_unique<api::AutoencoderSession>(R"({"type": "autoencoder", "encoder": 3})", "spec"));
    bad.push_back(std::make_unique<api::GanSession>(R"({"type": "gan", "length": 0})", "spec"));
    for (const auto& s : bad) {
        CHECK_FALSE(s->ok());
        CHECK_FALSE(json::parse(s->errors_json()).empty());
    }
    CHECK(json::parse(bad[0]->errors_json())[0]["field"] == "layers");
}

TEST_CASE("session: the run options are read once, the same error for every family")
{
    for (const Family& f : families()) {
        CAPTURE(f.name);
        std::unique_ptr<api::Session> s = f.make();
        json r = json::parse(s->start_training(f.input, R"({"epochs": 0})"));
        REQUIRE(r["errors"].size() == 1);
        CHECK(r["errors"][0]["field"] == "epochs");
        r = json::parse(s->start_training(f.input, R"({"learningRate": -1})"));
        REQUIRE(r["errors"].size() == 1);
        CHECK(r["errors"][0]["field"] == "learningRate");
        r = json::parse(s->start_training(f.input, "[1, 2]"));
        REQUIRE(r["errors"].size() == 1);
        CHECK(r["errors"][0]["field"] == "options");
        CHECK(s->training_finished());  // nothing started
    }
}

TEST_CASE("session: every family trains through Session's calls; save keeps its metadata and the caller's")
{
    for (const Family& f : families()) {
        CAPTURE(f.name);
        std::unique_ptr<api::Session> s = f.make();
        const json started = json::parse(s->start_training(f.input, f.options));
        REQUIRE(started["errors"].empty());
        CHECK_FALSE(s->training_finished());
        const std::vector<json> events = train_through(*s);
        REQUIRE_FALSE(events.empty());
        for (const json& e : events) CHECK(e["type"] != "error");
        const json summary = json::parse(s->training_summary());
        CHECK(summary["cancelled"] == false);
        if (f.epochs) {
            std::size_t epochs = 0;
            for (const json& e : events) epochs += e["type"] == "epoch";
            CHECK(epochs >= 1);
            CHECK(summary["epochsRun"] == epochs);
            CHECK(events.back()["type"] == "epoch");
            CHECK(json::parse(s->metadata_json())["bestEpoch"] == summary["bestEpoch"]);
            CHECK(json::parse(s->metadata_json())["test"] == summary["test"]);
        } else {
            CHECK(summary["stepsRun"] == 3);
            CHECK(summary["records"] == 16);
        }
        const std::unique_ptr<api::Session> copy = f.reload(s->save(R"({"note": "from test_session"})"));
        REQUIRE(copy->ok());
        const json meta = json::parse(copy->metadata_json());
        CHECK(meta["note"] == "from test_session");
        if (f.epochs) CHECK(meta["bestEpoch"] == summary["bestEpoch"]);
        CHECK(copy->summary_json() == s->summary_json());
    }
}

TEST_CASE("session: a cancel through Session ends every family's run, the summary says so")
{
    for (const Family& f : families()) {
        CAPTURE(f.name);
        std::unique_ptr<api::Session> s = f.make();
        REQUIRE(json::parse(s->start_training(f.input, R"({"epochs": 50, "steps": 50})"))["errors"].empty());
        json::parse(s->train_step());
        s->cancel_training();
        CHECK(s->training_finished());
        CHECK(json::parse(s->training_summary())["cancelled"] == true);
        // A new run drops the cancelled one.
        REQUIRE(json::parse(s->start_training(f.input, f.options))["errors"].empty());
        CHECK_FALSE(s->training_finished());
    }
}

TEST_CASE("session: graph and autoencoder sessions refuse to train before their data are loaded")
{
    api::GraphSession graph(kGraphSpec, "spec");
    api::AutoencoderSession autoencoder(kAutoencoderSpec, "spec");
    api::Session& g = graph;
    api::Session& a = autoencoder;
    CHECK(json::parse(g.start_training("", "{}"))["errors"][0]["message"] ==
          "load a graph (nodes and edges) before training");
    CHECK(json::parse(a.start_training("", "{}"))["errors"][0]["message"] == "load a matrix before training");
    CHECK(g.training_finished());
    CHECK(a.training_finished());
}

}  // namespace test_session
