// tests/fuzz/fuzz_graph.cpp: the node and edge tables of a graph (core/data/graph).
// Input: byte 0 picks GraphOptions::feature_count (0 = from the table, else 1..8: a model's input width); the
// rest is the nodes table, then after a NUL byte the edges table (read only when the nodes parse, as the
// session does). Besides the contract of fuzz_contract.hpp: parsed nodes have one id, label and split each,
// labels below `classes`, a valid CSR feature matrix of N rows (as wide as asked); edges join known nodes, u
// < v, sorted, unique; a graph-classification table assigns every node a graph and every graph one label;
// structural features and the stratified splits keep all of that.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/data/graph.hpp"
#include "core/kernels/f32_spmm.hpp"
#include "fuzz_contract.hpp"

namespace {

namespace data = helix::data;

void check_nodes(const data::GraphData& g, std::size_t feature_count)
{
    const std::size_t n = g.size();
    FUZZ_CHECK(g.labels.size() == n && g.split.size() == n, "");
    for (int y : g.labels)
        FUZZ_CHECK(y >= -1 && (y < 0 || static_cast<std::size_t>(y) < g.classes), std::to_string(y));
    FUZZ_CHECK(g.features.rows == n, "");
    if (feature_count > 0 && !g.structural_features) FUZZ_CHECK(g.features.cols == feature_count, "");
    FUZZ_CHECK(helix::kernels::csr_is_valid(g.features), "features are not valid CSR");
    if (!g.has_graphs()) return;
    FUZZ_CHECK(g.graph_of_node.size() == n, "");
    FUZZ_CHECK(g.graph_labels.size() == g.graphs() && g.graph_split.size() == g.graphs(), "");
    for (std::uint32_t k : g.graph_of_node) FUZZ_CHECK(k < g.graphs(), "");
    for (int y : g.graph_labels)
        FUZZ_CHECK(y >= -1 && (y < 0 || static_cast<std::size_t>(y) < g.classes), "");
}

void check_edges(const data::GraphData& g)
{
    for (std::size_t i = 0; i < g.edges.size(); ++i) {
        const auto [u, v] = g.edges[i];
        FUZZ_CHECK(u < v && v < g.size(), "");
        if (i > 0) FUZZ_CHECK(g.edges[i - 1] < g.edges[i], "edges not sorted and unique");
        if (g.has_graphs()) FUZZ_CHECK(g.graph_of_node[u] == g.graph_of_node[v], "an edge joins two graphs");
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size)
{
    if (size == 0) return 0;
    data::GraphOptions options;
    options.feature_count = bytes[0] % 9;
    const std::string_view input(reinterpret_cast<const char*>(bytes) + 1, size - 1);
    const std::size_t nul = input.find('\0');
    const std::string_view nodes_text = input.substr(0, nul);
    const std::string_view edges_text =
        nul == std::string_view::npos ? std::string_view() : input.substr(nul + 1);

    helix::fuzz::no_throw("parse_graph", [&] {
        auto nodes = data::parse_graph_nodes(nodes_text, options);
        helix::fuzz::check_errors(nodes, nodes_text);
        if (!nodes.ok()) return;
        data::GraphData& g = nodes.value;
        check_nodes(g, options.feature_count);
        const auto edges = data::parse_graph_edges(edges_text, g);
        helix::fuzz::check_errors(edges, edges_text);
        if (!edges.ok()) return;
        check_edges(g);
        if (g.structural_features) {
            data::set_structural_features(g, /*degree=*/true);
            FUZZ_CHECK(g.features.rows == g.size() && g.features.cols == 1 + data::kDegreeBins, "");
            FUZZ_CHECK(helix::kernels::csr_is_valid(g.features), "structural features are not valid CSR");
        }
        if (g.has_graphs()) {
            if (!g.split_given) data::assign_stratified_graph_split(g, 0.2f, 0.2f, /*seed=*/1);
        } else if (!g.split_given) {
            data::assign_stratified_split(g, 0.2f, 0.2f, /*seed=*/1);
        }
        check_nodes(g, 0);
    });
    return 0;
}
