// bench/workloads/bench_workload.hpp: the benchmark suite W1–W6 (../shared/BENCHMARKS.md, bench/README.md)
// built from the engine's own layers, ops and optimisers, on seeded synthetic data of the suite's shapes, so
// that bench/suite.mjs can time Helix beside TensorFlow.js and PyTorch. Text in, JSON text out, nothing
// thrown.
//
//   W1 DeepBind-CNN  L=101, conv1d 16x24 valid relu, global max pool, dense 32 relu, dense 1; BCE; batch 64 /
//   256 W2 Basset-like   L=600, conv1d 300x19 same relu, max pool 3, conv1d 200x11 same relu, max pool 4,
//                    conv1d 200x7 same relu, max pool 4, flatten, dense 1000 relu, dense 164; multi-label
//                    BCE; 64 / 64
//   W3 DanQ-lite     L=200, conv1d 32x26 valid relu, max pool 13, bidirectional LSTM 32 (last states), dense
//   1;
//                    BCE; 64 / 256
//   W4 GCN           2708 nodes, 5278 random undirected edges (10556 directed) + self loops, 1433 sparse
//   binary
//                    features (1.27% dense), graph_conv 16 relu, graph_conv 7; softmax CE on 140 nodes; Adam
//                    1e-2
//   W5 Autoencoder   2000 -> 256 relu -> 32 -> 256 relu -> 2000; MSE; 128 / 128
//   W6 DNA GAN       G: 64 -> dense 256 relu -> dense 200 -> reshape (50, 4) -> softmax; D: conv1d 32x8 relu,
//                    global max pool, dense 1; a step is one D step (real + generated) and one G step; 64 /
//                    64
// Every network ends in logits and uses the matching *_with_logits loss (TF.js/PyTorch apply the sigmoid in
// the model and then BCE: the same function); inference applies the sigmoid / reads the softmax as they do.
// Adam 1e-3 (W4: 1e-2), beta 0.9 / 0.999, eps 1e-7.
//
// smoke = true shrinks every shape (short sequences, small batches and layers) for a run that only checks
// the benchmark works.
//
// Benchmark code only: built into the native helix_bench and helix_tests and into the bench wasm variants
// (helix-bench-mt, helix-bench: CMakeLists.txt), never into the product's helix-simd*.wasm.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/nn/layer.hpp"
#include "core/optim/optimizer.hpp"

namespace helix::bench {

class BenchWorkload {
public:
    // id "W1".."W6"; ok() false (errors_json says why) for an unknown id.
    BenchWorkload(const std::string& id, bool smoke);
    ~BenchWorkload();
    bool ok() const { return impl_ != nullptr; }
    std::string errors_json() const;
    // {"id", "description", "trainBatch", "inferBatch", "params", "smoke"}
    std::string info_json() const;
    // n training steps (forward, loss, backward, Adam update, loss read back) -> {"loss" (the last),
    // "seconds"}
    std::string train_steps(int n);
    // n inference steps (forward, output read back) -> {"loss": a checksum of the last output, "seconds"}
    std::string infer_steps(int n);
    // One step of each, untimed (what the two above repeat): the loss, and the output's checksum. ok() first.
    float train_step();
    double infer_step();

    struct Impl;

private:
    std::unique_ptr<Impl> impl_;
    std::string error_;
};

// GFLOP/s of core/kernels' GEMM on the shapes W2's layers use and on the cache-resident 64x64x256 problem the
// SIMD128 ceiling measures, and of ops::conv1d forward and backward (dw + dx) on W1's and W2's layers, with
// the thread pool as it is set. -> {"threads", "gemm": [{name, m, n, k, transA, transB, gflops}],
// "conv1d": [{name, B, L, C, K, F, padding, forwardGflops, backwardGflops}]}. smoke: small shapes, one
// timing.
std::string bench_kernels_json(bool smoke);

}  // namespace helix::bench
