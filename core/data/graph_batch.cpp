// core/data/graph_batch.cpp: see graph_batch.hpp.
#include "graph_batch.hpp"

#include "../tensor.hpp"

namespace helix::data {

std::vector<std::vector<std::uint32_t>> nodes_by_graph(const std::vector<std::uint32_t>& graph_of_node,
                                                       std::size_t graphs)
{
    std::vector<std::vector<std::uint32_t>> nodes(graphs);
    for (std::size_t i = 0; i < graph_of_node.size(); ++i) {
        HELIX_ASSERT(graph_of_node[i] < graphs);
        nodes[graph_of_node[i]].push_back(static_cast<std::uint32_t>(i));
    }
    return nodes;
}

namespace {

// Rows `rows` of `a`, renumbered 0..rows.size()-1, each column c mapped to renumber[c]. With renumber left
// empty the columns stay as they are (features); otherwise every column must have a new number (adjacency).
SparseMatrix take_rows(const SparseMatrix& a, const std::vector<std::uint32_t>& rows,
                       const std::vector<std::uint32_t>& renumber, std::size_t cols)
{
    SparseMatrix out;
    out.rows = rows.size();
    out.cols = cols;
    out.row_ptr.assign(1, 0);
    for (std::uint32_t r : rows) {
        for (std::uint32_t k = a.row_ptr[r]; k < a.row_ptr[r + 1]; ++k) {
            const std::uint32_t c = renumber.empty() ? a.col[k] : renumber[a.col[k]];
            HELIX_ASSERT(c < cols);  // an adjacency entry to a node outside the batch: an edge between graphs
            out.col.push_back(c);
            out.val.push_back(a.val[k]);
        }
        out.row_ptr.push_back(static_cast<std::uint32_t>(out.col.size()));
    }
    return out;
}

}  // namespace

GraphBatch make_graph_batch(const SparseMatrix& adj, const SparseMatrix& features,
                            const std::vector<std::vector<std::uint32_t>>& nodes_of_graph,
                            const std::vector<std::size_t>& chosen)
{
    HELIX_ASSERT(adj.rows == adj.cols && adj.rows == features.rows);
    GraphBatch b;
    b.graphs = chosen.size();
    std::vector<std::uint32_t> rows;
    for (std::size_t k = 0; k < chosen.size(); ++k)
        for (std::uint32_t i : nodes_of_graph[chosen[k]]) {
            rows.push_back(i);
            b.graph_of_node.push_back(static_cast<std::uint32_t>(k));
        }
    // Nodes outside the batch map past its end, so take_rows' check catches an edge between graphs.
    std::vector<std::uint32_t> renumber(adj.rows, static_cast<std::uint32_t>(rows.size()));
    for (std::size_t i = 0; i < rows.size(); ++i) renumber[rows[i]] = static_cast<std::uint32_t>(i);
    b.adj = std::make_shared<const SparseMatrix>(take_rows(adj, rows, renumber, rows.size()));
    b.features = std::make_shared<const SparseMatrix>(take_rows(features, rows, {}, features.cols));
    return b;
}

}  // namespace helix::data
