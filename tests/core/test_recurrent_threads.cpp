// tests/core/test_recurrent_threads.cpp: the LSTM and GRU split the batch into blocks of sequences, one task
// each running every step; the outputs and every gradient must not depend on the thread count (bit for bit),
// for batches that do not divide evenly and with a batch big enough to be split.
#include <vector>

#include "core/ops/recurrent.hpp"
#include "core/parallel.hpp"
#include "gradcheck.hpp"

using namespace helix;
using namespace helix::test;

namespace {

// y and the gradients of sum(y * r) (r fixed, random) for x and every weight, with the pool at `threads`.
std::vector<Tensor> run(bool gru, std::size_t threads, bool sequences)
{
    ThreadPool::global().set_threads(threads);
    const std::size_t B = 67, L = 9, C = 5, H = 24, G = (gru ? 3 : 4) * H;
    Rng rng(21);
    Var x(uniform({B, L, C}, -1, 1, rng), true), w_ih(uniform({C, G}, -0.3f, 0.3f, rng), true),
        w_hh(uniform({H, G}, -0.3f, 0.3f, rng), true), b1(uniform({G}, -0.3f, 0.3f, rng), true),
        b2(uniform({G}, -0.3f, 0.3f, rng), true);
    Var y = gru ? ops::gru(x, w_ih, w_hh, b1, b2, sequences) : ops::lstm(x, w_ih, w_hh, b1, sequences);
    const Tensor r = uniform(Shape(y.value().shape().begin(), y.value().shape().end()), -1, 1, rng);
    backward(ops::weighted_sum(y, r));
    std::vector<Tensor> out{y.value(), x.grad(), w_ih.grad(), w_hh.grad(), b1.grad()};
    if (gru) out.push_back(b2.grad());
    return out;
}

}  // namespace

TEST_CASE("lstm and gru: outputs and gradients are identical with 1, 2 and 3 threads")
{
    const std::size_t before = ThreadPool::global().threads();
    for (bool gru : {false, true})
        for (bool sequences : {true, false}) {
            INFO("gru=" << gru << " sequences=" << sequences);
            const auto one = run(gru, 1, sequences), two = run(gru, 2, sequences),
                       three = run(gru, 3, sequences);
            REQUIRE(one.size() == two.size());
            for (std::size_t i = 0; i < one.size(); ++i) {
                INFO("tensor " << i);
                CHECK_ALLCLOSE(one[i], two[i], 0.0f, 0.0f);
                CHECK_ALLCLOSE(one[i], three[i], 0.0f, 0.0f);
            }
        }
    ThreadPool::global().set_threads(before);
}
