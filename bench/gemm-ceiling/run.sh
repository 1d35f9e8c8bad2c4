#!/usr/bin/env bash
# bench/gemm-ceiling/run.sh (a copy of ../shared/bench/gemm-ceiling/run.sh): the SIMD128 compute ceiling on this machine, now: a register-blocked f32 GEMM microkernel on a
# cache-resident problem, built with emcc -O3 -msimd128 and run in Node (one thread). Prints one JSON line
# per kernel shape with its GFLOP/s. Run it in the same session as a benchmark and report your kernels as a
# fraction of the best line. Usage: run.sh [OUTDIR]   (needs emscripten; nothing else)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=${1:-$(mktemp -d)}
mkdir -p "$out"
export NODE_PATH=/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}
emcc -O3 -msimd128 "$here/gemm.c" -o "$out/gemm_wasm.js" -s ALLOW_MEMORY_GROWTH=1 2>&1 | grep -v '^cache:' || true
# emscripten 3.1.6's loader would fetch() the .wasm under Node 20; hide fetch so it reads the file instead.
node -e 'globalThis.fetch = undefined; require(process.argv[1]);' "$out/gemm_wasm.js"
