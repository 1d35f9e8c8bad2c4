// tests/core/test_graph_batch.cpp: a batch of graphs as one block-diagonal graph gives each graph exactly the
// readout it gets alone, for every readout, and its adjacency blocks are the graphs' own A_hat.
#include <doctest/doctest.h>

#include "core/data/graph_batch.hpp"
#include "core/nn/graph_model.hpp"
#include "core/ops/graph.hpp"
#include "core/rng.hpp"
#include "gradcheck.hpp"

using namespace helix;
using namespace helix::test;

namespace {

// Three graphs whose nodes interleave in the data set (graph of node i = i % 3), each a ring plus a chord.
struct ThreeGraphs {
    std::vector<std::uint32_t> graph_of_node;
    std::vector<std::vector<std::pair<std::uint32_t, std::uint32_t>>>
        local_edges;                                             // per graph, local numbering
    std::vector<std::pair<std::uint32_t, std::uint32_t>> edges;  // global numbering
    std::size_t sizes[3] = {4, 5, 6};
};

ThreeGraphs three_graphs()
{
    ThreeGraphs t;
    t.local_edges.resize(3);
    std::vector<std::vector<std::uint32_t>> global(3);
    std::uint32_t next = 0;
    for (std::size_t round = 0; round < 6; ++round)
        for (std::uint32_t g = 0; g < 3; ++g)
            if (round < t.sizes[g]) {
                global[g].push_back(next++);
                t.graph_of_node.push_back(g);
            }
    for (std::size_t g = 0; g < 3; ++g) {
        const auto n = static_cast<std::uint32_t>(t.sizes[g]);
        for (std::uint32_t i = 0; i < n; ++i) t.local_edges[g].emplace_back(i, (i + 1) % n);
        t.local_edges[g].emplace_back(0, 2);
        for (auto [u, v] : t.local_edges[g]) t.edges.emplace_back(global[g][u], global[g][v]);
    }
    return t;
}

SparseMatrix dense_features(const Tensor& x)
{
    SparseMatrix s;
    s.rows = x.shape()[0];
    s.cols = x.shape()[1];
    for (std::size_t i = 0; i < s.rows; ++i) {
        for (std::size_t j = 0; j < s.cols; ++j)
            s.col.push_back(static_cast<std::uint32_t>(j)), s.val.push_back(x(i, j));
        s.row_ptr.push_back(static_cast<std::uint32_t>(s.col.size()));
    }
    return s;
}

}  // namespace

TEST_CASE("graph batch: block-diagonal batching equals a forward pass of each graph alone")
{
    const ThreeGraphs t = three_graphs();
    const std::size_t N = t.graph_of_node.size(), F = 3;
    Rng rng(9);
    Tensor x = uniform({N, F}, -1.0f, 1.0f, rng);
    const SparseMatrix adj = ops::gcn_normalized_adjacency(N, t.edges), features = dense_features(x);
    const auto nodes = data::nodes_by_graph(t.graph_of_node, 3);

    for (const char* mode : {"mean", "sum", "max"}) {
        INFO("readout " << mode);
        auto spec =
            nn::parse_graph_spec_text(std::string(R"({"task": "graph_classification", "features": "as_is",
          "layers": [{"type": "graph_conv", "units": 8, "activation": "relu"}, {"type": "graph_conv", "units": 8,
          "activation": "tanh"}, {"type": "graph_readout", "mode": ")") +
                                      mode + R"("}, {"type": "dense"}]})");
        REQUIRE(spec.ok());
        std::vector<nn::SpecError> errors;
        auto model = nn::GraphModel::build(spec.spec, F, 2, errors);
        REQUIRE(model);
        // Graphs 2 and 0 in one batch, in that order.
        const data::GraphBatch b = data::make_graph_batch(adj, features, nodes, {2, 0});
        CHECK(b.graphs == 2);
        CHECK(b.graph_of_node == std::vector<std::uint32_t>{0, 0, 0, 0, 0, 0, 1, 1, 1, 1});
        const Tensor batched =
            model->forward(b.adj, b.features, false, rng, &b.graph_of_node, b.graphs).value();
        for (std::size_t k = 0; k < 2; ++k) {
            const std::size_t g = k == 0 ? 2 : 0;
            auto alone_adj = std::make_shared<const SparseMatrix>(
                ops::gcn_normalized_adjacency(t.sizes[g], t.local_edges[g]));
            Tensor xg = Tensor::from_shape({t.sizes[g], F});
            for (std::size_t i = 0; i < t.sizes[g]; ++i)
                for (std::size_t f = 0; f < F; ++f) xg(i, f) = x(nodes[g][i], f);
            auto alone_x = std::make_shared<const SparseMatrix>(dense_features(xg));
            const std::vector<std::uint32_t> one(t.sizes[g], 0);
            const Tensor alone = model->forward(alone_adj, alone_x, false, rng, &one, 1).value();
            for (std::size_t c = 0; c < 2; ++c)
                CHECK(batched(k, c) == doctest::Approx(alone(0, c)).epsilon(1e-5));
        }
    }
}
