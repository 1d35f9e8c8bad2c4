// core/backward_fn.hpp: an op's backward function as the tape stores it: any callable void(BackwardCtx&),
// moved into a block of core/small_pool, so recording an op allocates nothing in a steady-state training step
// (std::function puts a closure of more than two pointers on the heap, every step).
#pragma once

#include <new>
#include <type_traits>
#include <utility>

#include "small_pool.hpp"

namespace helix {

class BackwardCtx;

class BackwardFn {
public:
    BackwardFn() = default;
    template <class F, class = std::enable_if_t<!std::is_same_v<std::decay_t<F>, BackwardFn>>>
    BackwardFn(F&& f)
    {
        using D = std::decay_t<F>;
        static_assert(alignof(D) <= alignof(std::max_align_t), "over-aligned closure");
        void* mem = small_pool::allocate(sizeof(D));
        obj_ = new (mem) D(std::forward<F>(f));
        call_ = [](void* o, BackwardCtx& c) { (*static_cast<D*>(o))(c); };
        destroy_ = [](void* o) noexcept {
            static_cast<D*>(o)->~D();
            small_pool::deallocate(o, sizeof(D));
        };
    }
    BackwardFn(BackwardFn&& o) noexcept : obj_(o.obj_), call_(o.call_), destroy_(o.destroy_)
    {
        o.obj_ = nullptr;
    }
    BackwardFn& operator=(BackwardFn&& o) noexcept
    {
        if (this != &o) {
            reset();
            obj_ = o.obj_, call_ = o.call_, destroy_ = o.destroy_;
            o.obj_ = nullptr;
        }
        return *this;
    }
    BackwardFn(const BackwardFn&) = delete;
    BackwardFn& operator=(const BackwardFn&) = delete;
    ~BackwardFn() { reset(); }

    explicit operator bool() const { return obj_ != nullptr; }
    void operator()(BackwardCtx& c) const { call_(obj_, c); }

private:
    void reset() noexcept
    {
        if (obj_) destroy_(obj_);
        obj_ = nullptr;
    }
    void* obj_ = nullptr;
    void (*call_)(void*, BackwardCtx&) = nullptr;
    void (*destroy_)(void*) noexcept = nullptr;
};

}  // namespace helix
