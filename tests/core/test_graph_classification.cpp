// tests/core/test_graph_classification.cpp: graph classification end to end: the `graph` column's rules (with
// the line of each error), structural features, the spec's layer order, a GCN with a readout and dense layers
// whose every gradient matches finite differences, and GraphSession learning the simulated motif graphs.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "core/api/graph_session.hpp"
#include "core/data/graph.hpp"
#include "core/data/simulate_graphs.hpp"
#include "core/nn/graph_model.hpp"
#include "core/ops/graph.hpp"
#include "gradcheck.hpp"

using namespace helix;
using helix::api::GraphSession;
using nlohmann::json;

namespace {

const char* kSpec = R"({"task": "graph_classification", "features": "as_is",
  "layers": [{"type": "graph_conv", "units": 32, "activation": "relu"},
             {"type": "graph_conv", "units": 32, "activation": "relu"},
             {"type": "graph_conv", "units": 32, "activation": "relu"},
             {"type": "graph_readout", "mode": "max"},
             {"type": "dense", "units": 32, "activation": "relu"}, {"type": "dense"}],
  "optimizer": {"type": "adam", "learning_rate": 0.005, "weight_decay": 0},
  "training": {"epochs": 150, "patience": 25, "batch_size": 32, "seed": 1,
               "validation_fraction": 0.2, "test_fraction": 0.2}})";

json train_session(GraphSession& s, const std::string& options)
{
    REQUIRE(json::parse(s.start_training(options))["errors"].empty());
    while (!s.training_finished()) s.train_step();
    return json::parse(s.training_summary());
}

}  // namespace

TEST_CASE(
    "graph column: graphs in order of appearance, label and split per graph, unlabelled nodes take them")
{
    auto r = data::parse_graph_nodes(
        "node\tgraph\tlabel\tsplit\na1\tA\t1\ttrain\na2\tA\t\t\nb1\tB\t-1\ttest\n"
        "b2\tB\t0\ttest\nc1\tC\t\t\n",
        {});
    REQUIRE(r.ok());
    const data::GraphData& g = r.value;
    CHECK(g.graph_ids == std::vector<std::string>{"A", "B", "C"});
    CHECK(g.graph_of_node == std::vector<std::uint32_t>{0, 0, 1, 1, 2});
    CHECK(g.graph_labels == std::vector<int>{1, 0, -1});
    CHECK(g.graph_split ==
          std::vector<data::NodeSplit>{data::NodeSplit::train, data::NodeSplit::test, data::NodeSplit::pool});
    CHECK(g.structural_features);
    CHECK(g.classes == 2);
    CHECK(g.count_graphs(data::NodeSplit::test) == 1);
}

TEST_CASE("graph column: disagreeing labels or splits and an edge between graphs are errors naming the line")
{
    auto labels = data::parse_graph_nodes("node\tgraph\tlabel\na1\tA\t1\na2\tA\t0\n", {});
    REQUIRE(labels.errors.size() == 1);
    CHECK(
        labels.errors[0].message ==
        "line 3, column 6: label 0 differs from label 1 of graph 'A' (line 2); the labelled nodes of a graph "
        "must agree (-1 or empty leaves a node out)");
    auto splits = data::parse_graph_nodes(
        "node\tgraph\tlabel\tsplit\na1\tA\t1\ttrain\na2\tA\t1\t\na3\tA\t1\tval\n", {});
    REQUIRE(splits.errors.size() == 1);
    CHECK(splits.errors[0].line == 4);
    CHECK(splits.errors[0].field == "split");
    auto empty = data::parse_graph_nodes("node\tgraph\tlabel\na1\t\t1\n", {});
    REQUIRE(empty.errors.size() == 1);
    CHECK(empty.errors[0].message == "line 2, column 4: the graph id is empty");

    auto nodes = data::parse_graph_nodes("node\tgraph\tlabel\na1\tA\t1\na2\tA\t1\nb1\tB\t0\n", {});
    REQUIRE(nodes.ok());
    auto edges = data::parse_graph_edges("source\ttarget\na1\ta2\na2\tb1\n", nodes.value);
    REQUIRE(edges.errors.size() == 1);
    CHECK(edges.errors[0].message ==
          "line 3, column 4: this edge joins node 'a2' of graph 'A' and node 'b1' of "
          "graph 'B' (an edge must stay within one graph)");
}

