// core/parallel.cpp: the thread pool of core/parallel.hpp: persistent workers that spin briefly, then sleep
// on a futex word (core/futex.hpp: no condition variable, see there why); chunks handed out through one
// atomic word (so a busy core does not hold up the others).
//
// Which thread runs which chunk varies from call to call; callers make each index's work independent
// of how the range is cut (GEMM: a task owns whole rows of C), so results never depend on it.
// Nested calls (a parallel_for inside a chunk) and calls from a second thread while a job runs execute
// inline on the calling thread: no deadlock, no oversubscription.
//
// Cost of a call. Waking a sleeping thread is a futex round trip (tens of microseconds; an Atomics.wait /
// Atomics.notify pair in wasm, slower still), and a training step makes several calls separated by short
// serial stretches. So (1) a worker that runs out of work spins for up to kWorkerSpin, watching for the next
// job, before it sleeps; (2) the caller spins for up to kCallerSpin for chunks still running elsewhere before
// it sleeps; (3) parallel_for returns as soon as every chunk has finished: it does not wait for workers that
// were slow to wake. Spins are bounded and yield, so more threads than cores (tests run 3 on 2) stay safe.
#include "parallel.hpp"

#include <algorithm>

#if !defined(HELIX_NO_THREADS) && (!defined(__EMSCRIPTEN__) || defined(__EMSCRIPTEN_PTHREADS__))
#define HELIX_HAS_THREADS 1
#include <atomic>
#include <chrono>
#include <cstdint>
#include <mutex>
#include <system_error>
#include <thread>
#include <vector>
#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#endif

#include "futex.hpp"
#else
#define HELIX_HAS_THREADS 0
#endif

namespace helix {

#if HELIX_HAS_THREADS

namespace {

thread_local bool inside_job = false;    // true while this thread runs a chunk of some parallel_for
thread_local std::size_t this_slot = 0;  // ThreadPool::slot(): set once by each worker

constexpr auto kWorkerSpin = std::chrono::microseconds(200);  // a worker watches for the next job this long
constexpr auto kCallerSpin =
    std::chrono::microseconds(200);  // the caller watches for the last chunks this long

inline void cpu_relax()
{
#if defined(__x86_64__) || defined(__i386__)
    _mm_pause();
#endif
}

// Polls done() until it holds (true) or `budget` has passed (false); reads the clock every so many polls
// (in wasm a clock read is a call into JS, slower than a poll) and yields then, so a spinning thread gives
// way to one that has work when cores are oversubscribed.
#if defined(__EMSCRIPTEN__)
constexpr unsigned kPollsPerClockRead = 1023;  // polls between clock reads, minus one (a mask)
#else
constexpr unsigned kPollsPerClockRead = 63;  // _mm_pause is 10-140 cycles
#endif

template <class Done>
bool spin_until(Done done, std::chrono::microseconds budget)
{
    const auto t0 = std::chrono::steady_clock::now();
    for (unsigned i = 1;; ++i) {
        if (done()) return true;
        cpu_relax();
        if ((i & kPollsPerClockRead) == 0) {
            if (std::chrono::steady_clock::now() - t0 > budget) return false;
            std::this_thread::yield();
        }
    }
}

constexpr std::uint64_t kUnclaimedMask = 0xffffffffu;

}  // namespace

struct ThreadPool::Impl {
    std::size_t wanted = 1;            // threads() including the caller
    std::vector<std::thread> workers;  // created lazily, never more than wanted - 1
    std::mutex submit;                 // one job at a time; a second caller runs inline

