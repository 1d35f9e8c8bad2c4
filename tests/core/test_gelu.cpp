// tests/core/test_gelu.cpp: gelu against the formula 0.5 x (1 + erf(x / sqrt 2)) in double, hand values, and
// its gradient by finite differences across the curve (negative tail, the bend, positive side).
#include <cmath>

#include "core/ops/ops.hpp"
#include "gradcheck.hpp"

using namespace helix;
using namespace helix::test;

TEST_CASE("gelu: exact erf form, hand values, and dx by finite differences")
{
    const Tensor x = tensor({6}, {-1.0f, 0.0f, 1.0f, 2.0f, -3.0f, 0.5f});
    const Tensor y = ops::gelu(Var(x)).value();
    CHECK(y(1) == 0.0f);
    CHECK(y(0) == doctest::Approx(-0.15865525).epsilon(1e-6));  // -1 * Phi(-1)
    CHECK(y(2) == doctest::Approx(0.84134475).epsilon(1e-6));   // Phi(1)
    Rng rng(31);
    const Tensor big = uniform({4, 9, 5}, -5, 5, rng);
    const Tensor out = ops::gelu(Var(big)).value();
    for (std::size_t i = 0; i < big.size(); ++i) {
        const double v = big.data()[i];
        CHECK(out.data()[i] == doctest::Approx(0.5 * v * (1.0 + std::erf(v / std::sqrt(2.0)))).epsilon(1e-6));
    }
    CHECK(gradcheck([](const Var& v) { return ops::gelu(v); }, uniform({3, 7}, -4, 4, rng), 1e-3f, 1e-3f));
}
