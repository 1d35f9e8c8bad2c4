#!/usr/bin/env bash
# scripts/build.sh [--bench]: builds both WebAssembly variants (helix-simd-mt, helix-simd) and lays them out so
# that any static server can serve them: js/wasm/ (the engine, beside the JS API that loads it) and web/vendor/
# (Comlink, uPlot: the page's).
# --bench: also the benchmark's variants (helix-bench-mt, helix-bench: the same core objects + bench/workloads,
# CMakeLists.txt) into bench/wasm/, for bench/engine.mjs (`npm run bench`, the bench page).
# --bench-mt: only the threaded one, helix-bench-mt: all that Node loads (tests/wasm/bench-smoke.test.mjs and
# wasm-budget.test.mjs; `npm test` builds this, one compile of the bench sources and one link fewer).
# Incremental: cmake and ccache rebuild only what changed.
set -euo pipefail
cd "$(dirname "$0")/.."
export NODE_PATH=/usr/share/nodejs          # emscripten's JS optimizer needs acorn from Debian
export CCACHE_DIR="${CCACHE_DIR:-$HOME/.cache/helix-ccache}"
jobs="${HELIX_JOBS:-$(nproc)}"
targets=(helix-simd-mt helix-simd)
bench=()
case "${1:-}" in
  --bench) bench=(helix-bench-mt helix-bench) ;;
  --bench-mt) bench=(helix-bench-mt) ;;
esac
targets+=("${bench[@]}")

# One build at a time: two at once in the same folder corrupt each other's link step.
mkdir -p build && exec 9>build/.lock && flock 9

if [ ! -f build/wasm/CMakeCache.txt ]; then
  emcmake cmake -S . -B build/wasm -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
cmake --build build/wasm -j"$jobs" --target "${targets[@]}"

mkdir -p js/wasm web/vendor
for f in build/wasm/dist/helix-simd-mt.{mjs,wasm,worker.js} build/wasm/dist/helix-simd.{mjs,wasm}; do
  cmp -s "$f" "js/wasm/$(basename "$f")" || cp "$f" js/wasm/
done
# emscripten's pthread worker is a CommonJS script; the repository's package.json says "type": "module".
echo '{ "type": "commonjs" }' > js/wasm/package.json
cp -u node_modules/comlink/dist/esm/comlink.mjs web/vendor/comlink.mjs
cp -u node_modules/uplot/dist/uPlot.esm.js web/vendor/uPlot.esm.js
cp -u node_modules/uplot/dist/uPlot.min.css web/vendor/uPlot.min.css
# The genome readers of js/genome (npm's GMOD packages) as one ES module the page loads when a dataset is built
# from genome files (web/views/genome-source.js); esbuild is Debian's. node:crypto is only reached in Node.
esbuild js/genome/index.js --bundle --format=esm --platform=browser --minify --external:node:crypto \
  --log-level=warning --outfile=web/vendor/helix-genome.mjs
if [ ${#bench[@]} -gt 0 ]; then
  mkdir -p bench/wasm
  for b in "${bench[@]}"; do
    for f in build/wasm/dist/"$b".{mjs,wasm,worker.js}; do
      [ -f "$f" ] || continue # helix-bench has no worker.js
      cmp -s "$f" "bench/wasm/$(basename "$f")" || cp "$f" bench/wasm/
    done
  done
  echo '{ "type": "commonjs" }' > bench/wasm/package.json
  echo "build: bench/wasm is ready" >&2
fi
echo "build: js/wasm and web/vendor are ready" >&2