    // The current job. The caller writes these fields only when every chunk of the previous job has
    // finished, then publishes them by the release store of `claim`. A thread reads them only after it
    // has claimed a chunk (a successful CAS on `claim`): the job cannot finish, and the fields cannot
    // change, before that chunk has run. A worker that wakes late sees no unclaimed chunk and goes back
    // to waiting, so it never runs a chunk of a finished job and the caller need not wait for it.
    const RangeFn* fn = nullptr;
    std::size_t begin = 0, end = 0, chunk = 1, chunks = 0;
    // High 32 bits: job sequence number (so a CAS fails across jobs); low 32 bits: chunks not yet claimed.
    alignas(64) std::atomic<std::uint64_t> claim{0};
    alignas(64) std::atomic<std::uint32_t> pending{
        0};                                          // chunks of the current job not yet finished (a futex)
    alignas(64) std::atomic<std::uint32_t> wake{0};  // bumped for each new job and for stop (a futex)
    alignas(64) std::atomic<int> sleepers{0};        // workers asleep (or about to sleep) on `wake`
    std::atomic<bool> caller_sleeping{false};        // the caller is asleep (or about to sleep) on `pending`
    std::atomic<bool> stop{false};
    std::atomic<std::uint32_t> started{0};  // workers that have begun running (a futex; see spawn)

    bool has_unclaimed() const { return (claim.load() & kUnclaimedMask) != 0; }  // seq_cst: see worker_loop

    // Claims and runs chunks until none is unclaimed.
    void run_chunks()
    {
        std::uint64_t v = claim.load(std::memory_order_acquire);
        while ((v & kUnclaimedMask) != 0) {
            if (!claim.compare_exchange_weak(v, v - 1, std::memory_order_acq_rel, std::memory_order_acquire))
                continue;
            const std::size_t i = chunks - static_cast<std::size_t>(v & kUnclaimedMask);
            const std::size_t b = begin + i * chunk;
            inside_job = true;
            (*fn)(b, std::min(end, b + chunk));
            inside_job = false;
            // seq_cst decrement then load, against the caller's store of caller_sleeping then load of
            // pending.
            if (pending.fetch_sub(1) == 1 && caller_sleeping.load()) futex_wake(pending, 1);
            v = claim.load(std::memory_order_acquire);
        }
    }

    void worker_loop()
    {
        for (;;) {
            run_chunks();
            if (spin_until([&] { return has_unclaimed() || stop.load(std::memory_order_relaxed); },
                           kWorkerSpin)) {
                if (stop.load()) return;
                continue;
            }
            // Read `wake` before looking for work: a job published after that read changes the word, so the
            // wait below returns at once; one published before it is seen by has_unclaimed().
            const std::uint32_t seen = wake.load();
            sleepers.fetch_add(1);  // seq_cst, against the caller's increment of wake then load of sleepers
            if (!stop.load() && !has_unclaimed()) futex_wait(wake, seen);
            sleepers.fetch_sub(1);
            if (stop.load()) return;
        }
    }

    void stop_workers()
    {
        stop = true;
        wake.fetch_add(1);
        futex_wake_all(wake);
        for (auto& t : workers) t.join();
        workers.clear();
        started = 0;
        stop = false;
    }

