#!/usr/bin/env bash
# scripts/test.sh: every test suite, or the ones named: core (doctest, native), wasm (node --test on the
# built module and the CLI), web (Playwright + Debian's Chromium on the served page).
# Installs what is missing and builds first (both idempotent and incremental).
set -euo pipefail
cd "$(dirname "$0")/.."
suites=("$@")
[ ${#suites[@]} -gt 0 ] || suites=(core wasm web)
export CCACHE_DIR="${CCACHE_DIR:-$HOME/.cache/helix-ccache}"
jobs="${HELIX_JOBS:-$(nproc)}"

bash scripts/setup.sh
for suite in "${suites[@]}"; do
  case "$suite" in
    core)
      echo "== core: native build + doctest" >&2
      [ -f build/native/CMakeCache.txt ] || cmake -S . -B build/native -DCMAKE_BUILD_TYPE=Release >/dev/null
      cmake --build build/native -j"$jobs"
      (cd build/native && ./helix_tests)
      ;;
    wasm)
      echo "== wasm: both builds + node --test" >&2
      bash scripts/build.sh
      node --test tests/wasm/
      ;;
    web)
      echo "== web: Playwright + /usr/bin/chromium" >&2
      bash scripts/build.sh
      # One browser suite at a time on 2 cores (Node 18, Debian 12's own, lacks the flag and runs them in turn).
      serial=(); node --test-concurrency=1 -e 0 2>/dev/null && serial=(--test-concurrency=1)
      node --test "${serial[@]}" tests/web/
      ;;
    *) echo "unknown suite '$suite' (core, wasm, web)" >&2; exit 2 ;;
  esac
done
