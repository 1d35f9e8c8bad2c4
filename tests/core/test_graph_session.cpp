// tests/core/test_graph_session.cpp: GraphSession end to end on a planted two-community graph, and Cora.
#include <doctest/doctest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "core/api/graph_session.hpp"
#include "core/rng.hpp"

using helix::api::GraphSession;
using nlohmann::json;

// One namespace for the whole file, tests included: the unity build (CMakeLists.txt) compiles test files
// together, where helpers of the same name in two files would clash.
namespace test_graph_session {

const char* kSpec = R"({"task": "node_classification",
  "layers": [{"type": "dropout", "rate": 0.5}, {"type": "graph_conv", "units": 16, "activation": "relu"},
             {"type": "dropout", "rate": 0.5}, {"type": "graph_conv"}],
  "loss": "softmax_cross_entropy", "optimizer": {"type": "adam", "learning_rate": 0.01, "weight_decay": 5e-4},
  "training": {"epochs": 200, "patience": 20, "seed": 1, "validation_fraction": 0.2, "test_fraction": 0.4}})";

// Two communities of 60 nodes: dense inside (p = 0.15), sparse across (p = 0.01). Each node has 3 of 40 noisy
// features, drawn from its community's 20 with probability 0.6: features alone are a weak clue, the graph a
// strong one. No split column: the session splits the labelled nodes itself.
std::pair<std::string, std::string> two_communities(std::uint64_t seed)
{
    helix::Rng rng(seed);
    std::string nodes = "node\tlabel\tfeature_indices\n", edges = "source\ttarget\n";
    for (int i = 0; i < 120; ++i) {
        const int c = i / 60;
        nodes += "v" + std::to_string(i) + "\t" + std::to_string(c) + "\t";
        for (int k = 0; k < 3; ++k) {
            const bool own = rng.uniform() < 0.6f;
            const int f = static_cast<int>(rng.below(20)) + 20 * (own ? c : 1 - c);
            nodes += (k ? "," : "") + std::to_string(f);
        }
        nodes += "\n";
    }
    for (int i = 0; i < 120; ++i)
        for (int j = i + 1; j < 120; ++j)
            if (rng.uniform() < (i / 60 == j / 60 ? 0.15f : 0.01f))
                edges += "v" + std::to_string(i) + "\tv" + std::to_string(j) + "\n";
    return {nodes, edges};
}

json train(GraphSession& s, const std::string& options)
{
    REQUIRE(json::parse(s.start_training(options))["errors"].empty());
    while (!s.training_finished()) s.train_step();
    return json::parse(s.training_summary());
}

std::string read(const std::string& path)
{
    std::ifstream in(path);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

TEST_CASE(
    "GraphSession: a planted two-community graph, seed 1 -> test accuracy >= 0.9; save/load predicts the "
    "same")
{
    auto [nodes, edges] = two_communities(3);
    GraphSession s(kSpec, "spec");
    REQUIRE(s.ok());
    json loaded = json::parse(s.load(nodes, edges));
    REQUIRE(loaded["errors"].empty());
    CHECK(loaded["nodes"] == 120);
    CHECK(loaded["classes"] == 2);
    CHECK(loaded["split"]["test"] == 48);
    CHECK(loaded["split"]["val"] == 24);
    CHECK(loaded["split"]["train"] == 48);
    json summary = train(s, R"({"seed": 1})");
    CHECK(summary["test"]["n"] == 48);
    CHECK(summary["test"]["accuracy"].get<double>() >= 0.9);
    const json eval = json::parse(s.evaluate_json());
    CHECK(eval["accuracy"] == summary["test"]["accuracy"]);

    GraphSession copy(s.save("{}"), "file");
    REQUIRE(copy.ok());
    REQUIRE(json::parse(copy.load(nodes, edges))["errors"].empty());
    CHECK(copy.predict_json() == s.predict_json());
}

TEST_CASE("GraphSession: same seed, same run; progress reports validation loss and accuracy")
{
    auto [nodes, edges] = two_communities(5);
    GraphSession a(kSpec, "spec"), b(kSpec, "spec");
    a.load(nodes, edges);
    b.load(nodes, edges);
    a.start_training(R"({"seed": 4, "epochs": 5})");
    b.start_training(R"({"seed": 4, "epochs": 5})");
    json p = json::parse(a.train_step());
    CHECK(p == json::parse(b.train_step()));
    CHECK(p["epoch"] == 1);
    CHECK(p["valLoss"].is_number());
    CHECK(p["valAccuracy"].is_number());
}

TEST_CASE(
    "GraphSession: bad spec, an unknown node in the edges and a last layer of the wrong width are errors")
{
    GraphSession no_task(R"({"layers": [{"type": "graph_conv"}]})", "spec");
    CHECK_FALSE(no_task.ok());
    GraphSession bad_layer(R"({"task": "node_classification", "layers": [{"type": "conv1d"}]})", "spec");
    CHECK(json::parse(bad_layer.errors_json())[0]["field"] == "layers[0].type");

    GraphSession s(kSpec, "spec");
    json r = json::parse(
        s.load("node\tlabel\tfeature_indices\na\t0\t0\nb\t1\t1\n", "source\ttarget\na\tb\nb\tx\n"));
    REQUIRE(r["errors"].size() == 1);
    CHECK(r["source"] == "edges");
    CHECK(r["errors"][0]["message"] == "line 3, column 3: node 'x' is not in the nodes table");
    CHECK_FALSE(s.loaded());

    GraphSession wide(R"({"task": "node_classification", "layers": [{"type": "graph_conv", "units": 5}]})",
                      "spec");
    r = json::parse(wide.load("node\tlabel\tfeature_indices\na\t0\t0\nb\t1\t1\n", "source\ttarget\n"));
    REQUIRE(r["errors"].size() == 1);
    CHECK(r["errors"][0]["field"] == "layers[0].units");
}

TEST_CASE("GraphSession: Cora with the standard Planetoid split, seed 1 -> test accuracy >= 0.79")
{
    const std::string dir = std::string(HELIX_SOURCE_DIR) + "/web/data/cora/";
    GraphSession s(R"({"task": "node_classification",
      "layers": [{"type": "dropout", "rate": 0.5}, {"type": "graph_conv", "units": 16, "activation": "relu"},
                 {"type": "dropout", "rate": 0.5}, {"type": "graph_conv"}],
      "loss": "softmax_cross_entropy", "optimizer": {"type": "adam", "learning_rate": 0.01, "weight_decay": 5e-4},
      "training": {"epochs": 200, "patience": 10, "seed": 1}})",
                   "spec");
    json loaded = json::parse(s.load(read(dir + "nodes.tsv"), read(dir + "edges.tsv")));
    REQUIRE(loaded["errors"].empty());
    CHECK(loaded["edges"] == 5278);
    CHECK(loaded["features"] == 1433);
    CHECK(loaded["split"] == json({{"train", 140}, {"val", 500}, {"test", 1000}, {"unlabelled", 0}}));
    json summary = train(s, R"({"seed": 1})");
    MESSAGE("Cora: " << summary.dump());
    CHECK(summary["test"]["accuracy"].get<double>() >= 0.79);
}

}  // namespace test_graph_session
