// tests/core/test_graph.cpp: GCN normalisation by hand, spmm / sparse_matmul / graph_conv against dense
// products and finite differences, and the three readouts. Every op here is linear in its differentiable
// input (max readout piecewise linear, inputs spaced 0.05 apart), so eps 1e-2 differences are exact up to
// float rounding: tol 1e-3 as in test_linear.cpp.
#include <cmath>
#include <memory>

#include "core/ops/graph.hpp"
#include "core/ops/ops.hpp"
#include "gradcheck.hpp"

using namespace helix;
using namespace helix::test;
using Edges = std::vector<std::pair<std::uint32_t, std::uint32_t>>;

namespace {

Tensor densify(const SparseMatrix& a)
{
    Tensor d = xt::zeros<float>(Shape{a.rows, a.cols});
    for (std::size_t r = 0; r < a.rows; ++r)
        for (std::uint32_t k = a.row_ptr[r]; k < a.row_ptr[r + 1]; ++k) d(r, a.col[k]) += a.val[k];
    return d;
}

Tensor dense_matmul(const Tensor& a, const Tensor& b)
{
    Tensor c = xt::zeros<float>(Shape{a.shape()[0], b.shape()[1]});
    for (std::size_t i = 0; i < a.shape()[0]; ++i)
        for (std::size_t j = 0; j < b.shape()[1]; ++j)
            for (std::size_t k = 0; k < a.shape()[1]; ++k) c(i, j) += a(i, k) * b(k, j);
    return c;
}

// A random undirected graph on n nodes with about n * degree / 2 edges, some repeated, a few self-loops.
std::shared_ptr<const SparseMatrix> random_graph(std::size_t n, std::size_t degree, Rng& rng)
{
    Edges e;
    for (std::size_t k = 0; k < n * degree / 2; ++k)
        e.push_back({static_cast<std::uint32_t>(rng.below(n)), static_cast<std::uint32_t>(rng.below(n))});
    return std::make_shared<const SparseMatrix>(ops::gcn_normalized_adjacency(n, e));
}

}  // namespace

TEST_CASE(
    "graph: gcn_normalized_adjacency: the path 0-1-2 by hand; repeated edges and a listed self-loop count "
    "once")
{
    // A + I = [[1 1 0] [1 1 1] [0 1 1]], degrees 2, 3, 2: A_hat(i, j) = 1 / sqrt(d_i d_j).
    const Edges edges{{0, 1}, {1, 0}, {1, 2}, {2, 2}, {0, 1}};
    SparseMatrix a = ops::gcn_normalized_adjacency(3, edges);
    CHECK(kernels::csr_is_valid(a));
    CHECK(a.row_ptr == std::vector<std::uint32_t>{0, 2, 5, 7});
    CHECK(a.col == std::vector<std::uint32_t>{0, 1, 0, 1, 2, 1, 2});
    const float s6 = 1.0f / std::sqrt(6.0f);
    const std::vector<float> want{0.5f, s6, s6, 1.0f / 3.0f, s6, s6, 0.5f};
    REQUIRE(a.val.size() == want.size());
    for (std::size_t k = 0; k < want.size(); ++k) CHECK(a.val[k] == doctest::Approx(want[k]).epsilon(1e-6));
    // an isolated node keeps only its self-loop, of weight 1
    SparseMatrix b = ops::gcn_normalized_adjacency(4, edges);
    CHECK(b.row_ptr.back() == 8);
    CHECK(b.col.back() == 3);
    CHECK(b.val.back() == 1.0f);
}

TEST_CASE("graph: spmm: A x equals the dense product; dx = A^T dy by finite differences (A not symmetric)")
{
    Rng rng(1);
    auto a = std::make_shared<SparseMatrix>();
    *a = ops::gcn_normalized_adjacency(7, {{0, 1}, {2, 3}, {3, 4}, {4, 0}, {5, 6}, {1, 4}});
    a->val[1] *= 3.0f;  // break the symmetry, so using A instead of A^T in backward would fail
    std::shared_ptr<const SparseMatrix> ac = a;
    Tensor x = uniform({7, 5}, -1, 1, rng);
    CHECK_ALLCLOSE(ops::spmm(ac, Var(x)).value(), dense_matmul(densify(*a), x), 1e-5f, 1e-6f);
    CHECK(gradcheck([&](const Var& v) { return ops::spmm(ac, v); }, x, 1e-2f, 1e-3f));
    // rectangular: 3 x 7 times 7 x 2
    auto r = std::make_shared<SparseMatrix>();
    r->rows = 3, r->cols = 7, r->row_ptr = {0, 2, 2, 4}, r->col = {6, 0, 3, 3}, r->val = {1.5f, -2, 0.25f, 1};
    std::shared_ptr<const SparseMatrix> rc = r;
    Tensor x2 = uniform({7, 2}, -1, 1, rng);
    CHECK_ALLCLOSE(ops::spmm(rc, Var(x2)).value(), dense_matmul(densify(*r), x2), 1e-5f, 1e-6f);
    CHECK(gradcheck([&](const Var& v) { return ops::spmm(rc, v); }, x2, 1e-2f, 1e-3f));
}

