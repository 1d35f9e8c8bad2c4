// tests/core/test_interpret_saliency.cpp: gradient × input against finite differences. For one-hot x,
// attribution l is the directional derivative of the score along x restricted to position l (the base
// present scaled up and down): (f(x + ε x_l) − f(x − ε x_l)) / 2ε.
#include <cmath>

#include "core/interpret/saliency.hpp"
#include "interpret_models.hpp"

using namespace helix;
using namespace helix::test;

TEST_CASE("interpret saliency: each base's attribution equals a finite-difference directional derivative")
{
    api::ModelSession session(kSmoothCnn, "spec");
    REQUIRE(session.ok());
    Rng rng(2);
    const std::string seq = random_dna(30, rng);
    infer::Examples ex = infer::sequence_examples({seq});
    for (bool probability : {false, true}) {
        interpret::Target target;
        target.probability = probability;
        interpret::Scorer scorer(*session.model(), ex, target);
        const interpret::Saliency s = interpret::saliency(scorer, seq, 0);
        const std::size_t L = seq.size();
        const float eps = 1e-2f;
        // Rows 2l and 2l + 1: x ± ε x_l.
        const Tensor x = interpret::one_hot_sequence(seq);
        Tensor shifted = xt::empty<float>({2 * L, L, std::size_t{4}});
        for (std::size_t l = 0; l < L; ++l)
            for (int sign : {1, -1}) {
                float* row = shifted.data() + (2 * l + (sign < 0)) * L * 4;
                std::copy_n(x.data(), L * 4, row);
                for (std::size_t c = 0; c < 4; ++c) row[l * 4 + c] *= 1.0f + sign * eps;
            }
        const std::vector<float> f = scorer.scores(shifted, 0, 0);
        float largest = 0;
        for (std::size_t l = 0; l < L; ++l) {
            const double fd = (static_cast<double>(f[2 * l]) - f[2 * l + 1]) / (2.0 * eps);
            INFO("position ", l, " probability ", probability);
            CHECK(std::fabs(s.attributions[l] - fd) <= 2e-4 + 1e-2 * std::fabs(fd));
            largest = std::max(largest, std::fabs(s.attributions[l]));
        }
        CHECK(largest > 1e-3f);  // the check is not vacuous
    }
}

TEST_CASE("interpret saliency: leaves the weights, their trainability and training as they were")
{
    api::ModelSession session(kSmallCnn, "spec");
    nn::Model& model = *session.model();
    model.set_trainable({"conv1"}, false);
    const std::vector<Tensor> before = model.weights();
    Rng rng(8);
    const std::string seq = random_dna(50, rng);
    infer::Examples ex = infer::sequence_examples({seq});
    {
        interpret::Scorer scorer(model, ex, {});
        for (nn::Param* p : model.params()) CHECK_FALSE(p->var.requires_grad());
        interpret::saliency(scorer, seq, 0);
    }
    const std::vector<Tensor> after = model.weights();
    for (std::size_t i = 0; i < before.size(); ++i) CHECK(before[i] == after[i]);
    for (nn::Param* p : model.params()) CHECK(p->var.requires_grad() == (p->name.rfind("conv1", 0) != 0));
}
