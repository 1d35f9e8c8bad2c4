// tests/core/test_parallel.cpp: the thread pool covers each index exactly once, in chunks of at least
// `grain` (but the last), runs small ranges inline, survives nesting, resizing, back-to-back jobs, sleeping
// workers and concurrent callers; f32_gemm's grouped packing of B gives the same bits on any thread count.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <mutex>
#include <thread>
#include <vector>

#include "core/kernels/f32_gemm.hpp"
#include "core/parallel.hpp"
#include "core/rng.hpp"
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
        std::atomic<bool> gave_up{false};
        auto distinct = [&] {
            std::lock_guard<std::mutex> lock(m);
            auto sorted = ids;
            std::sort(sorted.begin(), sorted.end());
            return std::unique(sorted.begin(), sorted.end()) - sorted.begin();
        };
        pool.parallel_for(0, 64, 1, [&](std::size_t b, std::size_t e) {
            {
                std::lock_guard<std::mutex> lock(m);
                ids.push_back(std::this_thread::get_id());
            }
            // A nested parallel_for must complete (inline) rather than wait on the busy pool.
            pool.parallel_for(0, 100, 1,
                              [&](std::size_t ib, std::size_t ie) { inner_total += int(ie - ib); });
            // Hold this chunk until the other thread has taken one (up to 10 s, for a loaded machine): a pool
            // that never hands work to a second thread fails below, however slow its wake-up.
            const auto t0 = std::chrono::steady_clock::now();
            while (!gave_up && distinct() < 2) {
                std::this_thread::sleep_for(std::chrono::milliseconds(1));
                if (std::chrono::steady_clock::now() - t0 > std::chrono::seconds(10)) gave_up = true;
            }
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

TEST_CASE("back-to-back jobs, with pauses that put workers to sleep, each cover their range exactly once")
{
    // parallel_for returns when every chunk is done, without waiting for workers that woke late; such a
    // worker must find nothing to claim rather than run a chunk of a finished job (its fn and range are
    // gone). Every job here checks its own hits, so a chunk run twice, or run against the wrong job, fails
    // the test.
    ThreadPool& pool = ThreadPool::global();
    const std::size_t before = pool.threads();
    for (std::size_t threads : {2, 3}) {  // 3 oversubscribes a 2-core machine: spinning must give way
        pool.set_threads(threads);
        std::uint64_t state = 12345;
        auto next = [&] { return (state = state * 6364136223846793005ull + 1442695040888963407ull) >> 33; };
        for (int job = 0; job < 2000; ++job) {
            const std::size_t end = 1 + next() % 300, grain = 1 + next() % 8;
            std::vector<std::atomic<int>> hits(end);
            std::atomic<std::size_t> covered{0};
            pool.parallel_for(0, end, grain, [&](std::size_t b, std::size_t e) {
                for (std::size_t i = b; i < e; ++i) hits[i]++;
                covered += e - b;
            });
            CHECK(covered == end);
            for (std::size_t i = 0; i < end; ++i) REQUIRE(hits[i] == 1);
            if (job % 100 == 0)
                std::this_thread::sleep_for(std::chrono::milliseconds(2));  // longer than any spin
        }
    }
    pool.set_threads(before);
}

TEST_CASE("two threads calling parallel_for at once both get their ranges covered")
{
    ThreadPool& pool = ThreadPool::global();
    const std::size_t before = pool.threads();
    pool.set_threads(2);
    auto caller = [&pool](std::size_t end, int jobs, std::atomic<int>& bad) {
        for (int j = 0; j < jobs; ++j) {
            std::vector<std::atomic<int>> hits(end);
            pool.parallel_for(0, end, 3, [&](std::size_t b, std::size_t e) {
                for (std::size_t i = b; i < e; ++i) hits[i]++;
            });
            for (std::size_t i = 0; i < end; ++i) bad += hits[i] != 1;
        }
    };
    std::atomic<int> bad{0};
    std::thread other(caller, 97, 500, std::ref(bad));
    caller(211, 500, bad);
    other.join();
    CHECK(bad == 0);
    pool.set_threads(before);
}

TEST_CASE("f32_gemm packs B in groups of K blocks and stays bit-identical with 1, 2 and 3 threads")
{
    // K = 1100 with N = 300: 5 blocks of 256 depths packed 3 then 2 at a time; (48, 32, 6453) is conv1d's dw
    // on the default example (26 blocks, one group). Both against the reference and across thread counts.
    using helix::kernels::GemmArgs;
    ThreadPool& pool = ThreadPool::global();
    const std::size_t before = pool.threads();
    struct Shape3 {
        std::size_t m, n, k;
        bool trans_a;
    };
    for (auto [m, n, k, trans_a] : {Shape3{37, 300, 1100, false}, Shape3{48, 32, 6453, true}}) {
        helix::Rng rng(7);
        std::vector<float> a(m * k), b(k * n), c_ref(m * n, 0.5f);
        for (auto& x : a) x = rng.uniform(-1.0f, 1.0f);
        for (auto& x : b) x = rng.uniform(-1.0f, 1.0f);
        GemmArgs g;
        g.m = m, g.n = n, g.k = k, g.trans_a = trans_a, g.lda = trans_a ? m : k, g.b = b.data(), g.ldb = n;
        g.a = a.data(), g.ldc = n, g.accumulate = true;
        g.c = c_ref.data();
        helix::kernels::f32_gemm__ref(g);
        std::vector<std::vector<float>> got;
        for (std::size_t threads : {1, 2, 3}) {
            pool.set_threads(threads);
            got.emplace_back(m * n, 0.5f);
            g.c = got.back().data();
            helix::kernels::f32_gemm(g);
        }
        CHECK(got[0] == got[1]);
        CHECK(got[0] == got[2]);
        double worst = 0.0;
        for (std::size_t i = 0; i < m * n; ++i)
            worst = std::max(worst, double(std::fabs(got[0][i] - c_ref[i])));
        CHECK(worst < 1e-5 * k);  // |a|, |b| <= 1: a K-term float sum is off by at most ~K ulps of its size
    }
    pool.set_threads(before);
}
