// tests/core/test_norm_graph_reference.cpp: batch_norm, layer_norm and a 2-layer GCN against PyTorch 1.13,
// through tests/fixtures/norm_graph.json (written by tests/fixtures/make_norm_graph_fixtures.py; no torch
// needed here). Inputs are float32, references float64 computed from the same values, so these check
// Helix's float32 arithmetic against the exact answer:
//   |helix - torch| <= 1e-4 * |torch| + 1e-6   (relative 1e-4; absolute floor 1e-6 for entries near 0, where
//   a relative bound is meaningless: float32 results of O(1) quantities round at ~1e-7 absolute, and the
//   normalisation gradients are differences of O(1) terms, so they carry ~1e-7 absolute error too)
// The GCN's adjacency is built by Helix from the edge list; the script builds it densely on its own, and the
// two are compared first.
#include <map>
#include <memory>
#include <string>

#include "core/ops/graph.hpp"
#include "core/ops/norm.hpp"
#include "core/ops/ops.hpp"
#include "gradcheck.hpp"

using namespace helix;
using namespace helix::test;

namespace {

constexpr float torch_rtol = 1e-4f, torch_atol = 1e-6f;

Tensor ref(const std::string& name, const std::string& key)
{
    return fixture("norm_graph/" + name + "/" + key);
}

// y, dx, dgamma, dbeta of sum(y * r) against the fixture `name`; op gets (x, gamma, beta).
void check_norm(const std::string& name, const std::function<Var(const Var&, const Var&, const Var&)>& op)
{
    INFO("case " << name);
    Var x(ref(name, "x"), true), gamma(ref(name, "gamma"), true), beta(ref(name, "beta"), true);
    Var y = op(x, gamma, beta);
    CHECK_ALLCLOSE(y.value(), ref(name, "y"), torch_rtol, torch_atol);
    backward(detail::weighted_sum(y, ref(name, "r")));
    CHECK_ALLCLOSE(x.grad(), ref(name, "dx"), torch_rtol, torch_atol);
    CHECK_ALLCLOSE(gamma.grad(), ref(name, "dgamma"), torch_rtol, torch_atol);
    CHECK_ALLCLOSE(beta.grad(), ref(name, "dbeta"), torch_rtol, torch_atol);
}

void check_batch_norm(const std::string& name, bool training)
{
    Tensor rm = ref(name, "running_mean"), rv = ref(name, "running_var");
    check_norm(name, [&](const Var& x, const Var& g, const Var& b) {
        return ops::batch_norm(x, g, b, rm, rv, training);
    });
    INFO("running statistics of " << name);
    CHECK_ALLCLOSE(rm, ref(name, "new_running_mean"), torch_rtol, torch_atol);
    CHECK_ALLCLOSE(rv, ref(name, "new_running_var"), torch_rtol, torch_atol);
}

}  // namespace

TEST_CASE(
    "torch reference: batch_norm as BatchNorm1d, train and eval, (B, F) and (B, L, F): y, dx, dgamma, dbeta, "
    "running stats")
{
    check_batch_norm("batch_norm_train_2d", true);
    check_batch_norm("batch_norm_train_3d", true);
    check_batch_norm("batch_norm_eval_2d", false);
    check_batch_norm("batch_norm_eval_3d", false);
}

TEST_CASE("torch reference: layer_norm as LayerNorm, (B, F) and (B, L, F): y, dx, dgamma, dbeta")
{
    for (const char* name : {"layer_norm_2d", "layer_norm_3d"})
        check_norm(name, [](const Var& x, const Var& g, const Var& b) { return ops::layer_norm(x, g, b); });
}

TEST_CASE(
    "torch reference: graph, a 2-layer GCN (relu, masked softmax cross-entropy): adjacency, logits, loss, "
    "dx, "
    "every parameter gradient")
{
    const Tensor e = fixture("norm_graph/gcn/edges");
    std::vector<std::pair<std::uint32_t, std::uint32_t>> edges;
    for (std::size_t k = 0; k < e.shape()[0]; ++k)
        edges.push_back({static_cast<std::uint32_t>(e(k, 0)), static_cast<std::uint32_t>(e(k, 1))});
    const Tensor a_hat = fixture("norm_graph/gcn/a_hat");
    const std::size_t n = a_hat.shape()[0];
    auto adj = std::make_shared<const SparseMatrix>(ops::gcn_normalized_adjacency(n, edges));
    Tensor dense = xt::zeros<float>(Shape{n, n});
    for (std::size_t r = 0; r < n; ++r)
        for (std::uint32_t k = adj->row_ptr[r]; k < adj->row_ptr[r + 1]; ++k)
            dense(r, adj->col[k]) = adj->val[k];
    CHECK_ALLCLOSE(dense, a_hat, torch_rtol, torch_atol);

    std::map<std::string, Var> p;
    for (const char* k : {"w1", "b1", "w2", "b2"})
        p[k] = Var(fixture(std::string("norm_graph/gcn/") + k), true);
    Var x(fixture("norm_graph/gcn/x"), true);
    Var h = ops::relu(ops::graph_conv(adj, x, p["w1"], p["b1"]));  // 5 -> 7: A X first
    Var z = ops::graph_conv(adj, h, p["w2"], p["b2"]);             // 7 -> 3: X W first
    CHECK_ALLCLOSE(z.value(), fixture("norm_graph/gcn/logits"), torch_rtol, torch_atol);
    Var loss =
        ops::softmax_cross_entropy(z, fixture("norm_graph/gcn/classes"), fixture("norm_graph/gcn/mask"));
    CHECK_ALLCLOSE(loss.value(), fixture("norm_graph/gcn/loss"), torch_rtol, torch_atol);
    backward(loss);
    CHECK_ALLCLOSE(x.grad(), fixture("norm_graph/gcn/dx"), torch_rtol, torch_atol);
    for (auto& entry : p) {
        const std::string& name = entry.first;  // not a structured binding: INFO captures it (clang)
        INFO("d" << name);
        CHECK_ALLCLOSE(entry.second.grad(), fixture("norm_graph/gcn/d" + name), torch_rtol, torch_atol);
    }
}
