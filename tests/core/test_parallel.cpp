// tests/core/test_parallel.cpp: the thread pool covers each index exactly once, in chunks of at least
// `grain` (but the last), runs small ranges inline, survives nesting and resizing.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>
#include <vector>

#include "core/parallel.hpp"
#include "gradcheck.hpp"

using helix::ThreadPool;

namespace {

struct Coverage {
    std::vector<std::atomic<int>> hits;
    std::mutex m;
    std::vector<std::pair<std::size_t, std::size_t>> chunks;
    explicit Coverage(std::size_t n) : hits(n) {}
};

void check_cover(ThreadPool& pool, std::size_t begin, std::size_t end, std::size_t grain)
{
    Coverage cov(end);
    pool.parallel_for(begin, end, grain, [&](std::size_t b, std::size_t e) {
        for (std::size_t i = b; i < e; ++i) cov.hits[i]++;
        std::lock_guard<std::mutex> lock(cov.m);
        cov.chunks.push_back({b, e});
    });
    for (std::size_t i = 0; i < end; ++i) CHECK(cov.hits[i] == (i >= begin ? 1 : 0));
    std::size_t short_chunks = 0;
    for (auto [b, e] : cov.chunks) {
        CHECK(b < e);
        short_chunks += (e - b < grain);
    }
    CHECK(short_chunks <= 1);  // only the last may be shorter than grain
}

}  // namespace

TEST_CASE("parallel_for covers every index exactly once with any thread count and grain")
{
    ThreadPool& pool = ThreadPool::global();
    const std::size_t before = pool.threads();
    for (std::size_t threads : {1, 2, 3, 5}) {
        pool.set_threads(threads);
        CHECK(pool.threads() == std::min(threads, ThreadPool::max_threads()));
        for (std::size_t grain : {1, 3, 64})
            for (std::size_t end : {1, 2, 7, 100, 1001}) check_cover(pool, 0, end, grain);
        check_cover(pool, 5, 77, 4);
        check_cover(pool, 3, 3, 1);  // empty range: fn is never called
    }
    pool.set_threads(before);
}

TEST_CASE("parallel_for runs a range no longer than grain on the calling thread")
{
    ThreadPool& pool = ThreadPool::global();
    const std::size_t before = pool.threads();
    pool.set_threads(2);
    std::thread::id ran_on;
    int calls = 0;
    pool.parallel_for(0, 10, 10, [&](std::size_t b, std::size_t e) {
        ran_on = std::this_thread::get_id();
        ++calls;
        CHECK(b == 0);
        CHECK(e == 10);
    });
    CHECK(calls == 1);
    CHECK(ran_on == std::this_thread::get_id());
    pool.set_threads(before);
}

TEST_CASE("parallel_for uses more than one thread when asked to, and nested calls run inline")
{
    ThreadPool& pool = ThreadPool::global();
    const std::size_t before = pool.threads();
    pool.set_threads(2);
    if (ThreadPool::max_threads() >= 2) {
        std::mutex m;
        std::vector<std::thread::id> ids;
        std::atomic<int> inner_total{0};
        pool.parallel_for(0, 64, 1, [&](std::size_t b, std::size_t e) {
            {
                std::lock_guard<std::mutex> lock(m);
                ids.push_back(std::this_thread::get_id());
            }
            // A nested parallel_for must complete (inline) rather than wait on the busy pool.
            pool.parallel_for(0, 100, 1, [&](std::size_t ib, std::size_t ie) { inner_total += int(ie - ib); });
            std::this_thread::sleep_for(std::chrono::milliseconds(1));  // let the other thread take chunks
            (void)b, (void)e;
        });
        std::sort(ids.begin(), ids.end());
        CHECK(std::unique(ids.begin(), ids.end()) - ids.begin() == 2);
        CHECK(inner_total == 100 * int(ids.size()));
    }
    pool.set_threads(before);
}

TEST_CASE("set_threads clamps to [1, max_threads] and the pool works after shrinking and growing")
{
    ThreadPool& pool = ThreadPool::global();
    const std::size_t before = pool.threads();
    pool.set_threads(0);
    CHECK(pool.threads() == 1);
    pool.set_threads(100000);
    CHECK(pool.threads() == ThreadPool::max_threads());
    pool.set_threads(4);
    check_cover(pool, 0, 500, 2);
    pool.set_threads(2);
    check_cover(pool, 0, 500, 2);
    pool.set_threads(before);
}
