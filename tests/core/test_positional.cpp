// tests/core/test_positional.cpp: sinusoidal positions against hand values (position 0 is (0, 1, 0, 1, ...)),
// learned positions against direct indexing, and the gradients (dx = dy; dtable sums over the batch).
#include <cmath>

#include "core/ops/attention.hpp"
#include "gradcheck.hpp"

using namespace helix;
using namespace helix::test;

TEST_CASE("add_sinusoidal_positions: sin on even columns, cos on odd, frequencies 10000^(-2i/D)")
{
    const std::size_t D = 6;
    const Tensor pe = ops::add_sinusoidal_positions(Var(Tensor(xt::zeros<float>(Shape{2, 4, D})))).value();
    for (std::size_t b = 0; b < 2; ++b) {
        for (std::size_t i = 0; i < D; ++i) CHECK(pe(b, 0, i) == (i % 2 ? 1.0f : 0.0f));
        CHECK(pe(b, 1, 0) == doctest::Approx(std::sin(1.0)));
        CHECK(pe(b, 1, 1) == doctest::Approx(std::cos(1.0)));
        CHECK(pe(b, 3, 2) == doctest::Approx(std::sin(3.0 / std::pow(10000.0, 2.0 / D))));
        CHECK(pe(b, 3, 5) == doctest::Approx(std::cos(3.0 / std::pow(10000.0, 4.0 / D))));
    }
    Rng rng(51);
    CHECK(gradcheck([](const Var& v) { return ops::add_sinusoidal_positions(v); },
                    uniform({2, 3, 5}, -1, 1, rng), 1e-2f, 1e-4f));
}

TEST_CASE("add_learned_positions: row l of the table added at position l; dtable by finite differences")
{
    Rng rng(52);
    const Tensor x = uniform({3, 4, 2}, -1, 1, rng), table = uniform({6, 2}, -1, 1, rng);
    const Tensor y = ops::add_learned_positions(Var(x), Var(table)).value();
    for (std::size_t b = 0; b < 3; ++b)
        for (std::size_t l = 0; l < 4; ++l)
            for (std::size_t d = 0; d < 2; ++d) CHECK(y(b, l, d) == x(b, l, d) + table(l, d));
    CHECK(gradcheck([](const std::vector<Var>& v) { return ops::add_learned_positions(v[0], v[1]); },
                    {x, table}, 1e-2f, 1e-4f));
}
