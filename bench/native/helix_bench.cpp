// bench/native/helix_bench.cpp: the benchmark workloads (bench/workloads/bench_workload.hpp) natively, with
// every heap allocation counted (heap_count.hpp: the number of allocations, the bytes asked for, the live and
// peak bytes). One JSON line per workload and mode, then the kernels.
//   helix_bench [--threads N] [--workloads W1,W2] [--modes train,infer] [--steps N] [--kernels] [--smoke]
// Used for the allocation and peak-memory figures of bench/RESULTS.md and, under perf, for the profile.
#include <malloc.h>

#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "bench/workloads/bench_workload.hpp"
#include "core/parallel.hpp"
#include "heap_count.hpp"

namespace {

std::vector<std::string> split(const std::string& s)
{
    std::vector<std::string> out;
    std::stringstream in(s);
    for (std::string item; std::getline(in, item, ',');)
        if (!item.empty()) out.push_back(item);
    return out;
}

}  // namespace

int main(int argc, char** argv)
{
    using nlohmann::json;
    std::size_t threads = 1;
    int steps = 10;
    bool smoke = false, kernels = false;
    std::vector<std::string> workloads{"W1", "W2", "W3", "W4", "W5", "W6"}, modes{"train", "infer"};
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= argc) {
                std::fprintf(stderr, "%s needs a value\n", a.c_str());
                std::exit(2);
            }
            return argv[++i];
        };
        if (a == "--threads")
            threads = std::stoul(value());
        else if (a == "--steps")
            steps = std::stoi(value());
        else if (a == "--workloads")
            workloads = split(value());
        else if (a == "--modes")
            modes = split(value());
        else if (a == "--kernels")
            kernels = true;
        else if (a == "--smoke")
            smoke = true;
        else {
            std::fprintf(
                stderr,
                "usage: helix_bench [--threads N] [--workloads W1,..] [--modes train,infer] [--steps N] "
                "[--kernels] [--smoke]\n");
            return 2;
        }
    }
    // Keep freed memory in the process, as wasm's allocator does (its memory only grows): by default glibc
    // gives the top of the heap back after each step and the next step page-faults it in again, a cost the
    // WebAssembly builds never pay and which would otherwise dominate the native profile.
    mallopt(M_TRIM_THRESHOLD, 1 << 30);
    mallopt(M_MMAP_THRESHOLD, 1 << 30);
    helix::ThreadPool::global().set_threads(threads);
    for (const auto& id : workloads) {
        heap_count::reset_peak();
        const long long base = heap_count::live();
        helix::bench::BenchWorkload w(id, smoke);
        if (!w.ok()) {
            std::printf("%s\n", w.errors_json().c_str());
            return 1;
        }
        for (const auto& mode : modes) {
            const bool train = mode == "train";
            auto run = [&](int n) { return json::parse(train ? w.train_steps(n) : w.infer_steps(n)); };
            run(3);  // warm-up: workspaces and optimiser state reach their steady size
            // Per step: the allocations of a call of 11 steps less those of a call of 1, over 10. What a call
            // allocates once (its JSON answer, and parsing it here) is reported apart.
            const long long a0 = heap_count::allocations(), b0 = heap_count::bytes();
            run(1);
            const long long a1 = heap_count::allocations(), b1 = heap_count::bytes();
            run(11);
            const long long a11 = heap_count::allocations() - a1, b11 = heap_count::bytes() - b1;
            const long long allocs = (a11 - (a1 - a0)) / 10, bytes = (b11 - (b1 - b0)) / 10;
            const long long call_allocs = (a1 - a0) - allocs;
            const json r = run(steps);
            const json info = json::parse(w.info_json());
            const double batch = info[train ? "trainBatch" : "inferBatch"].get<double>();
            std::printf("%s\n", json{{"workload", id},
                                     {"mode", mode},
                                     {"threads", helix::ThreadPool::global().threads()},
                                     {"samplesPerSecond", batch * steps / r["seconds"].get<double>()},
                                     {"loss", r["loss"]},
                                     {"allocationsPerStep", allocs},
                                     {"bytesAllocatedPerStep", bytes},
                                     {"allocationsPerCall", call_allocs},
                                     {"peakLiveBytes", heap_count::peak() - base}}
                                    .dump()
                                    .c_str());
            std::fflush(stdout);
        }
    }
    if (kernels) std::printf("%s\n", helix::bench::bench_kernels_json(smoke).c_str());
    return 0;
}
