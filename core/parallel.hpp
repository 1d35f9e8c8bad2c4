// core/parallel.hpp: a small thread pool that splits index ranges (GEMM rows, batch rows).
// Threads take whole contiguous ranges, so results do not depend on the thread count.
// In builds without threads (native -DHELIX_NO_THREADS, or Emscripten without -pthread) it runs
// everything on the calling thread.
#pragma once

#include <cstddef>
#include <functional>

namespace helix {

class ThreadPool {
public:
    static ThreadPool& global();
    // Number of threads that share work, including the caller; clamped to [1, max_threads()].
    void set_threads(std::size_t n);
    std::size_t threads() const;
    static std::size_t max_threads();  // 1 without thread support
    // Calls fn(begin, end) on disjoint sub-ranges of [begin, end), each at least `grain` long
    // (except the last), and returns when all are done.
    void parallel_for(std::size_t begin, std::size_t end, std::size_t grain,
                      const std::function<void(std::size_t, std::size_t)>& fn);
    ~ThreadPool();

private:
    ThreadPool();
    struct Impl;
    Impl* impl_;
};

}  // namespace helix
