// tests/core/test_upsample.cpp: upsample1d repeats each position; its gradient sums the copies. The op only
// moves values, so tol 1e-3 as test_reshape.cpp.
#include "gradcheck.hpp"

using namespace helix;
using namespace helix::test;

TEST_CASE(
    "upsample1d: (B, L, C) -> (B, L * size, C), each position repeated; gradient matches finite differences")
{
    Tensor x = tensor({1, 2, 2}, {1, 2, 3, 4});
    CHECK(ops::upsample1d(Var(x), 3).value() == tensor({1, 6, 2}, {1, 2, 1, 2, 1, 2, 3, 4, 3, 4, 3, 4}));
    CHECK(ops::upsample1d(Var(x), 1).value() == x);
    Rng rng(3);
    Tensor big = uniform({2, 5, 3}, -1, 1, rng);
    CHECK(gradcheck([](const Var& v) { return ops::upsample1d(v, 2); }, big, 1e-2f, 1e-3f));
    CHECK(gradcheck([](const Var& v) { return ops::upsample1d(v, 3); }, big, 1e-2f, 1e-3f));
}

TEST_CASE(
    "softmax per position: (B, L, 4) rows sum to 1, gradient matches finite differences, big logits stay "
    "finite")
{
    Rng rng(4);
    Tensor x = uniform({2, 6, 4}, -3, 3, rng);
    Tensor y = ops::softmax(Var(x)).value();
    for (std::size_t b = 0; b < 2; ++b)
        for (std::size_t l = 0; l < 6; ++l)
            CHECK(y(b, l, 0) + y(b, l, 1) + y(b, l, 2) + y(b, l, 3) == doctest::Approx(1.0f).epsilon(1e-6));
    // softmax's outputs are smooth but its plain sum is constant: gradcheck weights them (gradcheck.hpp).
    CHECK(gradcheck([](const Var& v) { return ops::softmax(v); }, x, 1e-2f, 2e-3f));
    Tensor big = tensor({1, 1, 4}, {1000, -1000, 0, 999});
    Tensor p = ops::softmax(Var(big)).value();
    CHECK(std::isfinite(p(0, 0, 0)));
    CHECK(p(0, 0, 0) == doctest::Approx(1.0f / (1.0f + std::exp(-1.0f))).epsilon(1e-5));
}
