// core/data/simulate_graphs.cpp: see simulate_graphs.hpp.
#include "simulate_graphs.hpp"

#include <algorithm>
#include <cstdio>
#include <set>

#include "../rng.hpp"
#include "../tensor.hpp"

namespace helix::data {

namespace {

class Network {
public:
    explicit Network(std::size_t n) : adj_(n) {}
    bool has(std::uint32_t u, std::uint32_t v) const { return adj_[u].count(v) > 0; }
    void add(std::uint32_t u, std::uint32_t v)
    {
        HELIX_ASSERT(u != v && !has(u, v));
        adj_[u].insert(v);
        adj_[v].insert(u);
    }
    void remove(std::uint32_t u, std::uint32_t v)
    {
        adj_[u].erase(v);
        adj_[v].erase(u);
    }
    // u-v would close a triangle when u and v share a neighbour.
    bool closes_triangle(std::uint32_t u, std::uint32_t v) const
    {
        for (std::uint32_t w : adj_[u])
            if (adj_[v].count(w)) return true;
        return false;
    }
    std::vector<std::pair<std::uint32_t, std::uint32_t>> edges() const
    {
        std::vector<std::pair<std::uint32_t, std::uint32_t>> out;
        for (std::uint32_t u = 0; u < adj_.size(); ++u)
            for (std::uint32_t v : adj_[u])
                if (u < v) out.emplace_back(u, v);
        return out;
    }

private:
    std::vector<std::set<std::uint32_t>> adj_;
};

std::size_t between(std::size_t lo, std::size_t hi, Rng& rng)
{
    return lo + rng.below(hi - lo + 1);
}

MotifGraph simulate_one(int label, const GraphMotifOptions& o, Rng& rng)
{
    const std::size_t motifs = between(o.min_motifs, o.max_motifs, rng);
    const std::size_t extra = between(0, o.max_extra_edges, rng);
    // At least 8 background genes, and 2 more than the extra edges they must take, so there is room for them.
    const std::size_t min_background = std::max<std::size_t>(8, extra + motifs + 2);
    const std::size_t genes = std::max(between(o.min_genes, o.max_genes, rng), 3 * motifs + min_background);
    const std::size_t background = genes - 3 * motifs;
    // A random recursive tree plus `extra` + `motifs` triangle-free edges (a tree with no room for them, such
    // as a star, is drawn again), then a feed-forward-loop graph gives the last `motifs` of them back: its
    // motifs have one edge more each. Both classes thus draw the background from the same distribution and
    // end with the same number of edges.
    Network net(genes);
    for (;;) {
        net = Network(genes);
        for (std::uint32_t i = 1; i < background; ++i) net.add(i, static_cast<std::uint32_t>(rng.below(i)));
        std::vector<std::pair<std::uint32_t, std::uint32_t>> added;
        for (std::size_t tries = 0; added.size() < extra + motifs && tries < 1000; ++tries) {
            const auto u = static_cast<std::uint32_t>(rng.below(background));
            const auto v = static_cast<std::uint32_t>(rng.below(background));
            if (u == v || net.has(u, v) || net.closes_triangle(u, v)) continue;
            net.add(u, v);
            added.emplace_back(u, v);
        }
        if (added.size() < extra + motifs) continue;
        if (label == 0)
            for (std::size_t k = 0; k < motifs; ++k)
                net.remove(added[extra + k].first, added[extra + k].second);
        break;
    }
    for (std::size_t m = 0; m < motifs; ++m) {
        const auto a = static_cast<std::uint32_t>(background + 3 * m), b = a + 1, c = a + 2;
        net.add(a, b);
        net.add(b, c);
        if (label == 0) net.add(a, c);
        net.add(static_cast<std::uint32_t>(rng.below(background)), a);  // A is regulated by a background gene
    }
    // Shuffle the gene numbers so the motif genes are not always the last ones.
    std::vector<std::uint32_t> perm(genes);
    for (std::uint32_t i = 0; i < genes; ++i) perm[i] = i;
    rng.shuffle(perm);
    MotifGraph g;
    g.genes = genes;
    g.label = label;
    for (auto [u, v] : net.edges())
        g.edges.emplace_back(std::min(perm[u], perm[v]), std::max(perm[u], perm[v]));
    std::sort(g.edges.begin(), g.edges.end());
    return g;
}

}  // namespace

std::vector<MotifGraph> simulate_motif_graphs(const GraphMotifOptions& o)
{
    HELIX_ASSERT(o.min_motifs >= 1 && o.min_motifs <= o.max_motifs && o.min_genes <= o.max_genes);
    Rng rng(o.seed);
    std::vector<MotifGraph> graphs;
    for (std::size_t i = 0; i < o.count; ++i) graphs.push_back(simulate_one(static_cast<int>(i % 2), o, rng));
    rng.shuffle(graphs);
    return graphs;
}

GraphTables to_graph_tables(const std::vector<MotifGraph>& graphs)
{
    GraphTables t;
    t.nodes = "node\tgraph\tlabel\n";
    t.edges = "source\ttarget\n";
    char graph_id[32], a[48], b[48];
    for (std::size_t k = 0; k < graphs.size(); ++k) {
        std::snprintf(graph_id, sizeof graph_id, "G%04zu", k + 1);
        for (std::size_t i = 0; i < graphs[k].genes; ++i) {
            std::snprintf(a, sizeof a, "%s_g%02zu", graph_id, i + 1);
            t.nodes += std::string(a) + "\t" + graph_id + "\t" + std::to_string(graphs[k].label) + "\n";
        }
        for (auto [u, v] : graphs[k].edges) {
            std::snprintf(a, sizeof a, "%s_g%02u", graph_id, u + 1);
            std::snprintf(b, sizeof b, "%s_g%02u", graph_id, v + 1);
            t.edges += std::string(a) + "\t" + b + "\n";
        }
    }
    return t;
}

}  // namespace helix::data
