// wasm/bind_bench.cpp: Embind declarations for the benchmark workloads and kernel micro-benchmark
// (core/api/bench_workload.hpp). bench/suite.mjs drives them through web/engine/helix.js (createBenchWorkload).
#include <emscripten/bind.h>

#include "core/api/bench_workload.hpp"

using helix::api::BenchWorkload;

EMSCRIPTEN_BINDINGS(helix_bench)
{
    emscripten::class_<BenchWorkload>("BenchWorkload")
        .constructor<const std::string&, bool>()
        .function("ok", &BenchWorkload::ok)
        .function("errors", &BenchWorkload::errors_json)
        .function("info", &BenchWorkload::info_json)
        .function("trainSteps", &BenchWorkload::train_steps)
        .function("inferSteps", &BenchWorkload::infer_steps);
    emscripten::function("benchKernels", &helix::api::bench_kernels_json);
}
