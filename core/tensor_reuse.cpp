// core/tensor_reuse.cpp: see tensor_reuse.hpp. One mutex guards the kept buffers (tensors are made by the
// pool's threads too); the lists keep their capacity across steps, so a steady-state step allocates nothing
// here either.
#include "tensor_reuse.hpp"

#include <cstdlib>
#include <mutex>
#include <unordered_map>
#include <vector>

namespace helix {
namespace {

constexpr std::size_t kAlignment = 64;
constexpr std::size_t kSlack = std::size_t{16} << 20;  // kept bytes below this are not freed to make room

struct Kept {
    void* p;
    std::uint64_t step;  // the step during which it was freed
};

struct State {
    std::mutex mutex;
    int users = 0;  // live TensorReuse objects
    std::uint64_t step = 0;
    std::unordered_map<std::size_t, std::vector<Kept>> kept;  // by size in bytes
    tensor_reuse::Stats stats;
};

State& state()
{
    static State* s = new State;  // never destroyed: tensors in static objects are freed after main
    return *s;
}

std::size_t rounded(std::size_t bytes)
{
    return (bytes + kAlignment - 1) / kAlignment * kAlignment;
}

void* heap_allocate(std::size_t bytes)
{
    void* p = std::aligned_alloc(kAlignment, rounded(bytes == 0 ? 1 : bytes));
    if (!p) throw std::bad_alloc();
    return p;
}

// Frees kept buffers, called with the mutex held: with `want` = 0, every one freed before the current step
// (or every one at all with `all`); else such buffers until at least `want` bytes are freed.
void release(State& s, std::size_t want, bool all = false)
{
    std::size_t freed = 0;
    for (auto& [bytes, list] : s.kept) {
        for (std::size_t i = 0; i < list.size();) {
            if (!all && list[i].step >= s.step) {
                ++i;
                continue;
            }
            std::free(list[i].p);
            list[i] = list.back();
            list.pop_back();
            freed += bytes;
            s.stats.kept_bytes -= bytes;
            if (want != 0 && freed >= want) return;
        }
    }
}

}  // namespace

namespace tensor_reuse {

void* allocate(std::size_t bytes)
{
    State& s = state();
    {
        std::lock_guard<std::mutex> lock(s.mutex);
        if (s.users > 0) {
            auto it = s.kept.find(bytes);
            if (it != s.kept.end() && !it->second.empty()) {
                void* p = it->second.back().p;
                it->second.pop_back();
                s.stats.kept_bytes -= bytes;
                ++s.stats.reused;
                return p;
            }
            // A size no earlier step freed (a new shape): make room from the older kept buffers first, once
            // they are worth it, so kept and new buffers are never held together in quantity.
            if (s.stats.kept_bytes >= kSlack) release(s, rounded(bytes));
        }
        ++s.stats.allocated;
    }
    return heap_allocate(bytes);
}

void deallocate(void* p, std::size_t bytes)
{
    if (!p) return;
    State& s = state();
    {
        std::lock_guard<std::mutex> lock(s.mutex);
        if (s.users > 0) {
            s.kept[bytes].push_back({p, s.step});
            s.stats.kept_bytes += bytes;
            return;
        }
    }
    std::free(p);
}

Stats stats()
{
    State& s = state();
    std::lock_guard<std::mutex> lock(s.mutex);
    return s.stats;
}

}  // namespace tensor_reuse

TensorReuse::TensorReuse()
{
    State& s = state();
    std::lock_guard<std::mutex> lock(s.mutex);
    ++s.users;
}

TensorReuse::~TensorReuse()
{
    State& s = state();
    std::lock_guard<std::mutex> lock(s.mutex);
    if (--s.users == 0) {
        release(s, 0, /*all=*/true);
        s.kept.clear();
    }
}

void TensorReuse::next_step()
{
    State& s = state();
    std::lock_guard<std::mutex> lock(s.mutex);
    release(s, 0);
    ++s.step;
}

}  // namespace helix
