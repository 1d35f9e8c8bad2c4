// core/ops/graph.cpp: GCN normalisation, sparse products, graph convolution and readout. See graph.hpp.
// The sparse products call f32_spmm, whose rows are split over the thread pool. Their backward needs the
// transpose (dx = a^T dy, dw = x^T dy); it is built in the first backward that needs it, so inference never
// pays for it, and kept while the matrix lives (a full-graph model multiplies by the same adjacency and
// features every step: building the transposes each step was most of a step's allocations).
#include "graph.hpp"

#include <algorithm>
#include <cmath>
#include <mutex>

#include "ops.hpp"

namespace helix::ops {

SparseMatrix gcn_normalized_adjacency(
    std::size_t n, const std::vector<std::pair<std::uint32_t, std::uint32_t>>& undirected_edges)
{
    // Neighbour lists of A + I, each with both directions and the node itself, then sorted and deduplicated.
    std::vector<std::vector<std::uint32_t>> nb(n);
    for (std::size_t i = 0; i < n; ++i) nb[i].push_back(static_cast<std::uint32_t>(i));
    for (auto [u, v] : undirected_edges) {
        HELIX_ASSERT(u < n && v < n);
        nb[u].push_back(v);
        nb[v].push_back(u);
    }
    SparseMatrix a;
    a.rows = a.cols = n;
    a.row_ptr.assign(1, 0);
    std::vector<float> inv_sqrt_deg(n);
    for (std::size_t i = 0; i < n; ++i) {
        std::sort(nb[i].begin(), nb[i].end());
        nb[i].erase(std::unique(nb[i].begin(), nb[i].end()), nb[i].end());
        inv_sqrt_deg[i] = static_cast<float>(1.0 / std::sqrt(static_cast<double>(nb[i].size())));
    }
    for (std::size_t i = 0; i < n; ++i) {
        for (std::uint32_t j : nb[i]) {
            a.col.push_back(j);
            a.val.push_back(inv_sqrt_deg[i] * inv_sqrt_deg[j]);
        }
        a.row_ptr.push_back(static_cast<std::uint32_t>(a.col.size()));
    }
    return a;
}

namespace {

// a^T, built once per matrix: a few recent matrices' transposes are kept, each until its matrix is freed or
// newer ones push it out. A matrix is recognised by its shared owner, alive (a freed matrix's address may
// be reused by another).
std::shared_ptr<const SparseMatrix> transpose_of(const std::shared_ptr<const SparseMatrix>& a)
{
    struct Entry {
        std::weak_ptr<const SparseMatrix> source;
        std::shared_ptr<const SparseMatrix> transposed;
    };
    constexpr std::size_t kKept = 4;
    static std::mutex mutex;
    static std::vector<Entry> kept;
    std::lock_guard<std::mutex> lock(mutex);
    kept.erase(std::remove_if(kept.begin(), kept.end(), [](const Entry& e) { return e.source.expired(); }),
               kept.end());
    for (const Entry& e : kept)
        if (e.source.lock() == a) return e.transposed;
    auto t = std::make_shared<const SparseMatrix>(kernels::csr_transpose(*a));
    if (kept.size() == kKept) kept.erase(kept.begin());
    kept.push_back({a, t});
    return t;
}

// y (a.rows, F) = a * x (a.cols, F) as an op with dx = a^T dy.
Var sparse_times(const char* name, const std::shared_ptr<const SparseMatrix>& a, const Var& x)
{
    HELIX_ASSERT(a && kernels::csr_is_valid(*a));
    HELIX_ASSERT(x.ndim() == 2 && x.dim(0) == a->cols);
    const std::size_t F = x.dim(1);
    Tensor y = Tensor::from_shape({a->rows, F});
    kernels::f32_spmm(*a, x.value().data(), F, y.data(), /*accumulate=*/false);
    return record(name, std::move(y), {x}, [a, F](BackwardCtx& c) {
        kernels::f32_spmm(*transpose_of(a), c.grad_out().data(), F, c.grad_in(0).data(), /*accumulate=*/true);
    });
}

}  // namespace

Var spmm(const std::shared_ptr<const SparseMatrix>& a, const Var& x)
{
    return sparse_times("spmm", a, x);
}

Var sparse_matmul(const std::shared_ptr<const SparseMatrix>& x, const Var& w)
{
    HELIX_ASSERT(x && kernels::csr_is_valid(*x));
    HELIX_ASSERT(w.ndim() == 2 && w.dim(0) == x->cols);
    const std::size_t O = w.dim(1);
    Tensor y = Tensor::from_shape({x->rows, O});
    kernels::f32_spmm(*x, w.value().data(), O, y.data(), /*accumulate=*/false);
    return record("sparse_matmul", std::move(y), {w}, [x, O](BackwardCtx& c) {
        // dw (I, O) += x^T (I, N) dy (N, O)
        kernels::f32_spmm(*transpose_of(x), c.grad_out().data(), O, c.grad_in(0).data(), /*accumulate=*/true);
    });
}

Var graph_conv(const std::shared_ptr<const SparseMatrix>& adj, const Var& x, const Var& w, const Var& b)
{
    HELIX_ASSERT(adj && adj->rows == adj->cols);
    HELIX_ASSERT(x.ndim() == 2 && w.ndim() == 2 && x.dim(1) == w.dim(0));
    // Cost in multiply-adds: (x w) first N*I*O + nnz*O; (adj x) first nnz*I + N*I*O.
    const bool xw_first = w.dim(1) <= w.dim(0);
    Var h = xw_first ? spmm(adj, matmul(x, w)) : matmul(spmm(adj, x), w);
    return b ? add_bias(h, b) : h;
}

Var graph_readout(const Var& h, const std::vector<std::uint32_t>& graph_of_node, std::size_t graphs,
                  Readout kind)
{
    HELIX_ASSERT(h.ndim() == 2 && h.dim(0) == graph_of_node.size());
    const std::size_t N = h.dim(0), F = h.dim(1), G = graphs;
    StepVector<std::size_t> count(G, 0);
    for (std::uint32_t g : graph_of_node) {
        HELIX_ASSERT(g < G);
        ++count[g];
    }
    const float* ph = h.value().data();
    Tensor y = xt::zeros<float>({G, F});
    float* py = y.data();

    if (kind == Readout::max) {
        // arg[g*F + f]: the first node of graph g with the largest h(., f); N for an empty graph.
        auto arg = small_pool::make_shared<StepVector<std::uint32_t>>(G * F, static_cast<std::uint32_t>(N));
        for (std::size_t i = 0; i < N; ++i) {
            const std::size_t g = graph_of_node[i];
            for (std::size_t f = 0; f < F; ++f) {
                std::uint32_t& a = (*arg)[g * F + f];
                if (a == N || ph[i * F + f] > py[g * F + f]) {
                    a = static_cast<std::uint32_t>(i);
                    py[g * F + f] = ph[i * F + f];
                }
            }
        }
        return record("graph_readout_max", std::move(y), {h}, [arg, N, F](BackwardCtx& c) {
            const float* dy = c.grad_out().data();
            float* dh = c.grad_in(0).data();
            for (std::size_t k = 0; k < arg->size(); ++k)
                if ((*arg)[k] != N) dh[(*arg)[k] * F + k % F] += dy[k];
        });
    }

    // mean and sum: y_g = scale_g * sum of the graph's rows; summed in double (a graph may have 10^4 nodes).
    auto scale = small_pool::make_shared<StepVector<float>>(G, 1.0f);
    if (kind == Readout::mean)
        for (std::size_t g = 0; g < G; ++g)
            (*scale)[g] = count[g] ? 1.0f / static_cast<float>(count[g]) : 0.0f;
    std::vector<double> s(G * F, 0.0);
    for (std::size_t i = 0; i < N; ++i)
        for (std::size_t f = 0; f < F; ++f) s[graph_of_node[i] * F + f] += ph[i * F + f];
    for (std::size_t k = 0; k < G * F; ++k)
        py[k] = static_cast<float>(
            kind == Readout::mean && count[k / F] ? s[k] / static_cast<double>(count[k / F]) : s[k]);
    return record(kind == Readout::mean ? "graph_readout_mean" : "graph_readout_sum", std::move(y), {h},
                  [scale, nodes = graph_of_node, F](BackwardCtx& c) {
                      const float* dy = c.grad_out().data();
                      float* dh = c.grad_in(0).data();
                      for (std::size_t i = 0; i < nodes.size(); ++i)
                          for (std::size_t f = 0; f < F; ++f)
                              dh[i * F + f] += dy[nodes[i] * F + f] * (*scale)[nodes[i]];
                  });
}

}  // namespace helix::ops
