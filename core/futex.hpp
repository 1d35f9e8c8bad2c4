// core/futex.hpp: a 32-bit word threads can sleep on until another thread changes it and wakes them, as
// C++20's std::atomic::wait/notify (not in C++17). The thread pool sleeps and wakes through these rather
// than std::condition_variable: in WebAssembly a musl condition variable keeps its waiters in a linked list
// of nodes on the waiting threads' stacks, and emscripten 3.1.6's threaded build crashed intermittently
// inside pthread_cond_broadcast walking that list ("operation does not support unaligned accesses" in
// __private_cond_signal, tests/wasm/autoencoder.test.mjs under load). A futex keeps no state in linear
// memory besides the word itself.
//   Emscripten: emscripten_futex_wait / _wake (Atomics.wait / notify; the main browser thread busy-waits).
//   Linux: the futex system call. Elsewhere: one process-wide mutex and condition variable.
#pragma once

#include <atomic>
#include <cstdint>

namespace helix {

// Blocks while `word` holds `expected`; may also return spuriously, so callers re-check in a loop.
void futex_wait(const std::atomic<std::uint32_t>& word, std::uint32_t expected);
// Wakes up to `count` threads blocked in futex_wait on `word` (call it after changing the word).
void futex_wake(std::atomic<std::uint32_t>& word, int count);
inline void futex_wake_all(std::atomic<std::uint32_t>& word)
{
    futex_wake(word, 1 << 30);
}

}  // namespace helix
