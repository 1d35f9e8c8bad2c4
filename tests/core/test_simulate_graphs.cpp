// tests/core/test_simulate_graphs.cpp: the gene-network motif graphs: feed-forward loops are the only
// triangles, cascade graphs have none, edge counts match across classes, and a seed gives the same set.
#include <doctest/doctest.h>

#include <set>

#include "core/data/graph.hpp"
#include "core/data/simulate_graphs.hpp"

using namespace helix::data;

namespace {

std::vector<std::set<std::uint32_t>> neighbours(const MotifGraph& g)
{
    std::vector<std::set<std::uint32_t>> nb(g.genes);
    for (auto [u, v] : g.edges) nb[u].insert(v), nb[v].insert(u);
    return nb;
}

std::size_t triangles(const MotifGraph& g)
{
    const auto nb = neighbours(g);
    std::size_t n = 0;
    for (auto [u, v] : g.edges)
        for (std::uint32_t w : nb[u]) n += w > v && nb[v].count(w);
    return n;
}

bool has_path_of_3(const MotifGraph& g)
{
    for (const auto& n : neighbours(g))
        if (n.size() >= 2) return true;  // a gene with two neighbours is the middle of a path of 3
    return false;
}

bool connected(const MotifGraph& g)
{
    const auto nb = neighbours(g);
    std::vector<bool> seen(g.genes, false);
    std::vector<std::uint32_t> stack{0};
    seen[0] = true;
    std::size_t reached = 1;
    while (!stack.empty()) {
        const std::uint32_t u = stack.back();
        stack.pop_back();
        for (std::uint32_t v : nb[u])
            if (!seen[v]) seen[v] = true, ++reached, stack.push_back(v);
    }
    return reached == g.genes;
}

}  // namespace

TEST_CASE(
    "graph motifs: class 0 holds its feed-forward loops as its only triangles; class 1 is triangle-free")
{
    GraphMotifOptions o;
    o.count = 400;
    o.seed = 11;
    const auto graphs = simulate_motif_graphs(o);
    REQUIRE(graphs.size() == 400);
    std::size_t edges[2] = {0, 0}, genes[2] = {0, 0}, count[2] = {0, 0};
    for (const auto& g : graphs) {
        REQUIRE((g.label == 0 || g.label == 1));
        CHECK(g.genes >= 14);  // 3 per motif (2-4) and at least 8 background genes
        CHECK(g.genes <= 30);
        CHECK(connected(g));
        CHECK(has_path_of_3(g));
        const std::size_t t = triangles(g);
        if (g.label == 0) {
            CHECK(t >= 2);  // 2-4 feed-forward loops, nothing else closes a triangle
            CHECK(t <= 4);
        } else {
            CHECK(t == 0);
        }
        edges[g.label] += g.edges.size();
        genes[g.label] += g.genes;
        ++count[g.label];
    }
    CHECK(count[0] == 200);
    // Same edge density in both classes (within sampling noise): density does not give the class away.
    const double density0 = double(edges[0]) / double(genes[0]),
                 density1 = double(edges[1]) / double(genes[1]);
    CHECK(std::abs(density0 - density1) < 0.02);
}

TEST_CASE("graph motifs: the same seed gives the same tables, another seed others; the tables load")
{
    GraphMotifOptions o;
    o.count = 20;
    o.seed = 3;
    const GraphTables a = to_graph_tables(simulate_motif_graphs(o)),
                      b = to_graph_tables(simulate_motif_graphs(o));
    CHECK(a.nodes == b.nodes);
    CHECK(a.edges == b.edges);
    o.seed = 4;
    CHECK(to_graph_tables(simulate_motif_graphs(o)).edges != a.edges);

    auto nodes = parse_graph_nodes(a.nodes, {});
    REQUIRE(nodes.ok());
    CHECK(nodes.value.graphs() == 20);
    CHECK(nodes.value.structural_features);
    REQUIRE(parse_graph_edges(a.edges, nodes.value).ok());
    CHECK(nodes.value.ids[0] == "G0001_g01");
}
