// wasm/bind_memory.cpp: how many bytes of the wasm heap malloc has handed out and not had back (mallinfo's
// uordblks), so a test can tell a leak from a heap that grew once and stays (the buffer's size never
// shrinks).
#include <emscripten/bind.h>
#include <malloc.h>

namespace {
double heap_used()
{
    return static_cast<double>(mallinfo().uordblks);
}
}  // namespace

EMSCRIPTEN_BINDINGS(helix_memory)
{
    emscripten::function("heapUsed", &heap_used);
}