TEST_CASE("structural features: a constant 1 and a one-hot degree (9 or more share the last bin)")
{
    std::string nodes = "node\tgraph\tlabel\nhub\tA\t1\n", edges = "source\ttarget\n";
    for (int i = 0; i < 10; ++i) {
        nodes += "leaf" + std::to_string(i) + "\tA\t1\n";
        edges += "hub\tleaf" + std::to_string(i) + "\n";
    }
    nodes += "alone\tA\t1\n";
    auto r = data::parse_graph_nodes(nodes, {});
    REQUIRE(r.ok());
    REQUIRE(data::parse_graph_edges(edges, r.value).ok());
    data::set_structural_features(r.value, /*degree=*/true);
    const SparseMatrix& x = r.value.features;
    CHECK(x.cols == 11);
    CHECK(x.row_ptr[1] == 2);
    CHECK(x.col[0] == 0);
    CHECK(x.col[1] == 10);     // the hub: degree 10 -> the "9 or more" bin
    CHECK(x.col[3] == 2);      // a leaf: degree 1
    CHECK(x.col.back() == 1);  // the isolated node: degree 0
    data::set_structural_features(r.value, /*degree=*/false);
    CHECK(r.value.features.cols == 1);
    CHECK(r.value.features.col.size() == 12);
}

TEST_CASE("graph spec: readout once, graph_conv before it, dense after it; node models reject both")
{
    auto errors = [](const std::string& layers) {
        auto r = nn::parse_graph_spec_text(R"({"task": "graph_classification", "layers": )" + layers + "}");
        return r.errors.empty() ? std::string() : r.errors[0].message;
    };
    CHECK(errors(R"([{"type": "graph_conv", "units": 4}, {"type": "graph_readout"}, {"type": "dense"}])")
              .empty());
    CHECK(errors(R"([{"type": "graph_conv", "unit": 4}, {"type": "graph_readout"}, {"type": "dense"}])") ==
          "layers[0].unit: unknown field (check the spelling)");
    CHECK(nn::parse_graph_spec_text(R"({"task": "node_classification", "layers": [{"type": "graph_conv"}],
                                        "training": {"epochz": 3}})")
              .errors.at(0)
              .message == "training.epochz: unknown field (check the spelling)");
    CHECK(errors(R"([{"type": "graph_conv", "units": 4}, {"type": "dense"}])") ==
          "layers[1].type: dense before graph_readout (it works on graphs; use graph_conv on nodes)");
    CHECK(errors(R"([{"type": "graph_conv", "units": 4}, {"type": "graph_readout"}])") ==
          "layers: needs at least one dense layer after graph_readout (the last one outputs the classes)");
    CHECK(
        errors(
            R"([{"type": "graph_conv", "units": 4}, {"type": "graph_readout", "mode": "median"}, {"type": "dense"}])") ==
        "layers[1].mode: 'median' is not one of: mean, sum, max");
    CHECK(errors(R"([{"type": "graph_conv"}, {"type": "graph_readout"}, {"type": "dense"}])") ==
          "layers[0].units: missing (only the last dense may leave it out)");
    auto node = nn::parse_graph_spec_text(
        R"({"task": "node_classification", "layers": [{"type": "graph_conv"}, {"type": "graph_readout"}]})");
    REQUIRE(node.errors.size() == 1);
    CHECK(node.errors[0].field == "layers[1].type");
}

