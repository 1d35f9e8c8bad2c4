// core/parallel.hpp: a small thread pool that splits index ranges (GEMM rows, batch rows).
// Threads take whole contiguous ranges, so results do not depend on the thread count.
// In builds without threads (native -DHELIX_NO_THREADS, or Emscripten without -pthread) it runs
// everything on the calling thread.
#pragma once

#include <cstddef>
#include <type_traits>
#include <utility>

namespace helix {

// A non-owning reference to a callable void(std::size_t, std::size_t), valid while the callable lives.
// parallel_for takes this rather than a std::function: constructing a std::function from a lambda that
// captures more than two pointers allocates on the heap, and a training step makes hundreds of calls.
class RangeFn {
public:
    template <class F, class = std::enable_if_t<!std::is_same_v<std::decay_t<F>, RangeFn>>>
    RangeFn(F&& f)
        : obj_(const_cast<void*>(static_cast<const void*>(&f))), call_(&invoke<std::remove_reference_t<F>>)
    {
    }
    void operator()(std::size_t b, std::size_t e) const { call_(obj_, b, e); }

private:
    template <class F>
    static void invoke(void* obj, std::size_t b, std::size_t e)
    {
        (*static_cast<F*>(obj))(b, e);
    }
    void* obj_;
    void (*call_)(void*, std::size_t, std::size_t);
};

class ThreadPool {
public:
    static ThreadPool& global();
    // Number of threads that share work, including the caller; clamped to [1, max_threads()].
    void set_threads(std::size_t n);
    std::size_t threads() const;
    static std::size_t max_threads();  // 1 without thread support
    // The calling thread's place in the pool: 0 outside it (the caller of parallel_for runs its share as 0),
    // 1 .. threads() - 1 on the workers. A chunk that needs scratch memory takes slot() of a workspace the
    // caller sized for threads() before parallel_for: every call then asks for the same memory whichever
    // thread runs which chunk (a thread_local workspace would grow on whichever worker first got a large
    // chunk).
    static std::size_t slot();
    // Calls fn(begin, end) on disjoint sub-ranges of [begin, end), each at least `grain` long
    // (except the last), and returns when all are done.
    // fn is a lambda or any callable; it is referenced, not copied, so nothing is allocated per call.
    void parallel_for(std::size_t begin, std::size_t end, std::size_t grain, RangeFn fn);
    ~ThreadPool();

private:
    ThreadPool();
    struct Impl;
    Impl* impl_;
};

}  // namespace helix
