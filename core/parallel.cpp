// core/parallel.cpp: the thread pool of core/parallel.hpp: persistent workers woken by a condition
// variable, chunks handed out through an atomic counter (so a busy core does not hold up the others).
//
// Which thread runs which chunk varies from call to call; callers make each index's work independent
// of how the range is cut (GEMM: a task owns whole rows of C), so results never depend on it.
// Nested calls (a parallel_for inside a chunk) and calls from a second thread while a job runs execute
// inline on the calling thread: no deadlock, no oversubscription.
#include "parallel.hpp"

#include <algorithm>

#if !defined(HELIX_NO_THREADS) && (!defined(__EMSCRIPTEN__) || defined(__EMSCRIPTEN_PTHREADS__))
#define HELIX_HAS_THREADS 1
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <system_error>
#include <thread>
#include <vector>
#else
#define HELIX_HAS_THREADS 0
#endif

namespace helix {

#if HELIX_HAS_THREADS

namespace {
thread_local bool inside_job = false;  // true while this thread runs a chunk of some parallel_for
}

struct ThreadPool::Impl {
    std::size_t wanted = 1;            // threads() including the caller
    std::vector<std::thread> workers;  // created lazily, never more than wanted - 1
    std::mutex submit;                 // one job at a time; a second caller runs inline

    std::mutex m;
    std::condition_variable wake, done;
    std::uint64_t generation = 0;  // bumped per job, under m
    bool stop = false;

    // The current job; written under m before generation is bumped.
    const std::function<void(std::size_t, std::size_t)>* fn = nullptr;
    std::size_t begin = 0, end = 0, chunk = 1, chunks = 0;
    std::atomic<std::size_t> next{0};      // next chunk index to take
    std::size_t finished = 0;              // chunks done, under m
    std::size_t active_workers = 0;        // workers still inside the current job, under m

    void run_chunks()
    {
        inside_job = true;
        std::size_t done_here = 0;
        for (std::size_t i; (i = next.fetch_add(1, std::memory_order_relaxed)) < chunks; ++done_here) {
            std::size_t b = begin + i * chunk;
            (*fn)(b, std::min(end, b + chunk));
        }
        inside_job = false;
        if (done_here) {
            std::lock_guard<std::mutex> lock(m);
            finished += done_here;
            if (finished == chunks) done.notify_all();
        }
    }

    void worker_loop()
    {
        std::uint64_t seen = 0;
        for (;;) {
            {
                std::unique_lock<std::mutex> lock(m);
                wake.wait(lock, [&] { return stop || generation != seen; });
                if (stop) return;
                seen = generation;
                ++active_workers;
            }
            run_chunks();
            std::lock_guard<std::mutex> lock(m);
            if (--active_workers == 0) done.notify_all();
        }
    }

    void stop_workers()
    {
        {
            std::lock_guard<std::mutex> lock(m);
            stop = true;
        }
        wake.notify_all();
        for (auto& t : workers) t.join();
        workers.clear();
        stop = false;
    }

    // Grows the pool to wanted - 1 workers. In wasm, pthread_create fails (PTHREAD_POOL_SIZE_STRICT=2)
    // when the page's pool is exhausted: then we keep the workers we got.
    void spawn()
    {
        while (workers.size() + 1 < wanted) {
            try {
                workers.emplace_back([this] { worker_loop(); });
            } catch (const std::system_error&) {
                wanted = workers.size() + 1;
            }
        }
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

std::size_t ThreadPool::threads() const { return impl_->wanted; }

void ThreadPool::parallel_for(std::size_t begin, std::size_t end, std::size_t grain,
                              const std::function<void(std::size_t, std::size_t)>& fn)
{
    if (begin >= end) return;
    grain = std::max<std::size_t>(grain, 1);
    const std::size_t range = end - begin;
    Impl& p = *impl_;
    if (range <= grain || p.wanted == 1 || inside_job) return fn(begin, end);
    std::unique_lock<std::mutex> submit(p.submit, std::try_to_lock);
    if (!submit.owns_lock()) return fn(begin, end);  // another thread's job is running
    p.spawn();
    const std::size_t threads = p.workers.size() + 1;
    if (threads == 1) return fn(begin, end);
    // Up to 4 chunks per thread so a thread slowed by another process does not hold up the rest.
    std::size_t chunks = std::min(range / grain, 4 * threads);
    chunks = std::max<std::size_t>(chunks, 1);
    const std::size_t chunk = (range + chunks - 1) / chunks;  // >= grain
    {
        std::unique_lock<std::mutex> lock(p.m);
        // A worker that woke too late for the previous job may still be registered: let it leave
        // before the job's fields change under it.
        p.done.wait(lock, [&] { return p.active_workers == 0; });
        p.fn = &fn;
        p.begin = begin;
        p.end = end;
        p.chunk = chunk;
        p.chunks = (range + chunk - 1) / chunk;
        p.next.store(0, std::memory_order_relaxed);
        p.finished = 0;
        ++p.generation;
    }
    p.wake.notify_all();
    p.run_chunks();
    // Wait for every chunk, and for every worker to leave run_chunks: the next job reuses the fields.
    std::unique_lock<std::mutex> lock(p.m);
    p.done.wait(lock, [&] { return p.finished == p.chunks && p.active_workers == 0; });
}

#else  // no threads: everything runs on the caller

struct ThreadPool::Impl {};
ThreadPool::ThreadPool() : impl_(nullptr) {}
ThreadPool::~ThreadPool() = default;
std::size_t ThreadPool::max_threads() { return 1; }
void ThreadPool::set_threads(std::size_t) {}
std::size_t ThreadPool::threads() const { return 1; }
void ThreadPool::parallel_for(std::size_t begin, std::size_t end, std::size_t,
                              const std::function<void(std::size_t, std::size_t)>& fn)
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