TEST_CASE(
    "graph: sparse_matmul: sparse binary features times dense weights; dw = X^T dy by finite differences")
{
    Rng rng(2);
    auto x = std::make_shared<SparseMatrix>();
    x->rows = 6, x->cols = 11;
    for (std::size_t r = 0; r < 6; ++r) {
        for (std::uint32_t c = 0; c < 11; ++c)
            if (rng.uniform() < 0.25f) x->col.push_back(c), x->val.push_back(1.0f);
        x->row_ptr.push_back(static_cast<std::uint32_t>(x->col.size()));
    }
    std::shared_ptr<const SparseMatrix> xc = x;
    Tensor w = uniform({11, 4}, -1, 1, rng);
    CHECK_ALLCLOSE(ops::sparse_matmul(xc, Var(w)).value(), dense_matmul(densify(*x), w), 1e-5f, 1e-6f);
    CHECK(gradcheck([&](const Var& v) { return ops::sparse_matmul(xc, v); }, w, 1e-2f, 1e-3f));
}

TEST_CASE("graph_conv: A (X W) + b in either multiplication order; dx, dw, db by finite differences")
{
    Rng rng(3);
    auto adj = random_graph(9, 3, rng);
    // I=6 > O=3 multiplies X W first; I=2 < O=5 propagates A X first.
    for (auto io : {std::pair<std::size_t, std::size_t>{6, 3}, {2, 5}, {4, 4}}) {
        const std::size_t I = io.first, O = io.second;  // not structured bindings: INFO captures them (clang)
        INFO("I=" << I << " O=" << O);
        Tensor x = uniform({9, I}, -1, 1, rng), w = uniform({I, O}, -1, 1, rng), b = uniform({O}, -1, 1, rng);
        Tensor want = dense_matmul(dense_matmul(densify(*adj), x), w) + b;
        CHECK_ALLCLOSE(ops::graph_conv(adj, Var(x), Var(w), Var(b)).value(), want, 1e-5f, 1e-5f);
        CHECK(gradcheck([&](const std::vector<Var>& v) { return ops::graph_conv(adj, v[0], v[1], v[2]); },
                        {x, w, b}, 1e-2f, 1e-3f));
        CHECK_ALLCLOSE(ops::graph_conv(adj, Var(x), Var(w), Var()).value(), want - b, 1e-5f,
                       1e-5f);  // no bias
    }
}

TEST_CASE("graph_readout: mean, sum and max per graph by hand; an empty graph reads 0 and passes no gradient")
{
    // nodes 0, 2 in graph 0; nodes 1, 3, 4 in graph 2; graph 1 empty
    const std::vector<std::uint32_t> of{0, 2, 0, 2, 2};
    Tensor h = tensor({5, 2}, {1, -4, 2, 0, 3, 8, -6, 5, 1, -1});
    CHECK(ops::graph_readout(Var(h), of, 3, ops::Readout::sum).value() ==
          tensor({3, 2}, {4, 4, 0, 0, -3, 4}));
    CHECK_ALLCLOSE(ops::graph_readout(Var(h), of, 3, ops::Readout::mean).value(),
                   tensor({3, 2}, {2, 2, 0, 0, -1, 4.0f / 3}), 1e-6f, 1e-6f);
    CHECK(ops::graph_readout(Var(h), of, 3, ops::Readout::max).value() == tensor({3, 2}, {3, 8, 0, 0, 2, 5}));

    Var hv(h, true);
    backward(ops::sum(ops::graph_readout(hv, of, 3, ops::Readout::mean)));
    CHECK_ALLCLOSE(
        hv.grad(),
        tensor({5, 2}, {0.5f, 0.5f, 1.f / 3, 1.f / 3, 0.5f, 0.5f, 1.f / 3, 1.f / 3, 1.f / 3, 1.f / 3}), 1e-6f,
        1e-7f);
    Var hm(tensor({3, 1}, {2, 2, 1}), true);  // a tie: the first maximal node takes the gradient
    backward(ops::sum(ops::graph_readout(hm, {0, 0, 0}, 1, ops::Readout::max)));
    CHECK(hm.grad() == tensor({3, 1}, {1, 0, 0}));

    Rng rng(4);
    std::vector<std::uint32_t> of2(12);
    for (auto& g : of2) g = static_cast<std::uint32_t>(rng.below(3));
    Tensor h2 = distinct({12, 4}, -1.0f, 0.05f, rng);
    for (auto kind : {ops::Readout::mean, ops::Readout::sum, ops::Readout::max}) {
        INFO("kind " << static_cast<int>(kind));
        CHECK(gradcheck([&](const Var& v) { return ops::graph_readout(v, of2, 4, kind); }, h2, 1e-2f, 1e-3f));
    }
}

TEST_CASE(
    "graph: a 2-layer GCN with tanh and mean readout: every parameter gradient matches finite differences")
{
    Rng rng(5);
    auto adj = random_graph(10, 3, rng);
    Tensor x = uniform({10, 3}, -1, 1, rng), w1 = uniform({3, 4}, -1, 1, rng),
           b1 = uniform({4}, -0.1f, 0.1f, rng), w2 = uniform({4, 2}, -1, 1, rng);
    const std::vector<std::uint32_t> of{0, 0, 0, 0, 0, 1, 1, 1, 1, 1};
    auto net = [&](const std::vector<Var>& v) {
        Var h = ops::tanh(ops::graph_conv(adj, v[0], v[1], v[2]));
        return ops::graph_readout(ops::graph_conv(adj, h, v[3], Var()), of, 2, ops::Readout::mean);
    };
    // tanh is smooth: eps 1e-2 leaves an O(eps^2) truncation error, hence tol 2e-3
    CHECK(gradcheck(net, {x, w1, b1, w2}, 1e-2f, 2e-3f));
}
