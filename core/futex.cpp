// core/futex.cpp: see futex.hpp.
#include "futex.hpp"

#if defined(__EMSCRIPTEN__)
#include <emscripten/threading.h>

#include <cmath>
#elif defined(__linux__)
#include <linux/futex.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <climits>
#else
#include <condition_variable>
#include <mutex>
#endif

namespace helix {

static_assert(sizeof(std::atomic<std::uint32_t>) == sizeof(std::uint32_t) &&
                  std::atomic<std::uint32_t>::is_always_lock_free,
              "a futex word is a plain 32-bit integer in memory");

namespace {
// The word's address as the system calls take it.
inline std::uint32_t* address(const std::atomic<std::uint32_t>& word)
{
    return reinterpret_cast<std::uint32_t*>(const_cast<std::atomic<std::uint32_t>*>(&word));
}
}  // namespace

#if defined(__EMSCRIPTEN__)

void futex_wait(const std::atomic<std::uint32_t>& word, std::uint32_t expected)
{
    emscripten_futex_wait(address(word), expected, INFINITY);
}

void futex_wake(std::atomic<std::uint32_t>& word, int count)
{
    emscripten_futex_wake(address(word), count);
}

#elif defined(__linux__)

void futex_wait(const std::atomic<std::uint32_t>& word, std::uint32_t expected)
{
    syscall(SYS_futex, address(word), FUTEX_WAIT_PRIVATE, expected, nullptr, nullptr, 0);
}

void futex_wake(std::atomic<std::uint32_t>& word, int count)
{
    syscall(SYS_futex, address(word), FUTEX_WAKE_PRIVATE, count, nullptr, nullptr, 0);
}

#else  // one mutex and condition variable for every word: correct, if not the fastest

namespace {
std::mutex m;
std::condition_variable changed;
}  // namespace

void futex_wait(const std::atomic<std::uint32_t>& word, std::uint32_t expected)
{
    std::unique_lock<std::mutex> lock(m);
    changed.wait(lock, [&] { return word.load() != expected; });
}

void futex_wake(std::atomic<std::uint32_t>&, int)
{
    {
        std::lock_guard<std::mutex> lock(m);
    }  // a waiter between its check and its wait gets there first
    changed.notify_all();
}

#endif

}  // namespace helix
