#!/usr/bin/env bash
# scripts/test.sh: every test suite, or the ones named: core (doctest, native), sanitize (the same doctest
# suite built with clang under AddressSanitizer + UndefinedBehaviorSanitizer), fuzz (each libFuzzer target of
# tests/fuzz for $HELIX_FUZZ_SECONDS, default 15 s; scripts/fuzz.sh), wasm (node --test on the built module and
# the CLI), web (Playwright + Debian's Chromium on the served page), format (clang-format and Prettier check
# that the sources are formatted: scripts/format.sh --check; tsc checks the TypeScript declarations of the JS
# API and the element: tsconfig.json; last, so that a formatting slip does not hide the other suites' results).
# Installs what is missing (scripts/setup.sh --test: the build's and the tests' tools) and builds first (both
# idempotent and incremental).
set -euo pipefail
cd "$(dirname "$0")/.."
suites=("$@")
[ ${#suites[@]} -gt 0 ] || suites=(core sanitize fuzz wasm web format)
export CCACHE_DIR="${CCACHE_DIR:-$HOME/.cache/helix-ccache}"
jobs="${HELIX_JOBS:-$(nproc)}"

# doctest_in_halves DIR: runs DIR/helix_tests (in DIR) as two processes, one for the cases of the test files
# test_a* to test_f* (conv1d, f32_gemm, filter_motifs... about half of the run's time) and one for all the
# others (the same pattern, excluded), so both cores stay busy through the many cases that run on one thread.
# Together they run every case once. Prints both logs, then fails if either failed.
doctest_in_halves() {
  (
    cd "$1"
    local files='*/test_a*,*/test_b*,*/test_c*,*/test_d*,*/test_e*,*/test_f*' first status=0
    ./helix_tests --source-file="$files" > tests-a-to-f.log 2>&1 &
    first=$!
    ./helix_tests --source-file-exclude="$files" > tests-g-to-z.log 2>&1 || status=$?
    wait $first || status=$?
    cat tests-a-to-f.log tests-g-to-z.log
    exit $status
  )
}

bash scripts/setup.sh --test
for suite in "${suites[@]}"; do
  case "$suite" in
    core)
      echo "== core: native build + doctest" >&2
      [ -f build/native/CMakeCache.txt ] || cmake -S . -B build/native -DCMAKE_BUILD_TYPE=Release >/dev/null
      cmake --build build/native -j"$jobs"
      doctest_in_halves build/native
      ;;
    sanitize)
      echo "== sanitize: doctest under ASan + UBSan (clang, build/fuzz)" >&2
      # build/fuzz also holds the fuzz targets: the core is compiled once for both (CMakeLists.txt, HELIX_FUZZ).
      [ -f build/fuzz/CMakeCache.txt ] ||
        CXX=clang++ cmake -S . -B build/fuzz -DCMAKE_BUILD_TYPE=Release -DHELIX_FUZZ=ON >/dev/null
      CCACHE_BASEDIR="$PWD" cmake --build build/fuzz -j"$jobs" --target helix_tests
      # Any report fails the run: UBSan aborts (-fno-sanitize-recover), ASan and LeakSanitizer exit non-zero.
      ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 doctest_in_halves build/fuzz
      ;;
    fuzz)
      echo "== fuzz: each libFuzzer target for ${HELIX_FUZZ_SECONDS:-15} s" >&2
      bash scripts/fuzz.sh "${HELIX_FUZZ_SECONDS:-15}"
      ;;
    wasm)
      echo "== wasm: both builds (and the threaded bench variant, for bench-smoke) + node --test" >&2
      bash scripts/build.sh --bench-mt
      # Two test files at a time: most of a file's time is its processes starting and waiting on one another
      # (the CLI tests spawn helix, the export tests python3), not two cores' worth of work.
      node --test --test-concurrency=2 tests/wasm/
      ;;
    web)
      echo "== web: Playwright + /usr/bin/chromium" >&2
      bash scripts/build.sh
      # One browser suite at a time on 2 cores (Node 18, Debian 12's own, lacks the flag and runs them in turn).
      serial=(); node --test-concurrency=1 -e 0 2>/dev/null && serial=(--test-concurrency=1)
      node --test "${serial[@]}" tests/web/
      ;;
    format)
      echo "== format: clang-format --dry-run --Werror, prettier --check, tsc on the declarations" >&2
      format_status=0
      bash scripts/format.sh --check || format_status=1
      node_modules/.bin/tsc -p tsconfig.json || format_status=1
      [ $format_status = 0 ]
      ;;
    *) echo "unknown suite '$suite' (core, sanitize, fuzz, wasm, web, format)" >&2; exit 2 ;;
  esac
done
