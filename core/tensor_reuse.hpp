// core/tensor_reuse.hpp: every Tensor's storage comes from here, so a training loop reuses last step's
// buffers instead of asking the heap for them again. A step builds the same tensors of the same sizes as the
// step before it (the tape's values and gradients, the ops' workspaces); while a TensorReuse is alive, a
// freed buffer is kept, keyed by its size, and the next request of that size takes it back. Without one,
// Tensors allocate and free as usual (inference, parsing, tests).
//
//   TensorReuse reuse;           // a member of the trainer: buffers are kept while it lives
//   ... each step:
//   reuse.next_step();           // before the step builds its tape: what the step before last freed and
//   nobody
//                                // took back since is freed now (a size that stopped recurring, e.g. the
//                                last,
//                                // smaller batch of an epoch)
// A request that finds no buffer of its size first frees kept buffers from earlier steps (at least as many
// bytes as it asks for) once they hold 16 MB or more, so the kept buffers never add a step's worth of memory
// on top of the live tensors: a fixed wasm heap (512 MB in the threaded build) holds the same models with and
// without reuse.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <new>
#include <vector>

namespace helix {

namespace tensor_reuse {
void* allocate(std::size_t bytes);            // 64-byte aligned; never null (throws std::bad_alloc)
void deallocate(void* p, std::size_t bytes);  // `bytes` as given to allocate

struct Stats {
    std::uint64_t reused = 0;     // requests served by a kept buffer
    std::uint64_t allocated = 0;  // requests that went to the heap
    std::size_t kept_bytes = 0;   // bytes held for reuse right now
};
Stats stats();
}  // namespace tensor_reuse

// Keeps freed tensor buffers for reuse while it lives (several may live at once: buffers are kept while any
// does); its destructor frees what the last one kept.
class TensorReuse {
public:
    TensorReuse();
    ~TensorReuse();
    TensorReuse(const TensorReuse&) = delete;
    TensorReuse& operator=(const TensorReuse&) = delete;
    void next_step();
};

// The allocator of Tensor's storage (std::allocator's interface; stateless, so all instances are equal).
template <class T>
struct ReusingAllocator {
    using value_type = T;
    using size_type = std::size_t;
    using difference_type = std::ptrdiff_t;
    template <class U>
    struct rebind {
        using other = ReusingAllocator<U>;
    };

    ReusingAllocator() noexcept = default;
    template <class U>
    ReusingAllocator(const ReusingAllocator<U>&) noexcept
    {
    }

    T* allocate(std::size_t n)
    {
        if (n > std::numeric_limits<std::size_t>::max() / sizeof(T)) throw std::bad_alloc();
        return static_cast<T*>(tensor_reuse::allocate(n * sizeof(T)));
    }
    void deallocate(T* p, std::size_t n) noexcept { tensor_reuse::deallocate(p, n * sizeof(T)); }
    std::size_t max_size() const noexcept { return std::numeric_limits<std::size_t>::max() / sizeof(T); }
};

template <class T, class U>
bool operator==(const ReusingAllocator<T>&, const ReusingAllocator<U>&) noexcept
{
    return true;
}
template <class T, class U>
bool operator!=(const ReusingAllocator<T>&, const ReusingAllocator<U>&) noexcept
{
    return false;
}

// A buffer an op keeps for its backward pass (argmax indices, dropout masks, gate activations) or uses within
// a step: storage reused from step to step as Tensors' is.
template <class T>
using StepVector = std::vector<T, ReusingAllocator<T>>;

}  // namespace helix
