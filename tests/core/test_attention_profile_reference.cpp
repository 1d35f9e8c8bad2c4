// tests/core/test_attention_profile_reference.cpp: the ops of transformers and profile models against PyTorch
// 1.13, through tests/fixtures/attention_profile.json (written by
// tests/fixtures/make_attention_profile_fixtures.py; no torch needed here): GELU, dilated conv1d, central
// crop, multi-head self-attention (key padding, ALiBi, causal; checked there against
// torch.nn.MultiheadAttention), positional encodings, and the count losses. As test_torch_reference.cpp:
// float32 inputs, float64 references, |helix - torch| <= 1e-4 |torch| + 1e-6.
#include <functional>
#include <string>
#include <vector>

#include "core/ops/attention.hpp"
#include "core/ops/ops.hpp"
#include "gradcheck.hpp"

using namespace helix;
using namespace helix::test;

namespace test_attention_profile_reference {

constexpr float rtol = 1e-4f, atol = 1e-6f;

Tensor ref(const std::string& name, const std::string& key)
{
    return fixture("attention_profile/" + name + "/" + key);
}

// Runs op on the fixture's inputs, compares y, backpropagates sum(y * r) and compares every d<input>.
void check_op(const std::string& name, const std::vector<std::string>& inputs,
              const std::function<Var(const std::vector<Var>&)>& op)
{
    INFO("case " << name);
    std::vector<Var> vars;
    for (const auto& in : inputs) vars.emplace_back(ref(name, in), true);
    Var y = op(vars);
    CHECK_ALLCLOSE(y.value(), ref(name, "y"), rtol, atol);
    backward(detail::weighted_sum(y, ref(name, "r")));
    for (std::size_t i = 0; i < inputs.size(); ++i) {
        INFO("d" << inputs[i]);
        CHECK_ALLCLOSE(vars[i].grad(), ref(name, "d" + inputs[i]), rtol, atol);
    }
}

void check_attention(const std::string& name, bool alibi, bool causal)
{
    const auto& j = fixture_json("attention_profile/" + name);
    const std::vector<std::size_t> lengths = j.at("lengths").get<std::vector<std::size_t>>();
    Tensor probabilities;
    ops::AttentionOptions o;
    o.heads = ref(name, "probabilities").shape()[1];  // (B, H, L, L)
    o.lengths = lengths.data(), o.alibi = alibi, o.causal = causal, o.probabilities = &probabilities;
    check_op(name, {"x", "wq", "bq", "wk", "bk", "wv", "bv", "wo", "bo"}, [&](const std::vector<Var>& v) {
        return ops::multi_head_attention(v[0], {v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8]}, o);
    });
    INFO("probabilities of " << name);
    CHECK_ALLCLOSE(probabilities, ref(name, "probabilities"), rtol, atol);
}

TEST_CASE("torch reference: gelu (exact erf, nn.GELU's default)")
{
    check_op("gelu", {"x"}, [](const std::vector<Var>& v) { return ops::gelu(v[0]); });
}

TEST_CASE("torch reference: dilated conv1d valid (K=3, d=3) and same (K=4, d=2; K=2, d=3: even span)")
{
    check_op("conv1d_dilated_valid", {"x", "w", "b"}, [](const std::vector<Var>& v) {
        return ops::conv1d(v[0], v[1], v[2], ops::Padding::valid, ops::Fused::none, 3);
    });
    check_op("conv1d_dilated_same", {"x", "w", "b"}, [](const std::vector<Var>& v) {
        return ops::conv1d(v[0], v[1], v[2], ops::Padding::same, ops::Fused::none, 2);
    });
    check_op("conv1d_dilated_same_even", {"x", "w", "b"}, [](const std::vector<Var>& v) {
        return ops::conv1d(v[0], v[1], v[2], ops::Padding::same, ops::Fused::none, 3);
    });
}

TEST_CASE("torch reference: central crop (L 11 -> 6 starts at 2)")
{
    check_op("crop_center", {"x"}, [](const std::vector<Var>& v) { return ops::crop_center(v[0], 6); });
}

TEST_CASE(
    "torch reference: multi-head self-attention as nn.MultiheadAttention, with key padding, ALiBi, causal")
{
    check_attention("mha", false, false);
    check_attention("mha_alibi", true, false);
    check_attention("mha_alibi_causal", true, true);
}

TEST_CASE("torch reference: sinusoidal and learned positional encodings")
{
    check_op("sinusoidal", {"x"},
             [](const std::vector<Var>& v) { return ops::add_sinusoidal_positions(v[0]); });
    check_op("learned_positions", {"x", "table"},
             [](const std::vector<Var>& v) { return ops::add_learned_positions(v[0], v[1]); });
}

TEST_CASE(
    "torch reference: Poisson NLL, multinomial NLL (with and without log-factorials), MSE on log counts")
{
    check_op("poisson_nll", {"z"}, [](const std::vector<Var>& v) {
        return ops::poisson_nll(v[0], ref("poisson_nll", "targets"), ref("poisson_nll", "mask"));
    });
    for (bool full : {false, true}) {
        const std::string name = full ? "multinomial_nll_full" : "multinomial_nll";
        check_op(name, {"z"}, [&](const std::vector<Var>& v) {
            return ops::multinomial_nll(v[0], ref(name, "counts"), ref(name, "mask"), full);
        });
    }
    check_op("log1p_mse", {"p"},
             [](const std::vector<Var>& v) { return ops::log1p_mse(v[0], ref("log1p_mse", "counts")); });
}

}  // namespace test_attention_profile_reference
