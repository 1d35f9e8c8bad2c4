// tests/core/test_attention_profile_steady.cpp: the ops of transformers and profile models in one training
// step (conv1d, gelu, dilated conv1d with relu fused, crop, learned and sinusoidal positions, multi-head
// attention with key padding and ALiBi, the three count losses): the step's loss and every gradient are the
// same bit for bit with 1, 2 and 3 threads, and once warm a step makes no heap allocation
// (bench/native/heap_count.hpp counts every allocation of the process); then the same for a network of the
// new spec layers.
#include <vector>

#include "bench/native/heap_count.hpp"
#include "core/nn/layer.hpp"
#include "core/ops/attention.hpp"
#include "core/ops/norm.hpp"
#include "core/ops/ops.hpp"
#include "core/parallel.hpp"
#include "core/spec/sequence.hpp"
#include "gradcheck.hpp"

using namespace helix;
using namespace helix::test;

namespace test_attention_profile_steady {

constexpr std::size_t B = 4, L = 260, C = 4, F = 64, Lo = 256, H = 4, S = 2;

struct Step {
    Tensor x, counts, totals, rates;
    std::vector<Var> params;  // w0 b0 w1 b1 table wq bq wk bk wv bv wo bo wp bp wc bc
    std::vector<std::size_t> lengths{Lo, 200, Lo, 31};
    Tensor probabilities;

    Step()
    {
        Rng rng(110);
        x = uniform({B, L, C}, 0, 1, rng);
        counts = uniform({B, Lo, S}, 0, 4, rng);
        for (float& v : counts) v = std::floor(v);
        totals = uniform({B, Lo, 1}, 0, 30, rng);
        rates = uniform({B, Lo, 1}, 0, 3, rng);
        const std::vector<Shape> shapes{{5, C, F}, {F}, {3, F, F}, {F}, {Lo, F}, {F, F}, {F},    {F, F}, {F},
                                        {F, F},    {F}, {F, F},    {F}, {F, S},  {S},    {F, 1}, {1}};
        for (const Shape& s : shapes) params.emplace_back(uniform(s, -0.2f, 0.2f, rng), true);
    }

    Var run()
    {
        const auto& p = params;
        Var h = ops::gelu(ops::conv1d(Var(x), p[0], p[1], ops::Padding::same));
        h = ops::conv1d(h, p[2], p[3], ops::Padding::same, ops::Fused::relu, 4);
        h = ops::add_sinusoidal_positions(ops::add_learned_positions(ops::crop_center(h, Lo), p[4]));
        ops::AttentionOptions o;
        o.heads = H, o.lengths = lengths.data(), o.alibi = true, o.probabilities = &probabilities;
        h = ops::multi_head_attention(h, {p[5], p[6], p[7], p[8], p[9], p[10], p[11], p[12]}, o);
        const Var profile = ops::linear(h, p[13], p[14]), count = ops::linear(h, p[15], p[16]);
        return ops::add({ops::multinomial_nll(profile, counts), ops::poisson_nll(count, rates),
                         ops::log1p_mse(count, totals)});
    }

