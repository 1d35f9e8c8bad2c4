// bench/native/helix_bench.cpp: the benchmark workloads (core/api/bench_workload.hpp) natively, with every heap
// allocation counted: a replaced global operator new/delete keeps the number of allocations, the bytes asked
// for, and the live and peak bytes (malloc_usable_size). One JSON line per workload and mode, then the kernels.
//   helix_bench [--threads N] [--workloads W1,W2] [--modes train,infer] [--steps N] [--kernels] [--smoke]
// Used for the allocation and peak-memory figures of bench/RESULTS.md and, under perf, for the profile.
#include <malloc.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <new>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/api/bench_workload.hpp"
#include "core/parallel.hpp"

namespace {
std::atomic<long long> g_allocs{0}, g_bytes{0}, g_live{0}, g_peak{0};

void* counted_alloc(std::size_t n)
{
    void* p = std::malloc(n ? n : 1);
    if (!p) throw std::bad_alloc();
    g_allocs.fetch_add(1, std::memory_order_relaxed);
    g_bytes.fetch_add(static_cast<long long>(n), std::memory_order_relaxed);
    const long long live = g_live.fetch_add(static_cast<long long>(malloc_usable_size(p)), std::memory_order_relaxed) +
                           static_cast<long long>(malloc_usable_size(p));
    long long peak = g_peak.load(std::memory_order_relaxed);
    while (live > peak && !g_peak.compare_exchange_weak(peak, live, std::memory_order_relaxed)) {
    }
    return p;
}
void counted_free(void* p) noexcept
{
    if (!p) return;
    g_live.fetch_sub(static_cast<long long>(malloc_usable_size(p)), std::memory_order_relaxed);
    std::free(p);
}
}  // namespace

void* operator new(std::size_t n) { return counted_alloc(n); }
void* operator new[](std::size_t n) { return counted_alloc(n); }
void operator delete(void* p) noexcept { counted_free(p); }
void operator delete[](void* p) noexcept { counted_free(p); }
void operator delete(void* p, std::size_t) noexcept { counted_free(p); }
void operator delete[](void* p, std::size_t) noexcept { counted_free(p); }

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
        if (a == "--threads") threads = std::stoul(value());
        else if (a == "--steps") steps = std::stoi(value());
        else if (a == "--workloads") workloads = split(value());
        else if (a == "--modes") modes = split(value());
        else if (a == "--kernels") kernels = true;
        else if (a == "--smoke") smoke = true;
        else {
            std::fprintf(stderr,
                         "usage: helix_bench [--threads N] [--workloads W1,..] [--modes train,infer] [--steps N] "
                         "[--kernels] [--smoke]\n");
            return 2;
        }
    }
    helix::ThreadPool::global().set_threads(threads);
    for (const auto& id : workloads) {
        g_peak = g_live.load();
        const long long base = g_live.load();
        helix::api::BenchWorkload w(id, smoke);
        if (!w.ok()) {
            std::printf("%s\n", w.errors_json().c_str());
            return 1;
        }
        for (const auto& mode : modes) {
            const bool train = mode == "train";
            auto run = [&](int n) { return json::parse(train ? w.train_steps(n) : w.infer_steps(n)); };
            run(3);  // warm-up: workspaces and optimiser state reach their steady size
            const long long a0 = g_allocs, b0 = g_bytes;
            run(1);
            const long long allocs = g_allocs - a0, bytes = g_bytes - b0;
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
                                     {"peakLiveBytes", g_peak - base}}
                                    .dump()
                                    .c_str());
            std::fflush(stdout);
        }
    }
    if (kernels) std::printf("%s\n", helix::api::bench_kernels_json(smoke).c_str());
    return 0;
}
