// wasm/bind_engine.cpp: Embind declarations for engine facts and settings (SIMD arch, threads).
#include <emscripten/bind.h>

#include <xsimd/xsimd.hpp>

#include "core/parallel.hpp"

namespace {
std::string simd_arch()
{
    return xsimd::default_arch::name();
}
int max_threads()
{
    return static_cast<int>(helix::ThreadPool::max_threads());
}
int threads()
{
    return static_cast<int>(helix::ThreadPool::global().threads());
}
void set_threads(int n)
{
    helix::ThreadPool::global().set_threads(n > 0 ? static_cast<std::size_t>(n) : 1);
}
}  // namespace

EMSCRIPTEN_BINDINGS(helix_engine)
{
    emscripten::function("simdArch", &simd_arch);
    emscripten::function("maxThreads", &max_threads);
    emscripten::function("threads", &threads);
    emscripten::function("setThreads", &set_threads);
}
