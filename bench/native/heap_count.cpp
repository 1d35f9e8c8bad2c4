// bench/native/heap_count.cpp: see heap_count.hpp. Plain builds interpose malloc and friends over glibc's
// (operator new calls malloc; aligned tensors call aligned_alloc); under AddressSanitizer, which owns malloc,
// the same counts come from its allocation hooks.
#include "heap_count.hpp"

#include <atomic>
#include <cstddef>

#if defined(__SANITIZE_ADDRESS__)
#define HEAP_COUNT_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define HEAP_COUNT_ASAN 1
#endif
#endif

#ifdef HEAP_COUNT_ASAN
// From the sanitizer runtime (sanitizer/allocator_interface.h, which GCC does not ship).
extern "C" int __sanitizer_install_malloc_and_free_hooks(void (*malloc_hook)(const volatile void*,
                                                                             std::size_t),
                                                         void (*free_hook)(const volatile void*));
extern "C" std::size_t __sanitizer_get_allocated_size(const volatile void* p);
extern "C" void __sanitizer_print_stack_trace();
#else
#include <execinfo.h>
#include <malloc.h>
#include <unistd.h>
#endif
#include <cstdio>

namespace {

std::atomic<long long> g_allocs{0}, g_bytes{0}, g_live{0}, g_peak{0};
std::atomic<bool> g_trace{false};

void add(long long requested, long long usable)
{
    g_allocs.fetch_add(1, std::memory_order_relaxed);
    g_bytes.fetch_add(requested, std::memory_order_relaxed);
    const long long live = g_live.fetch_add(usable, std::memory_order_relaxed) + usable;
    long long peak = g_peak.load(std::memory_order_relaxed);
    while (live > peak && !g_peak.compare_exchange_weak(peak, live, std::memory_order_relaxed)) {
    }
}
void remove(long long usable)
{
    g_live.fetch_sub(usable, std::memory_order_relaxed);
}

}  // namespace

namespace heap_count {
long long allocations()
{
    return g_allocs.load();
}
long long bytes()
{
    return g_bytes.load();
}
long long live()
{
    return g_live.load();
}
long long peak()
{
    return g_peak.load();
}
void reset_peak()
{
    g_peak = g_live.load();
}
void trace(bool on)
{
    g_trace = on;
}
}  // namespace heap_count

#ifdef HEAP_COUNT_ASAN

namespace {
thread_local bool t_tracing = false;
void on_malloc(const volatile void* p, std::size_t n)
{
    if (!p) return;
    add(static_cast<long long>(n), static_cast<long long>(n));
    if (g_trace.load(std::memory_order_relaxed) && !t_tracing) {
        t_tracing = true;
        std::fprintf(stderr, "heap_count: %zu bytes\n", n);
        __sanitizer_print_stack_trace();  // symbolized by the sanitizer runtime
        t_tracing = false;
    }
}
void on_free(const volatile void* p)
{
    if (p) remove(static_cast<long long>(__sanitizer_get_allocated_size(p)));
}
[[maybe_unused]] const int installed = __sanitizer_install_malloc_and_free_hooks(on_malloc, on_free);
}  // namespace

#else

namespace {
thread_local bool t_tracing = false;  // backtrace() itself may allocate

void* counted(void* p, std::size_t n)
{
    if (!p) return p;
    add(static_cast<long long>(n), static_cast<long long>(malloc_usable_size(p)));
    if (g_trace.load(std::memory_order_relaxed) && !t_tracing) {
        t_tracing = true;
        void* frames[32];
        const int depth = backtrace(frames, 32);
        char line[64];
        const int len = std::snprintf(line, sizeof line, "heap_count: %zu bytes\n", n);
        if (write(2, line, static_cast<std::size_t>(len)) < 0) {
        }
        backtrace_symbols_fd(frames, depth, 2);
        t_tracing = false;
    }
    return p;
}
void uncounted(void* p)
{
    if (p) remove(static_cast<long long>(malloc_usable_size(p)));
}
}  // namespace

// glibc's allocator under the public names: every heap allocation of the process comes through here.
extern "C" {
void* __libc_malloc(std::size_t);
void* __libc_calloc(std::size_t, std::size_t);
void* __libc_realloc(void*, std::size_t);
void* __libc_memalign(std::size_t, std::size_t);
void __libc_free(void*);

void* malloc(std::size_t n)
{
    return counted(__libc_malloc(n), n);
}
void* calloc(std::size_t a, std::size_t b)
{
    return counted(__libc_calloc(a, b), a * b);
}
void* realloc(void* p, std::size_t n)
{
    uncounted(p);
    return counted(__libc_realloc(p, n), n);
}
void* memalign(std::size_t alignment, std::size_t n)
{
    return counted(__libc_memalign(alignment, n), n);
}
void* aligned_alloc(std::size_t alignment, std::size_t n)
{
    return memalign(alignment, n);
}
int posix_memalign(void** out, std::size_t alignment, std::size_t n)
{
    void* p = memalign(alignment, n);
    if (!p) return 12;  // ENOMEM
    *out = p;
    return 0;
}
void free(void* p)
{
    uncounted(p);
    __libc_free(p);
}
}

#endif
