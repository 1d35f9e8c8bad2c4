// bench/native/helix_bench.cpp: the benchmark workloads (core/api/bench_workload.hpp) natively, with every heap
// allocation counted: malloc and friends, interposed over glibc's, keep the number of allocations, the bytes
// asked for, and the live and peak bytes (malloc_usable_size). One JSON line per workload and mode, then the
// kernels.
//   helix_bench [--threads N] [--workloads W1,W2] [--modes train,infer] [--steps N] [--kernels] [--smoke]
// Used for the allocation and peak-memory figures of bench/RESULTS.md and, under perf, for the profile.
#include <malloc.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/api/bench_workload.hpp"
#include "core/parallel.hpp"

namespace {
std::atomic<long long> g_allocs{0}, g_bytes{0}, g_live{0}, g_peak{0};

void* counted(void* p, std::size_t n)
{
    if (!p) return p;
    g_allocs.fetch_add(1, std::memory_order_relaxed);
    g_bytes.fetch_add(static_cast<long long>(n), std::memory_order_relaxed);
    const auto size = static_cast<long long>(malloc_usable_size(p));
    const long long live = g_live.fetch_add(size, std::memory_order_relaxed) + size;
    long long peak = g_peak.load(std::memory_order_relaxed);
    while (live > peak && !g_peak.compare_exchange_weak(peak, live, std::memory_order_relaxed)) {
    }
    return p;
}
void uncounted(void* p)
{
    if (p) g_live.fetch_sub(static_cast<long long>(malloc_usable_size(p)), std::memory_order_relaxed);
}
}  // namespace

// glibc's allocator under the public names: every heap allocation of the process comes through here (operator
// new calls malloc; xtensor's aligned tensors call posix_memalign).
extern "C" {
void* __libc_malloc(std::size_t);
void* __libc_calloc(std::size_t, std::size_t);
void* __libc_realloc(void*, std::size_t);
void* __libc_memalign(std::size_t, std::size_t);
void __libc_free(void*);

void* malloc(std::size_t n) { return counted(__libc_malloc(n), n); }
void* calloc(std::size_t a, std::size_t b) { return counted(__libc_calloc(a, b), a * b); }
void* realloc(void* p, std::size_t n)
{
    uncounted(p);
    return counted(__libc_realloc(p, n), n);
}
void* memalign(std::size_t alignment, std::size_t n) { return counted(__libc_memalign(alignment, n), n); }
void* aligned_alloc(std::size_t alignment, std::size_t n) { return memalign(alignment, n); }
int posix_memalign(void** out, std::size_t alignment, std::size_t n)
{
    void* p = memalign(alignment, n);
    if (!p) return 12;  // ENOMEM
    *out = p;
    return 0;
}
void free(void* p)
{
    uncounted(p);
    __libc_free(p);
}
}

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
    // Keep freed memory in the process, as wasm's allocator does (its memory only grows): by default glibc
    // gives the top of the heap back after each step and the next step page-faults it in again, a cost the
    // WebAssembly builds never pay and which would otherwise dominate the native profile.
    mallopt(M_TRIM_THRESHOLD, 1 << 30);
    mallopt(M_MMAP_THRESHOLD, 1 << 30);
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
            // Per step: the allocations of a call of 11 steps less those of a call of 1, over 10. What a call
            // allocates once (its JSON answer, and parsing it here) is reported apart.
            const long long a0 = g_allocs, b0 = g_bytes;
            run(1);
            const long long a1 = g_allocs, b1 = g_bytes;
            run(11);
            const long long a11 = g_allocs - a1, b11 = g_bytes - b1;
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
                                     {"peakLiveBytes", g_peak - base}}
                                    .dump()
                                    .c_str());
            std::fflush(stdout);
        }
    }
    if (kernels) std::printf("%s\n", helix::api::bench_kernels_json(smoke).c_str());
    return 0;
}