TEST_CASE("GCN with graph_readout and dense layers: every parameter gradient matches finite differences")
{
    // Two graphs (nodes 0-3 and 4-8) in one block-diagonal batch; sum readout, tanh dense: smooth, so eps
    // 1e-2 leaves an O(eps^2) truncation error, hence tol 2e-3 as for the 2-layer GCN in test_graph.cpp.
    auto spec = nn::parse_graph_spec_text(R"({"task": "graph_classification", "features": "as_is",
      "layers": [{"type": "graph_conv", "units": 4, "activation": "tanh"}, {"type": "graph_readout", "mode": "sum"},
                 {"type": "dense", "units": 3, "activation": "tanh"}, {"type": "dense"}]})");
    REQUIRE(spec.ok());
    std::vector<nn::SpecError> errors;
    auto model = nn::GraphModel::build(spec.spec, 3, 2, errors);
    REQUIRE(model);
    auto adj = std::make_shared<const SparseMatrix>(
        ops::gcn_normalized_adjacency(9, {{0, 1}, {1, 2}, {2, 0}, {2, 3}, {4, 5}, {5, 6}, {6, 7}, {7, 8}}));
    Rng rng(3);
    SparseMatrix x;
    x.rows = 9;
    x.cols = 3;
    for (std::size_t i = 0; i < 9; ++i) {
        for (std::uint32_t f = 0; f < 3; ++f) x.col.push_back(f), x.val.push_back(rng.uniform(-1.0f, 1.0f));
        x.row_ptr.push_back(static_cast<std::uint32_t>(x.col.size()));
    }
    auto features = std::make_shared<const SparseMatrix>(x);
    const std::vector<std::uint32_t> of{0, 0, 0, 0, 1, 1, 1, 1, 1};
    std::vector<Tensor> values;
    for (const nn::Param* p : model->params()) values.push_back(p->var.value());
    REQUIRE(values.size() == 6);
    auto net = [&](const std::vector<Var>& v) {
        auto params = model->params();
        for (std::size_t i = 0; i < params.size(); ++i) params[i]->var = v[i];
        return model->forward(adj, features, false, rng, &of, 2);
    };
    CHECK(test::gradcheck(net, values, 1e-2f, 2e-3f));
}

TEST_CASE(
    "GraphSession: graph motifs (seed 21), gcn-graph-like spec -> test accuracy >= 0.9; save/load agrees")
{
    data::GraphMotifOptions o;
    o.count = 400;
    o.seed = 21;
    const data::GraphTables t = data::to_graph_tables(data::simulate_motif_graphs(o));
    GraphSession s(kSpec, "spec");
    REQUIRE(s.ok());
    json info = json::parse(s.load(t.nodes, t.edges));
    REQUIRE(info["errors"].empty());
    CHECK(info["graphs"] == 400);
    CHECK(info["features"] == 11);
    CHECK(info["split"] == json({{"train", 240}, {"val", 80}, {"test", 80}, {"unlabelled", 0}}));
    json summary = train_session(s, R"({"seed": 1})");
    MESSAGE("graph motifs: " << summary.dump());
    CHECK(summary["test"]["n"] == 80);
    CHECK(summary["test"]["accuracy"].get<double>() >= 0.9);
    const json eval = json::parse(s.evaluate_json());
    CHECK(eval["accuracy"] == summary["test"]["accuracy"]);
    CHECK(eval["auroc"].get<double>() >= 0.9);

    GraphSession copy(s.save("{}"), "file");
    REQUIRE(copy.ok());
    REQUIRE(json::parse(copy.load(t.nodes, t.edges))["errors"].empty());
    CHECK(copy.predict_json() == s.predict_json());
    const json p = json::parse(s.predict_json())["predictions"];
    CHECK(p.size() == 400);
    CHECK(p[0]["id"] == "G0001");
    CHECK(copy.save("{}") == GraphSession(copy.save("{}"), "file").save("{}"));

    GraphSession node_model(R"({"task": "node_classification", "layers": [{"type": "graph_conv"}]})", "spec");
    CHECK(json::parse(node_model.load(t.nodes, t.edges))["errors"][0]["field"] == "graph");
}