    // Grows the pool to wanted - 1 workers. In wasm, pthread_create fails (PTHREAD_POOL_SIZE_STRICT=2)
    // when the page's pool is exhausted: then we keep the workers we got.
    // Natively it returns only once every new worker runs: a thread's start-up is its own business, done
    // whenever the scheduler first runs it, and under AddressSanitizer it allocates (AsanThread::Init calls
    // pthread_getattr_np: 3 mallocs on the new thread). On a busy machine that could happen several training
    // steps after the parallel_for that created the thread, inside a step that must allocate nothing
    // (tests/core/test_steady_state_allocation.cpp saw 1-3 such allocations in ~1 run in 10). In wasm,
    // pthread_create allocates the new thread's stack and TLS on the caller, and a pthread starts when its
    // Web Worker handles a message: a caller blocked here is not worth that risk, so there it does not wait.
    void spawn()
    {
        while (workers.size() + 1 < wanted) {
            try {
                workers.emplace_back([this, slot = workers.size() + 1] {
                    this_slot = slot;
                    started.fetch_add(1);
                    futex_wake_all(started);
                    worker_loop();
                });
            } catch (const std::system_error&) {
                wanted = workers.size() + 1;
            }
        }
#if !defined(__EMSCRIPTEN__)
        for (std::uint32_t n; (n = started.load()) < workers.size();) futex_wait(started, n);
#endif
    }
};

ThreadPool::ThreadPool() : impl_(new Impl)
{
#if defined(__EMSCRIPTEN__)
    impl_->wanted = 1;  // the page decides, through set_threads, how many pthreads it can afford
#else
    impl_->wanted = std::min<std::size_t>(std::max(1u, std::thread::hardware_concurrency()), 8);
#endif
}

ThreadPool::~ThreadPool()
{
    impl_->stop_workers();
    delete impl_;
}

std::size_t ThreadPool::max_threads()
{
#if defined(__EMSCRIPTEN__)
    return std::max(1u, std::thread::hardware_concurrency());  // navigator.hardwareConcurrency
#else
    return 64;  // oversubscription is legal natively (tests run 3 threads on 2 cores)
#endif
}

void ThreadPool::set_threads(std::size_t n)
{
    std::lock_guard<std::mutex> lock(impl_->submit);
    n = std::clamp<std::size_t>(n, 1, max_threads());
    if (n < impl_->workers.size() + 1) impl_->stop_workers();  // shrink: join all, respawn lazily
    impl_->wanted = n;
}

std::size_t ThreadPool::threads() const
{
    return impl_->wanted;
}

std::size_t ThreadPool::slot()
{
    return this_slot;
}

void ThreadPool::parallel_for(std::size_t begin, std::size_t end, std::size_t grain, RangeFn fn)
{
    if (begin >= end) return;
    grain = std::max<std::size_t>(grain, 1);
    const std::size_t range = end - begin;
    Impl& p = *impl_;
    // Fewer than two grains of work: one chunk, run here (publishing it would only wake a worker for
    // nothing).
    if (range / grain < 2 || p.wanted == 1 || inside_job) return fn(begin, end);
    std::unique_lock<std::mutex> submit(p.submit, std::try_to_lock);
    if (!submit.owns_lock()) return fn(begin, end);  // another thread's job is running
    p.spawn();
    const std::size_t threads = p.workers.size() + 1;
    if (threads == 1) return fn(begin, end);
    // Up to 4 chunks per thread so a thread slowed by another process does not hold up the rest.
    std::size_t chunks = std::clamp<std::size_t>(range / grain, 1, 4 * threads);
    const std::size_t chunk = (range + chunks - 1) / chunks;  // >= grain
    chunks = (range + chunk - 1) / chunk;
    // The previous job has no unclaimed or running chunk (its caller waited for pending == 0), so no thread
    // reads these fields now.
    p.fn = &fn;
    p.begin = begin;
    p.end = end;
    p.chunk = chunk;
    p.chunks = chunks;
    p.pending.store(static_cast<std::uint32_t>(chunks), std::memory_order_relaxed);
    const std::uint64_t seq = (p.claim.load(std::memory_order_relaxed) >> 32) + 1;
    p.claim.store((seq << 32) | chunks);  // seq_cst: publishes the job before the increment of wake
    p.wake.fetch_add(1);                  // seq_cst, then the load of sleepers (see worker_loop)
    if (p.sleepers.load() > 0) futex_wake_all(p.wake);
    p.run_chunks();
    // Every chunk is claimed; wait for those still running on workers (not for the workers themselves).
    if (spin_until([&] { return p.pending.load(std::memory_order_acquire) == 0; }, kCallerSpin)) return;
    p.caller_sleeping.store(
        true);  // seq_cst, against the last worker's decrement of pending then load of this
    for (std::uint32_t left; (left = p.pending.load()) != 0;) futex_wait(p.pending, left);
    p.caller_sleeping.store(false);
}

#else  // no threads: everything runs on the caller

struct ThreadPool::Impl {};
ThreadPool::ThreadPool() : impl_(nullptr) {}
ThreadPool::~ThreadPool() = default;
std::size_t ThreadPool::max_threads()
{
    return 1;
}
void ThreadPool::set_threads(std::size_t) {}
std::size_t ThreadPool::threads() const
{
    return 1;
}
std::size_t ThreadPool::slot()
{
    return 0;
}
void ThreadPool::parallel_for(std::size_t begin, std::size_t end, std::size_t, RangeFn fn)
{
    if (begin < end) fn(begin, end);
}

#endif

ThreadPool& ThreadPool::global()
{
    static ThreadPool pool;
    return pool;
}

}  // namespace helix
