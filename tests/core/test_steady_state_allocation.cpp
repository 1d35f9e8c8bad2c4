// tests/core/test_steady_state_allocation.cpp: once a training loop has reached its steady state, a step
// makes no heap allocation at all (issue 6): the tape's nodes and closures come back from small_pool, tensors
// and step buffers from tensor_reuse, and the ops keep shapes in inline storage. Every heap allocation of the
// process is counted (bench/native/heap_count.hpp), so anything a step asks the heap for fails this test.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "bench/native/heap_count.hpp"
#include "bench/workloads/bench_workload.hpp"
#include "core/parallel.hpp"

using helix::bench::BenchWorkload;

namespace {

// Heap allocations made by `steps` calls of fn, after `warm` calls that let workspaces, optimiser state and
// the pools reach their steady size.
template <class Fn>
long long allocations_in_steps(Fn&& fn, int warm, int steps)
{
    for (int i = 0; i < warm; ++i) fn();
    const long long before = heap_count::allocations();
    for (int i = 0; i < steps; ++i) fn();
    return heap_count::allocations() - before;
}

}  // namespace

TEST_CASE("heap_count sees an allocation (so the checks below can fail)")
{
    const long long before = heap_count::allocations();
    auto* p = new std::vector<float>(1000);
    CHECK(heap_count::allocations() - before == 2);  // the vector object and its buffer
    delete p;
}

TEST_CASE("a steady-state training or inference step of every bench workload makes no heap allocation")
{
    auto& pool = helix::ThreadPool::global();
    const std::size_t before = pool.threads();
    // 3 threads on 2 cores too: which thread runs which chunk then varies most from step to step, and a
    // workspace that grows on whichever thread first gets a large chunk (a thread_local one) shows up as an
    // allocation. The same holds in the sanitized build: there a new worker's start-up allocates (ASan
    // sets up the thread), and ThreadPool waits for its workers to start (core/parallel.cpp, spawn), so
    // that happens in the warm-up step that created them, not whenever the scheduler first runs them.
    for (std::size_t threads : {std::size_t{1}, std::size_t{2}, std::size_t{3}}) {
        pool.set_threads(threads);
        for (const std::string id : {"W1", "W2", "W3", "W4", "W5", "W6"}) {
            CAPTURE(threads);
            CAPTURE(id);
            BenchWorkload w(id, /*smoke=*/true);
            REQUIRE(w.ok());
            CHECK(allocations_in_steps([&] { w.train_step(); }, 3, 5) == 0);
            CHECK(allocations_in_steps([&] { w.infer_step(); }, 3, 5) == 0);
        }
    }
    pool.set_threads(before);
}
