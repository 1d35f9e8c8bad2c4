// bench/native/heap_count.hpp: counts every heap allocation of the process that links heap_count.cpp: the
// number of allocations, the bytes asked for, and the live and peak bytes. helix_bench reports them per step;
// the native tests use them to check that a steady-state training step allocates nothing.
#pragma once

namespace heap_count {

long long allocations();  // since the process started
long long bytes();        // asked for, since the process started
long long live();         // usable bytes held right now
long long peak();         // the most live() has been since the last reset_peak()
void reset_peak();
// While on, every allocation also writes "heap_count: <bytes> bytes" and its call stack to stderr (plain
// builds: addresses, resolve them with addr2line -f -C -e <binary>; sanitized builds: the sanitizer's own
// symbolized stack). To find what a step still allocates.
void trace(bool on);

}  // namespace heap_count
