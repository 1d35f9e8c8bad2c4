// core/small_pool.hpp: a recycling allocator for the autograd tape's small objects (nodes, their input lists,
// backward closures). A training step builds the same tape every time, so blocks freed by one step are what
// the next step asks for: each thread keeps freed blocks in free lists by size class (16-byte steps up to 1
// KB: a Node with its control block is ~570 bytes) and hands them out again, and a steady-state step makes no
// heap allocation. Larger requests, and frees beyond a bounded cache, go to the heap.
#pragma once

#include <cstddef>
#include <memory>
#include <new>
#include <utility>

namespace helix::small_pool {

void* allocate(std::size_t bytes);
void deallocate(void* p, std::size_t bytes) noexcept;  // bytes: as given to allocate

// A standard allocator over the pool, for std::allocate_shared and containers.
template <class T>
struct Allocator {
    using value_type = T;
    Allocator() = default;
    template <class U>
    Allocator(const Allocator<U>&) noexcept
    {
    }
    T* allocate(std::size_t n) { return static_cast<T*>(small_pool::allocate(n * sizeof(T))); }
    void deallocate(T* p, std::size_t n) noexcept { small_pool::deallocate(p, n * sizeof(T)); }
    template <class U>
    bool operator==(const Allocator<U>&) const noexcept
    {
        return true;
    }
    template <class U>
    bool operator!=(const Allocator<U>&) const noexcept
    {
        return false;
    }
};

// std::make_shared with the object and its control block in the pool: for what an op's backward closure keeps
// (saved masks, indices, a copy of the targets), which is made again every step.
template <class T, class... Args>
std::shared_ptr<T> make_shared(Args&&... args)
{
    return std::allocate_shared<T>(Allocator<T>(), std::forward<Args>(args)...);
}

}  // namespace helix::small_pool
