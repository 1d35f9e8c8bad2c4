// tests/core/test_optimizers.cpp: SGD with momentum and Adam take the steps PyTorch takes
// (values worked out from torch.optim's update rules, 3 steps on a fixed gradient sequence).
#include <doctest/doctest.h>

#include <cmath>

#include "core/optim/optimizer.hpp"

using namespace helix;

namespace {
nn::Param param(float w)
{
    return {"w", Var(Tensor({w}), true)};
}
const float kGrads[] = {0.5f, -1.0f, 2.0f};
}  // namespace

TEST_CASE("sgd: heavy-ball momentum as torch.optim.SGD")
{
    nn::Param p = param(1.0f);
    optim::Sgd sgd({&p}, /*lr=*/0.1f, /*momentum=*/0.9f, /*weight_decay=*/0.0f);
    float w = 1.0f, v = 0.0f;
    for (float g : kGrads) {
        sgd.zero_grad();
        p.var.grad()(0) = g;
        sgd.step();
        v = 0.9f * v + g;
        w -= 0.1f * v;
        CHECK(p.var.value()(0) == doctest::Approx(w).epsilon(1e-6));
    }
}

TEST_CASE("adam: bias-corrected moments as torch.optim.Adam")
{
    nn::Param p = param(1.0f);
    optim::Adam adam({&p}, /*lr=*/0.01f, 0.9f, 0.999f, /*eps=*/1e-8f, /*weight_decay=*/0.0f);
    double w = 1.0, m = 0.0, v = 0.0;
    int t = 0;
    for (float g : kGrads) {
        adam.zero_grad();
        p.var.grad()(0) = g;
        adam.step();
        ++t;
        m = 0.9 * m + 0.1 * g;
        v = 0.999 * v + 0.001 * g * g;
        double mhat = m / (1 - std::pow(0.9, t)), vhat = v / (1 - std::pow(0.999, t));
        w -= 0.01 * mhat / (std::sqrt(vhat) + 1e-8);
        CHECK(p.var.value()(0) == doctest::Approx(w).epsilon(1e-5));
    }
}

TEST_CASE("optimizers leave parameters that do not require gradients (frozen) unchanged")
{
    nn::Param p = param(2.0f);
    p.var.set_requires_grad(false);
    optim::Adam adam({&p}, 0.1f, 0.9f, 0.999f, 1e-8f, 0.0f);
    p.var.grad()(0) = 1.0f;
    adam.step();
    CHECK(p.var.value()(0) == 2.0f);
}
