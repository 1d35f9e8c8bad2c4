// core/data/graph.cpp: see graph.hpp.
#include "graph.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <unordered_map>

#include "../rng.hpp"
#include "../tensor.hpp"
#include "lines.hpp"

namespace helix::data {

namespace {

struct Cell {
    std::string_view text;  // trimmed
    std::size_t offset;     // byte offset of the trimmed text in its line
};

std::vector<Cell> split_cells(std::string_view line, char delim)
{
    std::vector<Cell> cells;
    std::size_t start = 0;
    for (;;) {
        std::size_t end = line.find(delim, start);
        if (end == std::string_view::npos) end = line.size();
        std::string_view raw = line.substr(start, end - start);
        std::size_t lead = 0;
        while (lead < raw.size() && is_space(raw[lead]) && raw[lead] != delim) ++lead;
        std::string_view t = trim(raw);
        if (!t.empty() && t.back() == '\r') t.remove_suffix(1);
        cells.push_back({t, start + lead});
        if (end == line.size()) break;
        start = end + 1;
    }
    return cells;
}

char delimiter_of(std::string_view header)
{
    return header.find('\t') != std::string_view::npos ? '\t' : ',';
}

int column_index(const std::vector<Cell>& header, std::string_view name)
{
    for (std::size_t i = 0; i < header.size(); ++i)
        if (header[i].text == name) return static_cast<int>(i);
    return -1;
}

bool parse_int(std::string_view s, long long& out)
{
    if (s.empty()) return false;
    const char* end = s.data() + s.size();
    auto r = std::from_chars(s.data(), end, out);
    return r.ec == std::errc() && r.ptr == end;
}

bool parse_float(std::string_view s, float& out)
{
    if (s.empty()) return false;
    std::string copy(s);  // strtof needs a terminated string; from_chars(float) is missing in older libc++
    char* end = nullptr;
    out = std::strtof(copy.c_str(), &end);
    return end == copy.c_str() + copy.size() && std::isfinite(out);
}

NodeSplit split_of(std::string_view s)
{
    if (s == "train") return NodeSplit::train;
    if (s == "val" || s == "valid" || s == "validation") return NodeSplit::val;
    if (s == "test") return NodeSplit::test;
    return NodeSplit::pool;
}

// Not named quoted: std::quoted (from <iomanip>) would win by argument-dependent lookup for a std::string.
std::string in_quotes(std::string_view s)
{
    std::string q = "'";
    q += s.substr(0, 40);
    if (s.size() > 40) q += "...";
    return q + "'";
}

}  // namespace

std::size_t GraphData::count(NodeSplit s) const
{
    std::size_t n = 0;
    for (std::size_t i = 0; i < size(); ++i) n += split[i] == s && labels[i] >= 0;
    return n;
}

Parsed<GraphData> parse_graph_nodes(std::string_view text, const GraphOptions& options)
{
    Parsed<GraphData> out;
    GraphData& g = out.value;
    ErrorCollector errors;
    LineReader reader(text);
    Line line;
    if (!reader.next_non_blank(line)) {
        errors.add(1, 1, "", "the nodes table is empty; it needs a header with node, label and features");
        errors.move_into(out);
        return out;
    }
    const char delim = delimiter_of(line.text);
    const std::vector<Cell> header = split_cells(line.text, delim);
    const int c_node = column_index(header, "node"), c_label = column_index(header, "label");
    const int c_split = column_index(header, "split"), c_indices = column_index(header, "feature_indices");
    const int c_graph = column_index(header, "graph");
    const int header_line = line.number;
    if (c_node < 0)
        errors.add(header_line, 1, "node", "the header has no 'node' column (it names each node)");
    if (c_label < 0)
        errors.add(header_line, 1, "label",
                   "the header has no 'label' column (an integer class, -1 or empty for unlabelled)");
    std::vector<int> numeric;  // feature columns when there is no feature_indices
    if (c_indices < 0)
        for (std::size_t i = 0; i < header.size(); ++i)
            if (static_cast<int>(i) != c_node && static_cast<int>(i) != c_label &&
                static_cast<int>(i) != c_split && static_cast<int>(i) != c_graph)
                numeric.push_back(static_cast<int>(i));
    g.structural_features = c_graph >= 0 && c_indices < 0 && numeric.empty();
    if (c_indices < 0 && numeric.empty() && c_graph < 0 && c_node >= 0 && c_label >= 0)
        errors.add(header_line, 1, "",
                   "the header has no features: add 'feature_indices' or numeric feature columns");
    if (errors.total() > 0) {
        errors.move_into(out);
        return out;
    }
    g.split_given = c_split >= 0;
    const std::size_t limit = options.feature_count;
    // Numeric feature columns are the features one for one: a model of another width cannot read them (its
    // feature matrix would hold columns past its width).
    if (limit > 0 && !numeric.empty() && numeric.size() != limit) {
        errors.add(header_line, 1, "",
                   "the header has " + std::to_string(numeric.size()) +
                       " feature columns but this model takes " + std::to_string(limit));
        errors.move_into(out);
        return out;
    }
    std::size_t max_index_plus_one = c_indices < 0 ? numeric.size() : 0;
    std::unordered_map<std::string, int> first_line;
    // Per graph: its index, and the lines that first gave it a label and a split (0: none yet).
    struct GraphSeen {
        std::uint32_t index;
        int label_line = 0, split_line = 0;
        std::string split_text;
    };
    std::unordered_map<std::string, GraphSeen> graphs;
    std::vector<std::pair<std::uint32_t, float>> row;
    while (reader.next_non_blank(line)) {
        const std::vector<Cell> cells = split_cells(line.text, delim);
        auto column = [&](std::size_t i, std::size_t extra = 0) {
            return i < cells.size() ? column_of(line.text, cells[i].offset + extra)
                                    : column_of(line.text, line.text.size());
        };
        if (cells.size() < header.size()) {
            if (!errors.full())
                errors.add(line.number, column(cells.size() - 1), "",
                           "this row has " + std::to_string(cells.size()) + " columns but the header has " +
                               std::to_string(header.size()));
            else
                errors.count_more();
            continue;
        }
        const std::string_view id = cells[c_node].text;
        if (id.empty()) {
            errors.add(line.number, column(c_node), "node", "the node id is empty");
        } else {
            auto [it, fresh] = first_line.emplace(std::string(id), line.number);
            if (!fresh)
                errors.add(line.number, column(c_node), "node",
                           "node " + in_quotes(id) + " was already listed on line " +
                               std::to_string(it->second) + " (node ids must be unique)");
        }
        long long label = -1;
        const std::string_view ltext = cells[c_label].text;
        if (!ltext.empty() && (!parse_int(ltext, label) || label < -1 || label > 100000)) {
            errors.add(line.number, column(c_label), "label",
                       "label " + in_quotes(ltext) +
                           " is not a class (allowed: 0, 1, 2, ...; -1 or empty for unlabelled)");
            label = -1;
        }
        row.clear();
        if (c_indices >= 0) {
            const std::string_view list = cells[c_indices].text;
            std::size_t start = 0;
            while (start < list.size()) {
                std::size_t end = list.find(',', start);
                if (end == std::string_view::npos) end = list.size();
                const std::string_view item = trim(list.substr(start, end - start));
                long long index = 0;
                if (!parse_int(item, index) || index < 0 || index > 100000000) {
                    errors.add(line.number, column(c_indices, start), "feature_indices",
                               "feature index " + in_quotes(item) + " is not a non-negative integer");
                } else if (limit > 0 && static_cast<std::size_t>(index) >= limit) {
                    errors.add(line.number, column(c_indices, start), "feature_indices",
                               "feature index " + std::to_string(index) +
                                   " is out of range (this model has " + std::to_string(limit) +
                                   " features: 0 to " + std::to_string(limit - 1) + ")");
                } else {
                    row.emplace_back(static_cast<std::uint32_t>(index), 1.0f);
                    max_index_plus_one = std::max(max_index_plus_one, static_cast<std::size_t>(index) + 1);
                }
                start = end + 1;
            }
            std::sort(row.begin(), row.end());
            row.erase(std::unique(row.begin(), row.end()), row.end());  // a repeated index is one feature
        } else {
            for (std::size_t f = 0; f < numeric.size(); ++f) {
                const Cell& cell = cells[numeric[f]];
                float v = 0.0f;
                if (!parse_float(cell.text, v))
                    errors.add(line.number, column(numeric[f]), std::string(header[numeric[f]].text),
                               "feature " + in_quotes(cell.text) + " is not a number");
                else if (v != 0.0f)
                    row.emplace_back(static_cast<std::uint32_t>(f), v);
            }
        }
        if (c_graph >= 0) {
            const std::string_view gid = cells[c_graph].text;
            if (gid.empty()) errors.add(line.number, column(c_graph), "graph", "the graph id is empty");
            auto [it, fresh] =
                graphs.emplace(std::string(gid), GraphSeen{static_cast<std::uint32_t>(g.graph_ids.size())});
            GraphSeen& seen = it->second;
            if (fresh) {
                g.graph_ids.emplace_back(gid);
                g.graph_labels.push_back(-1);
                g.graph_split.push_back(NodeSplit::pool);
            }
            g.graph_of_node.push_back(seen.index);
            int& graph_label = g.graph_labels[seen.index];
            if (label >= 0 && graph_label < 0) {
                graph_label = static_cast<int>(label);
                seen.label_line = line.number;
            } else if (label >= 0 && graph_label != label) {
                errors.add(line.number, column(c_label), "label",
                           "label " + std::to_string(label) + " differs from label " +
                               std::to_string(graph_label) + " of graph " + in_quotes(gid) + " (line " +
                               std::to_string(seen.label_line) +
                               "); the labelled nodes of a graph must agree (-1 or empty leaves a node out)");
            }
            const std::string_view stext = c_split >= 0 ? cells[c_split].text : std::string_view();
            if (!stext.empty() && seen.split_line == 0) {
                seen.split_line = line.number;
                seen.split_text = std::string(stext);
                g.graph_split[seen.index] = split_of(stext);
            } else if (!stext.empty() && split_of(stext) != split_of(seen.split_text)) {
                errors.add(line.number, column(c_split), "split",
                           "split " + in_quotes(stext) + " differs from " + in_quotes(seen.split_text) +
                               " of graph " + in_quotes(gid) + " (line " + std::to_string(seen.split_line) +
                               "); every node of a graph is in its graph's split");
            }
        }
        g.ids.emplace_back(id);
        g.labels.push_back(static_cast<int>(label));
        g.split.push_back(c_split >= 0 ? split_of(cells[c_split].text) : NodeSplit::pool);
        if (label >= 0) g.classes = std::max(g.classes, static_cast<std::size_t>(label) + 1);
        for (auto& [c, v] : row) {
            g.features.col.push_back(c);
            g.features.val.push_back(v);
        }
        g.features.row_ptr.push_back(static_cast<std::uint32_t>(g.features.col.size()));
    }
    if (g.ids.empty() && errors.total() == 0)
        errors.add(header_line, 1, "", "the nodes table has a header but no nodes");
    g.features.rows = g.ids.size();
    g.features.cols = limit > 0 ? limit : max_index_plus_one;
    if (errors.total() == 0 && g.features.cols == 0 && !g.structural_features)
        errors.add(header_line, 1, "feature_indices",
                   "no node has any feature (every feature_indices is empty)");
    errors.move_into(out);
    return out;
}

Parsed<bool> parse_graph_edges(std::string_view text, GraphData& g)
{
    Parsed<bool> out{false, {}, 0};
    ErrorCollector errors;
    LineReader reader(text);
    Line line;
    g.edges.clear();
    g.self_loops = g.duplicate_edges = 0;
    if (!reader.next_non_blank(line)) {
        errors.add(1, 1, "", "the edges table is empty; it needs a header with source and target");
        errors.move_into(out);
        return out;
    }
    const char delim = delimiter_of(line.text);
    const std::vector<Cell> header = split_cells(line.text, delim);
    const int c_source = column_index(header, "source"), c_target = column_index(header, "target");
    if (c_source < 0 || c_target < 0) {
        errors.add(
            line.number, 1, c_source < 0 ? "source" : "target",
            "the header needs 'source' and 'target' columns (node ids), found " + in_quotes(line.text));
        errors.move_into(out);
        return out;
    }
    std::unordered_map<std::string_view, std::uint32_t> index;
    index.reserve(g.size());
    for (std::size_t i = 0; i < g.size(); ++i) index.emplace(g.ids[i], static_cast<std::uint32_t>(i));
    const std::size_t need = static_cast<std::size_t>(std::max(c_source, c_target)) + 1;
    std::size_t rows = 0;
    while (reader.next_non_blank(line)) {
        const std::vector<Cell> cells = split_cells(line.text, delim);
        if (cells.size() < need) {
            errors.add(
                line.number, column_of(line.text, line.text.size()), "",
                "this row has " + std::to_string(cells.size()) + " columns; source and target are needed");
            continue;
        }
        std::uint32_t ends[2] = {0, 0};
        bool known = true;
        const int cols[2] = {c_source, c_target};
        for (int e = 0; e < 2; ++e) {
            const Cell& cell = cells[cols[e]];
            auto it = index.find(cell.text);
            if (it == index.end()) {
                known = false;
                if (errors.full()) {
                    errors.count_more();
                    continue;
                }
                errors.add(line.number, column_of(line.text, cell.offset), e == 0 ? "source" : "target",
                           "node " + in_quotes(cell.text) + " is not in the nodes table");
            } else {
                ends[e] = it->second;
            }
        }
        if (!known) continue;
        if (g.has_graphs() && g.graph_of_node[ends[0]] != g.graph_of_node[ends[1]]) {
            errors.add(line.number, column_of(line.text, cells[c_target].offset), "target",
                       "this edge joins node " + in_quotes(cells[c_source].text) + " of graph " +
                           in_quotes(g.graph_ids[g.graph_of_node[ends[0]]]) + " and node " +
                           in_quotes(cells[c_target].text) + " of graph " +
                           in_quotes(g.graph_ids[g.graph_of_node[ends[1]]]) +
                           " (an edge must stay within one graph)");
            continue;
        }
        ++rows;
        if (ends[0] == ends[1]) {
            ++g.self_loops;
            continue;
        }
        g.edges.emplace_back(std::min(ends[0], ends[1]), std::max(ends[0], ends[1]));
    }
    std::sort(g.edges.begin(), g.edges.end());
    const std::size_t listed = g.edges.size();
    g.edges.erase(std::unique(g.edges.begin(), g.edges.end()), g.edges.end());
    g.duplicate_edges = listed - g.edges.size();
    out.value = rows > 0 || errors.total() == 0;
    errors.move_into(out);
    return out;
}

namespace {

// Shuffles the labelled items of each class with `seed` and deals out about val_fraction to val,
// test_fraction to test and the rest to train, per class; unlabelled items go to the pool.
void stratify(const std::vector<int>& labels, std::size_t classes, std::vector<NodeSplit>& split,
              float val_fraction, float test_fraction, std::uint64_t seed)
{
    HELIX_ASSERT(val_fraction >= 0 && test_fraction >= 0 && val_fraction + test_fraction < 1);
    Rng rng(seed);
    std::vector<std::vector<std::size_t>> by_class(classes);
    for (std::size_t i = 0; i < labels.size(); ++i) {
        split[i] = NodeSplit::pool;
        if (labels[i] >= 0) by_class[static_cast<std::size_t>(labels[i])].push_back(i);
    }
    for (auto& members : by_class) {
        rng.shuffle(members);
        const std::size_t n = members.size();
        const auto n_test = static_cast<std::size_t>(std::lround(test_fraction * static_cast<double>(n)));
        const auto n_val = static_cast<std::size_t>(std::lround(val_fraction * static_cast<double>(n)));
        for (std::size_t k = 0; k < n; ++k)
            split[members[k]] = k < n_test           ? NodeSplit::test
                                : k < n_test + n_val ? NodeSplit::val
                                                     : NodeSplit::train;
    }
}

}  // namespace

void assign_stratified_split(GraphData& g, float val_fraction, float test_fraction, std::uint64_t seed)
{
    stratify(g.labels, g.classes, g.split, val_fraction, test_fraction, seed);
}

void assign_stratified_graph_split(GraphData& g, float val_fraction, float test_fraction, std::uint64_t seed)
{
    stratify(g.graph_labels, g.classes, g.graph_split, val_fraction, test_fraction, seed);
}

std::size_t GraphData::count_graphs(NodeSplit s) const
{
    std::size_t n = 0;
    for (std::size_t i = 0; i < graphs(); ++i) n += graph_split[i] == s && graph_labels[i] >= 0;
    return n;
}

void set_structural_features(GraphData& g, bool degree)
{
    std::vector<std::size_t> deg(g.size(), 0);
    for (auto [u, v] : g.edges) ++deg[u], ++deg[v];
    SparseMatrix& x = g.features;
    x.rows = g.size();
    x.cols = degree ? 1 + kDegreeBins : 1;
    x.row_ptr.assign(1, 0);
    x.col.clear();
    x.val.clear();
    for (std::size_t i = 0; i < g.size(); ++i) {
        x.col.push_back(0);
        x.val.push_back(1.0f);
        if (degree) {
            x.col.push_back(static_cast<std::uint32_t>(1 + std::min(deg[i], kDegreeBins - 1)));
            x.val.push_back(1.0f);
        }
        x.row_ptr.push_back(static_cast<std::uint32_t>(x.col.size()));
    }
}

}  // namespace helix::data
