// tests/core/test_graph_transpose_cache.cpp: the sparse products keep the transpose their backward needs
// while the matrix lives. A later matrix, even one allocated where a freed one was, must get its own
// transpose; and the same matrix used again gives the same gradient.
#include <memory>

#include "core/ops/graph.hpp"
#include "core/ops/ops.hpp"
#include "gradcheck.hpp"

using namespace helix;
using namespace helix::test;

namespace {

// A (3 x 4) sparse matrix whose entries depend on `k`, so each k is a different matrix.
std::shared_ptr<const SparseMatrix> matrix(float k)
{
    auto a = std::make_shared<SparseMatrix>();
    a->rows = 3, a->cols = 4;
    a->row_ptr = {0, 2, 3, 5};
    a->col = {0, 3, 1, 2, 3};
    a->val = {1 * k, 2 * k, -1 * k, 0.5f * k, 3 * k};
    return a;
}

// dx of sum(a x) for x (4, 2): column sums of a, per column of x.
Tensor grad_of(const std::shared_ptr<const SparseMatrix>& a)
{
    Var x(xt::zeros<float>(Shape{4, 2}), true);
    backward(ops::sum(ops::spmm(a, x)));
    return x.grad();
}

}  // namespace

TEST_CASE("spmm backward: a freed matrix's transpose is never used for a new one")
{
    for (float k = 1; k <= 12; ++k) {  // more matrices than the kept transposes, each freed before the next
        INFO("k=" << k);
        auto a = matrix(k);
        const Tensor expect = tensor({4, 2}, {k, k, -k, -k, 0.5f * k, 0.5f * k, 5 * k, 5 * k});
        CHECK_ALLCLOSE(grad_of(a), expect, 0.0f, 0.0f);
        CHECK_ALLCLOSE(grad_of(a), expect, 0.0f, 0.0f);  // the kept transpose, same answer
    }
    auto a = matrix(2), b = matrix(3);  // both alive: each its own
    CHECK_ALLCLOSE(grad_of(a), tensor({4, 2}, {2, 2, -2, -2, 1, 1, 10, 10}), 0.0f, 0.0f);
    CHECK_ALLCLOSE(grad_of(b), tensor({4, 2}, {3, 3, -3, -3, 1.5f, 1.5f, 15, 15}), 0.0f, 0.0f);
    CHECK_ALLCLOSE(grad_of(a), tensor({4, 2}, {2, 2, -2, -2, 1, 1, 10, 10}), 0.0f, 0.0f);
}
