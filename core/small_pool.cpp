// core/small_pool.cpp: see small_pool.hpp.
#include "small_pool.hpp"

#include <cstdint>

namespace helix::small_pool {

namespace {

constexpr std::size_t kStep = 16, kClasses = 64;  // size classes 16, 32, ..., 1024 bytes (a Node is ~570)
constexpr std::size_t kMaxKept = 4096;            // blocks kept per class and thread; beyond, freed

// alignof(std::max_align_t) is 16 on x86-64 and 8 in wasm32; every block keeps operator new's alignment.
static_assert(kStep % alignof(std::max_align_t) == 0 || alignof(std::max_align_t) % kStep == 0);

struct FreeBlock {
    FreeBlock* next;
};

struct Lists {
    FreeBlock* head[kClasses] = {};
    std::size_t kept[kClasses] = {};
    ~Lists();
};

// lists_alive: this thread's lists exist (made on its first allocation); lists_dead: they were destroyed (at
// thread exit), so later requests go straight to the heap.
thread_local bool lists_alive = false, lists_dead = false;

Lists& lists()
{
    thread_local Lists l;
    lists_alive = true;
    return l;
}

Lists::~Lists()
{
    lists_alive = false;
    lists_dead = true;
    for (std::size_t c = 0; c < kClasses; ++c)
        while (FreeBlock* b = head[c]) {
            head[c] = b->next;
            ::operator delete(b);
        }
}

inline std::size_t class_of(std::size_t bytes)
{
    return (bytes + kStep - 1) / kStep - 1;
}

}  // namespace

void* allocate(std::size_t bytes)
{
    if (bytes == 0) bytes = 1;
    const std::size_t c = class_of(bytes);
    if (c >= kClasses || lists_dead) return ::operator new((c + 1) * kStep);
    Lists& l = lists();
    if (FreeBlock* b = l.head[c]) {
        l.head[c] = b->next;
        --l.kept[c];
        return b;
    }
    return ::operator new((c + 1) * kStep);
}

void deallocate(void* p, std::size_t bytes) noexcept
{
    if (!p) return;
    if (bytes == 0) bytes = 1;
    const std::size_t c = class_of(bytes);
    if (c >= kClasses || !lists_alive) return ::operator delete(p);
    Lists& l = lists();
    if (l.kept[c] >= kMaxKept) return ::operator delete(p);
    auto* b = static_cast<FreeBlock*>(p);
    b->next = l.head[c];
    l.head[c] = b;
    ++l.kept[c];
}

}  // namespace helix::small_pool
