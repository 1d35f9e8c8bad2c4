// tests/core/test_count_losses.cpp: poisson_nll, multinomial_nll and log1p_mse against direct loops and hand
// values, masks, the empty mask, and their gradients by finite differences.
#include <cmath>

#include "core/ops/ops.hpp"
#include "gradcheck.hpp"

using namespace helix;
using namespace helix::test;

namespace test_count_losses {

// -sum_s sum_l c log softmax_l(z) (+ log-factorials), averaged over counted examples: double, direct.
double direct_mnll(const Tensor& z, const Tensor& c, const std::vector<float>& mask, bool full)
{
    const std::size_t B = z.shape()[0], L = z.shape()[1], S = z.shape()[2];
    double total = 0.0, k = 0.0;
    for (std::size_t b = 0; b < B; ++b) {
        if (!mask.empty() && mask[b] == 0.0f) continue;
        k += 1.0;
        for (std::size_t s = 0; s < S; ++s) {
            double e = 0.0, n = 0.0;
            for (std::size_t l = 0; l < L; ++l) e += std::exp(double(z(b, l, s))), n += c(b, l, s);
            for (std::size_t l = 0; l < L; ++l) {
                total -= c(b, l, s) * (z(b, l, s) - std::log(e));
                if (full) total += std::lgamma(c(b, l, s) + 1.0);
            }
            if (full) total -= std::lgamma(n + 1.0);
        }
    }
    return k ? total / k : 0.0;
}

Tensor counts(const Shape& shape, Rng& rng)
{
    Tensor t = Tensor::from_shape(shape);
    for (float& v : t) v = std::floor(rng.uniform(0.0f, 6.0f));
    return t;
}

TEST_CASE("poisson_nll: exp(z) - t z, hand values, masks, and dz by finite differences")
{
    const Tensor z = tensor({2}, {0.0f, std::log(2.0f)}), t = tensor({2}, {1.0f, 3.0f});
    CHECK(ops::poisson_nll(Var(z), t).value()(0) == doctest::Approx((1.0 + 2.0 - 3.0 * std::log(2.0)) / 2));
    CHECK(ops::poisson_nll(Var(z), t, tensor({2}, {0, 1})).value()(0) ==
          doctest::Approx(2.0 - 3.0 * std::log(2.0)));
    CHECK(ops::poisson_nll(Var(z), t, tensor({2}, {0, 0})).value()(0) == 0.0f);
    Rng rng(41);
    const Tensor zz = uniform({3, 4}, -2, 2, rng), tt = counts({3, 4}, rng);
    const Tensor mask = tensor({3, 4}, {1, 1, 0, 1, 1, 1, 1, 0, 0, 1, 1, 1});
    CHECK(gradcheck([&](const Var& v) { return ops::poisson_nll(v, tt, mask); }, zz, 1e-3f, 1e-3f));
}

TEST_CASE("multinomial_nll: the direct formula, hand values, strands, masks, and dz by finite differences")
{
    // L = 2, equal logits, one read at each position: -2 log(1/2); with log-factorials the exact NLL of the
    // multinomial, -log(2!/(1!1!) 1/4) = log 2.
    const Tensor z = xt::zeros<float>(Shape{1, 2, 1}), c = tensor({1, 2, 1}, {1, 1});
    CHECK(ops::multinomial_nll(Var(z), c).value()(0) == doctest::Approx(2 * std::log(2.0)));
    CHECK(ops::multinomial_nll(Var(z), c, Tensor(), true).value()(0) == doctest::Approx(std::log(2.0)));

    Rng rng(42);
    const Tensor zz = uniform({3, 5, 2}, -2, 2, rng);
    Tensor cc = counts({3, 5, 2}, rng);
    for (std::size_t l = 0; l < 5; ++l) cc(1, l, 0) = 0;  // a strand without reads: no loss, no gradient
    const std::vector<float> mask{1, 1, 0};
    const Tensor mt = tensor({3}, {1, 1, 0});
    // The loss is a float of ~30: gradcheck's eps is 1e-2 so that its rounding (~2e-6) stays far under tol.
    for (bool full : {false, true}) {
        INFO("full=" << full);
        CHECK(ops::multinomial_nll(Var(zz), cc, Tensor(), full).value()(0) ==
              doctest::Approx(direct_mnll(zz, cc, {}, full)).epsilon(1e-6));
        CHECK(ops::multinomial_nll(Var(zz), cc, mt, full).value()(0) ==
              doctest::Approx(direct_mnll(zz, cc, mask, full)).epsilon(1e-6));
        CHECK(
            gradcheck([&](const Var& v) { return ops::multinomial_nll(v, cc, mt, full); }, zz, 1e-2f, 1e-3f));
    }
    CHECK(ops::multinomial_nll(Var(zz), cc, tensor({3}, {0, 0, 0})).value()(0) == 0.0f);
}

TEST_CASE("log1p_mse: mean of (p - log(1 + c))^2, and dp by finite differences")
{
    const Tensor p = tensor({2}, {0.0f, 1.0f}), c = tensor({2}, {0.0f, std::exp(1.0f) - 1.0f});
    CHECK(ops::log1p_mse(Var(p), c).value()(0) == doctest::Approx(0.0).epsilon(1e-6));
    CHECK(ops::log1p_mse(Var(tensor({1}, {2.0f})), tensor({1}, {3.0f})).value()(0) ==
          doctest::Approx(std::pow(2.0 - std::log(4.0), 2)));
    Rng rng(43);
    const Tensor cc = counts({4, 2}, rng);
    CHECK(gradcheck([&](const Var& v) { return ops::log1p_mse(v, cc); }, uniform({4, 2}, 0, 3, rng), 1e-3f,
                    1e-3f));
}

}  // namespace test_count_losses
