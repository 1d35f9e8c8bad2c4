// tests/core/test_weighted_sum.cpp: sum(x * w) for a constant w.
#include "gradcheck.hpp"

using namespace helix;
using namespace helix::test;

TEST_CASE("weighted_sum: value is sum(x * w) and the gradient matches finite differences")
{
    Rng rng(11);
    Var x(uniform({4, 3}, -2.0f, 2.0f, rng), false);
    const Tensor w = uniform({4, 3}, -1.0f, 1.0f, rng);
    double expect = 0;
    for (std::size_t i = 0; i < w.size(); ++i) expect += x.value().data()[i] * w.data()[i];
    CHECK(ops::weighted_sum(x, w).value()(0) == doctest::Approx(expect).epsilon(1e-6));
    CHECK(gradcheck([&](const Var& v) { return ops::weighted_sum(v, w); }, x.value(), /*eps=*/1e-2f,
                    /*tol=*/1e-3f));
}
