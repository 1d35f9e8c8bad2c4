// tests/core/test_tensor_reuse.cpp: a training step's tensors reuse the buffers of the step before (no heap
// allocation once steps repeat), and the buffers kept for that are freed when sizes stop recurring and when
// the trainer goes.
#include <doctest/doctest.h>

#include "../../core/autograd.hpp"
#include "../../core/ops/ops.hpp"
#include "../../core/tensor_reuse.hpp"

using namespace helix;

namespace {

// One "training step" of a small net on a batch of `rows`: forward, loss, backward; returns the loss.
float step(Var& w, std::size_t rows)
{
    Tensor x = xt::ones<float>({rows, std::size_t{64}});
    Var h = ops::matmul(Var(x), w);
    Var loss = ops::mean(ops::sigmoid(h));
    w.zero_grad();
    backward(loss);
    return loss.value()(0);
}

}  // namespace

TEST_CASE("tensor reuse: a repeated step takes every tensor buffer from the step before")
{
    Var w(xt::ones<float>({std::size_t{64}, std::size_t{32}}) * 0.01f, true);
    const auto before = tensor_reuse::stats();
    {
        TensorReuse reuse;
        reuse.next_step();
        const float first = step(w, 128);
        const auto warm = tensor_reuse::stats();
        CHECK(warm.kept_bytes > 0);  // the step's tensors, freed into the cache
        for (int i = 0; i < 3; ++i) {
            reuse.next_step();
            CHECK(step(w, 128) == first);  // the same result from reused (not zeroed-by-the-heap) buffers
        }
        const auto steady = tensor_reuse::stats();
        CHECK(steady.allocated == warm.allocated);  // three steps, not one heap allocation for a tensor
        CHECK(steady.reused > warm.reused);

        // A different batch size (an epoch's last, smaller batch): new sizes; the old ones are freed by the
        // second next_step() after their last use, so the cache holds one step's buffers, not two.
        reuse.next_step();
        step(w, 40);
        reuse.next_step();
        step(w, 40);
        const auto after = tensor_reuse::stats();
        CHECK(after.kept_bytes <= steady.kept_bytes);
    }
    CHECK(tensor_reuse::stats().kept_bytes == 0);  // the last TensorReuse gone: everything kept is freed
    // Without a TensorReuse, tensors come from the heap and go back to it.
    const auto outside = tensor_reuse::stats();
    step(w, 128);
    CHECK(tensor_reuse::stats().reused == outside.reused);
    CHECK(tensor_reuse::stats().kept_bytes == 0);
    CHECK(before.kept_bytes == 0);
}