    // One training step: the loss, then every gradient (zeroed first).
    Var train()
    {
        for (auto& v : params) v.zero_grad();
        Var loss = run();
        backward(loss);
        return loss;
    }
};

// runs[t]: the tensors of a step with t + 1 threads; each must equal the 1-thread run bit for bit.
void check_identical(const std::vector<std::vector<Tensor>>& runs)
{
    for (std::size_t r = 1; r < runs.size(); ++r)
        for (std::size_t i = 0; i < runs[0].size(); ++i) {
            INFO("threads " << r + 1 << ", tensor " << i);
            CHECK_ALLCLOSE(runs[r][i], runs[0][i], 0.0f, 0.0f);
        }
}

TEST_CASE("attention and profile ops: loss and every gradient identical with 1, 2 and 3 threads")
{
    auto& pool = ThreadPool::global();
    const std::size_t before = pool.threads();
    std::vector<std::vector<Tensor>> runs;
    for (std::size_t threads : {1, 2, 3}) {
        pool.set_threads(threads);
        Step s;
        std::vector<Tensor> out{s.train().value(), s.probabilities};
        for (auto& v : s.params) out.push_back(v.grad());
        runs.push_back(out);
    }
    pool.set_threads(before);
    check_identical(runs);
}

TEST_CASE("attention and profile ops: a steady-state training step makes no heap allocation")
{
    auto& pool = ThreadPool::global();
    const std::size_t before = pool.threads();
    for (std::size_t threads : {1, 2, 3}) {
        CAPTURE(threads);
        pool.set_threads(threads);
        Step s;
        TensorReuse reuse;
        for (int i = 0; i < 3; ++i) reuse.next_step(), s.train();
        const long long start = heap_count::allocations();
        for (int i = 0; i < 5; ++i) reuse.next_step(), s.train();
        CHECK(heap_count::allocations() - start == 0);
    }
    pool.set_threads(before);
}

// The same two checks for a network of the new spec layers (dilated conv1d with gelu, crop, learned
// positions, [CLS] token, a transformer block with dropout and ALiBi, [CLS] readout), run layer after layer
// as bench/workloads does (Model's graph forward builds vectors of its own each call): one step of
// bce_with_logits.
const char* kSpec = R"({"input": {"length": 140}, "layers": [
    {"type": "conv1d", "filters": 32, "kernel_size": 5, "padding": "same", "activation": "relu"},
    {"type": "conv1d", "filters": 32, "kernel_size": 3, "padding": "same", "dilation": 4, "activation": "gelu"},
    {"type": "crop", "length": 128}, {"type": "positional", "encoding": "learned"}, {"type": "cls_token"},
    {"type": "transformer_block", "heads": 4, "rate": 0.1, "alibi": true}, {"type": "cls_readout"},
    {"type": "dense", "units": 1}]})";

struct ModelStep {
    std::vector<std::unique_ptr<nn::Layer>> layers;
    Tensor x, y;
    Rng rng{7};

    ModelStep()
    {
        auto r = nn::parse_spec_text(kSpec);
        REQUIRE(r.ok());
        Rng init(4);
        Shape shape{140, 4};
        for (const auto& ls : r.spec.layers) {
            layers.push_back(nn::make_layer(ls));
            std::string error;
            const Shape out = layers.back()->output_shape(shape, error);
            REQUIRE_MESSAGE(error.empty(), error);
            layers.back()->build(shape, init);
            shape = out;
        }
        Rng data(8);
        x = uniform({6, 140, 4}, 0, 1, data);
        y = uniform({6, 1}, 0, 1, data);
        for (float& v : y) v = v > 0.5f ? 1.0f : 0.0f;
    }
    Var train()
    {
        for (auto& l : layers)
            for (auto& p : l->params()) p.var.zero_grad();
        nn::ForwardCtx ctx;
        ctx.training = true, ctx.rng = &rng;
        Var h(x);
        for (auto& l : layers) h = l->forward(h, ctx);
        Var loss = ops::bce_with_logits(h, y);
        backward(loss);
        return loss;
    }
};

TEST_CASE(
    "a network of the new layers: a training step is identical on 1, 2 and 3 threads and allocates nothing")
{
    auto& pool = ThreadPool::global();
    const std::size_t before = pool.threads();
    std::vector<std::vector<Tensor>> runs;
    for (std::size_t threads : {1, 2, 3}) {
        CAPTURE(threads);
        pool.set_threads(threads);
        ModelStep s;
        TensorReuse reuse;
        // The losses as plain floats: a Tensor kept from inside the loop would hold a reused buffer.
        std::vector<float> losses;
        for (int i = 0; i < 3; ++i) reuse.next_step(), losses.push_back(s.train().value()(0));
        const long long start = heap_count::allocations();
        for (int i = 0; i < 5; ++i) reuse.next_step(), s.train();
        CHECK(heap_count::allocations() - start == 0);
        std::vector<Tensor> out{test::tensor({3}, losses)};
        for (auto& l : s.layers)
            for (auto& p : l->params()) out.push_back(p.var.grad());
        runs.push_back(out);
    }
    pool.set_threads(before);
    check_identical(runs);
}

}  // namespace test_attention_profile_steady
