// tests/core/test_graph_data.cpp: parse_graph_nodes / parse_graph_edges and the stratified split.
#include <doctest/doctest.h>

#include <string>

#include "core/data/graph.hpp"

using namespace helix::data;

namespace {
Parsed<GraphData> nodes(const std::string& text, std::size_t features = 0)
{
    GraphOptions opt;
    opt.feature_count = features;
    return parse_graph_nodes(text, opt);
}
}  // namespace

TEST_CASE("graph nodes: ids, labels, splits and feature_indices as CSR")
{
    auto r = nodes(
        "node\tlabel\tsplit\tfeature_indices\npaperA\t1\ttrain\t0,3\npaperB\t-1\tval\t\n"
        "paperC\t\ttest\t2,2\npaperD\t0\tunlabeled_pool\t1\n");
    REQUIRE(r.ok());
    const GraphData& g = r.value;
    CHECK(g.ids == std::vector<std::string>{"paperA", "paperB", "paperC", "paperD"});
    CHECK(g.labels == std::vector<int>{1, -1, -1, 0});
    CHECK(g.split ==
          std::vector<NodeSplit>{NodeSplit::train, NodeSplit::val, NodeSplit::test, NodeSplit::pool});
    CHECK(g.split_given);
    CHECK(g.classes == 2);
    CHECK(g.features.rows == 4);
    CHECK(g.features.cols == 4);  // max index 3 + 1
    CHECK(g.features.row_ptr == std::vector<std::uint32_t>{0, 2, 2, 3, 4});
    CHECK(g.features.col == std::vector<std::uint32_t>{0, 3, 2, 1});  // the repeated 2 counts once
    CHECK(g.count(NodeSplit::train) == 1);
    CHECK(g.count(NodeSplit::test) == 0);  // paperC has no label
}

TEST_CASE("graph nodes: numeric feature columns, CSV, given feature count")
{
    auto r = nodes("node,label,expr1,expr2\ng1,0,0.5,0\ng2,1,0,-2\n");
    REQUIRE(r.ok());
    CHECK(r.value.features.cols == 2);
    CHECK(r.value.features.val == std::vector<float>{0.5f, -2.0f});
    CHECK_FALSE(r.value.split_given);
    CHECK(nodes("node\tlabel\tfeature_indices\na\t0\t1\n", 10).value.features.cols == 10);
    CHECK(nodes("node,label,expr1,expr2\ng1,0,0.5,0\n", 2).ok());
}

TEST_CASE("graph nodes: numeric feature columns must match a loaded model's width (found by fuzz_graph)")
{
    // Before: the features took the model's width (1) while holding columns 0..2, an invalid CSR matrix that
    // the first sparse product stopped on (HELIX_ASSERT).
    auto r = nodes("node,label,split,f0,f1,f2\na,0,train,10,0,1\n", 1);
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].message == "line 1, column 1: the header has 3 feature columns but this model takes 1");
}

TEST_CASE("graph nodes: errors name line, column and what is allowed")
{
    auto r = nodes("node\tlabel\tfeature_indices\na\t0\t1,x,2\nb\tcat\t0\na\t1\t0\n");
    REQUIRE(r.errors.size() == 3);
    CHECK(r.errors[0].message == "line 2, column 7: feature index 'x' is not a non-negative integer");
    CHECK(r.errors[0].field == "feature_indices");
    CHECK(r.errors[1].message.rfind("line 3, column 3: label 'cat' is not a class", 0) == 0);
    CHECK(r.errors[2].message ==
          "line 4, column 1: node 'a' was already listed on line 2 (node ids must be unique)");
    auto out_of_range = nodes("node\tlabel\tfeature_indices\na\t0\t1,12\n", 10);
    REQUIRE(out_of_range.errors.size() == 1);
    CHECK(out_of_range.errors[0].message.rfind("line 2, column 7: feature index 12 is out of range", 0) == 0);
    CHECK(nodes("id\tclass\tf\n").errors.size() == 2);  // no node, no label column
}

TEST_CASE("graph edges: undirected, self-loops and duplicates counted once, unknown ids name the line")
{
    auto r = nodes("node\tlabel\tfeature_indices\na\t0\t0\nb\t1\t1\nc\t1\t0\n");
    REQUIRE(r.ok());
    GraphData g = r.value;
    auto e = parse_graph_edges("source\ttarget\nb\ta\na\tb\nc\tc\nb\tc\n", g);
    REQUIRE(e.ok());
    using E = std::pair<std::uint32_t, std::uint32_t>;
    CHECK(g.edges == std::vector<E>{{0, 1}, {1, 2}});
    CHECK(g.self_loops == 1);
    CHECK(g.duplicate_edges == 1);
    auto bad = parse_graph_edges("source\ttarget\na\tb\na\tzz\nq\tc\n", g);
    REQUIRE(bad.errors.size() == 2);
    CHECK(bad.errors[0].message == "line 3, column 3: node 'zz' is not in the nodes table");
    CHECK(bad.errors[0].field == "target");
    CHECK(bad.errors[1].message == "line 4, column 1: node 'q' is not in the nodes table");
    CHECK(parse_graph_edges("from\tto\na\tb\n", g).errors.size() == 1);
}

TEST_CASE("graph split: seeded and stratified by class; unlabelled nodes stay in the pool")
{
    std::string text = "node\tlabel\tfeature_indices\n";
    for (int i = 0; i < 100; ++i)
        text += "n" + std::to_string(i) + "\t" + (i < 80 ? std::to_string(i % 2) : "-1") + "\t0\n";
    auto r = nodes(text);
    REQUIRE(r.ok());
    GraphData a = r.value, b = r.value, c = r.value;
    assign_stratified_split(a, 0.25f, 0.25f, 7);
    assign_stratified_split(b, 0.25f, 0.25f, 7);
    assign_stratified_split(c, 0.25f, 0.25f, 8);
    CHECK(a.split == b.split);
    CHECK(a.split != c.split);
    int per[2][4] = {};
    for (std::size_t i = 0; i < a.size(); ++i)
        if (a.labels[i] >= 0)
            ++per[a.labels[i]][static_cast<int>(a.split[i])];
        else
            CHECK(a.split[i] == NodeSplit::pool);
    for (auto& cls : per) {  // 40 per class: 10 test, 10 val, 20 train
        CHECK(cls[0] == 20);
        CHECK(cls[1] == 10);
        CHECK(cls[2] == 10);
    }
}
