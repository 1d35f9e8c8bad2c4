// bench/workloads/bind_bench.cpp: Embind declarations for the benchmark workloads and kernel micro-benchmark
// (bench_workload.hpp), only in the bench wasm variants (helix-bench-mt, helix-bench). bench/suite.mjs and
// bench/page.mjs drive them through bench/engine.mjs (loadBench).
#include <emscripten/bind.h>

#include "bench/workloads/bench_workload.hpp"

using helix::bench::BenchWorkload;

EMSCRIPTEN_BINDINGS(helix_bench)
{
    emscripten::class_<BenchWorkload>("BenchWorkload")
        .constructor<const std::string&, bool>()
        .function("ok", &BenchWorkload::ok)
        .function("errors", &BenchWorkload::errors_json)
        .function("info", &BenchWorkload::info_json)
        .function("trainSteps", &BenchWorkload::train_steps)
        .function("inferSteps", &BenchWorkload::infer_steps);
    emscripten::function("benchKernels", &helix::bench::bench_kernels_json);
}
