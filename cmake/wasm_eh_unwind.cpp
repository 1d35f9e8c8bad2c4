// cmake/wasm_eh_unwind.cpp: the wasm build's replacement for libunwind's Unwind-wasm.c (emscripten 3.1.6,
// system/lib/libunwind/src/Unwind-wasm.c), linked into every wasm build that uses native WebAssembly
// exceptions (-fwasm-exceptions, CMakeLists.txt WASM_EH=wasm).
//
// Why: with -pthread, Debian's emscripten 3.1.6 pairs clang 14 with a libunwind whose landing-pad context
// __wasm_lpad_context is thread_local, while clang 14's landing pads address it as a plain global. The two
// then disagree on where it lives (the landing pad writes address 0 + offset, the personality function reads
// the thread's TLS block), the personality never sees a match, and no C++ exception is ever caught
// (shared/TOOLCHAIN.md §8). Defining the context here as a plain global, with the same functions as the
// library's file, makes both sides agree; the linker then never pulls the library's Unwind-wasm.o.
//
// Limit: one context for all threads, so two threads must not be inside a catch's landing pad at the same
// moment. Helix throws and catches only on the thread that calls the engine (nlohmann parse errors in the
// spec and model-file readers, std::system_error when a pthread cannot start); the pool's workers run
// kernels, which do not throw.
#include <unwind.h>

#include <cstdint>

extern "C" {
_Unwind_Reason_Code __gxx_personality_wasm0(int version, _Unwind_Action actions,
                                            std::uint64_t exception_class, _Unwind_Exception* exception,
                                            _Unwind_Context* context);

// Written by the compiler's landing pads (lpad_index, lsda), read back after the personality function
// (selector). The layout is libunwind's _Unwind_LandingPadContext.
struct HelixLandingPadContext {
    std::uintptr_t lpad_index;
    std::uintptr_t lsda;
    std::uintptr_t selector;
};
HelixLandingPadContext __wasm_lpad_context;

// Called from compiler-generated landing pads: wasm has no two-phase unwinding, so only the cleanup phase.
_Unwind_Reason_Code _Unwind_CallPersonality(void* exception_ptr)
{
    auto* exception = static_cast<_Unwind_Exception*>(exception_ptr);
    __wasm_lpad_context.selector = 0;
    return __gxx_personality_wasm0(1, _UA_CLEANUP_PHASE, exception->exception_class, exception,
                                   reinterpret_cast<_Unwind_Context*>(&__wasm_lpad_context));
}

// Called by __cxa_throw: tag 0 is the C++ exception tag.
_Unwind_Reason_Code _Unwind_RaiseException(_Unwind_Exception* exception)
{
    __builtin_wasm_throw(0, exception);
}

// Called by __cxa_end_catch.
void _Unwind_DeleteException(_Unwind_Exception* exception)
{
    if (exception->exception_cleanup != nullptr)
        exception->exception_cleanup(_URC_FOREIGN_EXCEPTION_CAUGHT, exception);
}

// The personality function sets the selector (register 1) ...
void _Unwind_SetGR(_Unwind_Context* context, int index, _Unwind_Word value)
{
    if (index == 1) reinterpret_cast<HelixLandingPadContext*>(context)->selector = value;
}

// ... and reads the landing pad's index (used 1-based after a decrement, hence + 2) and its LSDA.
_Unwind_Word _Unwind_GetIP(_Unwind_Context* context)
{
    return reinterpret_cast<HelixLandingPadContext*>(context)->lpad_index + 2;
}

void _Unwind_SetIP(_Unwind_Context*, _Unwind_Word) {}

void* _Unwind_GetLanguageSpecificData(_Unwind_Context* context)
{
    return reinterpret_cast<void*>(reinterpret_cast<HelixLandingPadContext*>(context)->lsda);
}

_Unwind_Ptr _Unwind_GetRegionStart(_Unwind_Context*)
{
    return 0;
}
}
