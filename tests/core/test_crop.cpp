// tests/core/test_crop.cpp: crop_center against direct indexing, for even and odd trims and no trim, and its
// gradient (the window's dy, zeros on the trimmed positions) by finite differences.
#include "core/ops/ops.hpp"
#include "gradcheck.hpp"

using namespace helix;
using namespace helix::test;

TEST_CASE("crop_center: the window starts at (L - Lo) / 2; dx is dy inside it and 0 outside")
{
    Rng rng(32);
    for (std::size_t Lo : {std::size_t{4}, std::size_t{5}, std::size_t{9}}) {
        INFO("Lo=" << Lo);
        const Tensor x = uniform({2, 9, 3}, -1, 1, rng);
        const Tensor y = ops::crop_center(Var(x), Lo).value();
        REQUIRE(y.shape()[1] == Lo);
        const std::size_t left = (9 - Lo) / 2;  // 2, 2, 0: an odd trim leaves the extra position on the right
        for (std::size_t b = 0; b < 2; ++b)
            for (std::size_t l = 0; l < Lo; ++l)
                for (std::size_t c = 0; c < 3; ++c) CHECK(y(b, l, c) == x(b, l + left, c));
        CHECK(gradcheck([Lo](const Var& v) { return ops::crop_center(v, Lo); }, x, 1e-2f, 1e-4f));
    }
    Var x(tensor({1, 5, 1}, {1, 2, 3, 4, 5}), true);
    backward(ops::sum(ops::crop_center(x, 2)));  // positions 1, 2
    CHECK_ALLCLOSE(x.grad(), tensor({1, 5, 1}, {0, 1, 1, 0, 0}), 0.0f, 0.0f);
}
