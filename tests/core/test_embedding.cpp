// tests/core/test_embedding.cpp: table lookup. Linear in the table: tol 1e-3 as test_linear.cpp.
#include "core/ops/norm.hpp"
#include "gradcheck.hpp"

using namespace helix;
using namespace helix::test;

TEST_CASE("embedding: indices (B, L) pick rows of the table -> (B, L, D)")
{
    Tensor table = tensor({3, 2}, {0, 1, 10, 11, 20, 21});
    Var y = ops::embedding(tensor({2, 2}, {2, 0, 1, 2}), Var(table));
    CHECK(y.shape() == Shape{2, 2, 2});
    CHECK(y.value() == tensor({2, 2, 2}, {20, 21, 0, 1, 10, 11, 20, 21}));
    CHECK(ops::embedding(tensor({3}, {1, 1, 0}), Var(table)).shape() == Shape{3, 2});
}

TEST_CASE("embedding: a repeated index adds its gradients; unused rows get none; finite differences agree")
{
    Var table(tensor({4, 2}, {0, 1, 2, 3, 4, 5, 6, 7}), true);
    backward(ops::sum(ops::embedding(tensor({1, 3}, {3, 0, 3}), table)));
    CHECK(table.grad() == tensor({4, 2}, {1, 1, 0, 0, 0, 0, 2, 2}));
    Rng rng(1);
    Tensor idx = tensor({2, 3}, {4, 0, 2, 2, 2, 1});
    CHECK(gradcheck([&](const Var& t) { return ops::embedding(idx, t); }, uniform({5, 3}, -1, 1, rng), 1e-2f,
                    1e-3f));
}
