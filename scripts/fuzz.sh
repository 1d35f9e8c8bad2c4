#!/usr/bin/env bash
# scripts/fuzz.sh [seconds-per-target] [target...]: builds the libFuzzer targets (tests/fuzz/fuzz_*.cpp, clang,
# ASan + UBSan, in build/fuzz) and runs each for the given CPU time (default 600 s: issue 9's 10 CPU-minutes),
# HELIX_JOBS (default: the number of cores) at a time. CPU time, not wall time: on a busy machine a target runs
# longer until it has had its share. Fails when any target finds a crash, a broken parser contract, a leak, a
# timeout (10 s for one input) or more than 2 GB of memory; the input is then in build/fuzz/artifacts/<target>/
# and the log in build/fuzz/logs/<target>.log. Inputs: tests/fuzz/seeds/<target>/ (with its dictionary
# tests/fuzz/dict/*.dict), tests/bad-inputs/ when present (the files of the matching kinds, with the options byte
# the target expects), and the corpus grown by earlier runs (build/fuzz/corpus/<target>/, where new inputs go).
# A crash input worth keeping goes into tests/fuzz/seeds/<target>/regression-<what>.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-600}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(fasta table graph motif model_file spec variants)
export CCACHE_DIR="${CCACHE_DIR:-$HOME/.cache/helix-ccache}" CCACHE_BASEDIR="$PWD"
jobs="${HELIX_JOBS:-$(nproc)}"
build=build/fuzz

[ -f $build/CMakeCache.txt ] ||
  CXX=clang++ cmake -S . -B $build -DCMAKE_BUILD_TYPE=Release -DHELIX_FUZZ=ON >/dev/null
cmake --build $build -j"$jobs" --target "${targets[@]/#/fuzz_}"

declare -A dict=([fasta]=fasta [table]=fasta [variants]=fasta [graph]=graph [motif]=motif [model_file]=json [spec]=json)
# tests/bad-inputs/<kind>/ (branch h9-corpus) feeds the targets that read that kind; the options byte(s) each
# copy starts with are the target's (see its .cpp): table options 0 and 1 (labels optional, required), graph
# feature count 0, model and spec kinds 0..3, variants without numeric columns.
declare -A bad_kinds=([fasta]="fasta table" [table]="table matrix numbers" [graph]="graph" [motif]="motif"
                      [model_file]="model" [spec]="spec" [variants]="variants")
declare -A bad_bytes=([fasta]="" [table]="0 1" [graph]="0" [motif]="" [model_file]="0 1 2 3" [spec]="0 1 2 3"
                      [variants]="0")
bad_seeds() {  # target -> a directory of tests/bad-inputs files, each prefixed with the target's options bytes
  local t=$1 out=$build/bad-seeds/$1 kind f b
  rm -rf "$out"; mkdir -p "$out"
  for kind in ${bad_kinds[$t]}; do
    [ -d "tests/bad-inputs/$kind" ] || continue
    for f in tests/bad-inputs/"$kind"/*; do
      [ -f "$f" ] || continue
      if [ -z "${bad_bytes[$t]}" ]; then cp "$f" "$out/$kind-$(basename "$f")"; continue; fi
      for b in ${bad_bytes[$t]}; do
        { printf "\\$(printf '%03o' "$b")"; cat "$f"; } > "$out/$kind-$b-$(basename "$f")"
      done
    done
  done
  echo "$out"
}

export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
mkdir -p $build/logs $build/results
clk_tck=$(getconf CLK_TCK)

# fuzz_one target: runs it for `seconds` of CPU time; writes its summary line to $build/results/<target> and
# returns non-zero when it failed.
fuzz_one() {
  local t=$1 log=$build/logs/$1.log status=0 pid cpu=0 interrupted=0 ticks timeout_input execs rate cov result
  mkdir -p "$build/corpus/$t" "$build/artifacts/$t"
  # -max_total_time only caps wall time (at 20 times the budget); the loop below stops the target with SIGINT
  # once it has used `seconds` of CPU: libFuzzer then prints its final stats and exits with 72, which is success.
  "$build/fuzz_$t" "$build/corpus/$t" "tests/fuzz/seeds/$t" "$(bad_seeds "$t")" \
    -dict="tests/fuzz/dict/${dict[$t]}.dict" -max_total_time=$((seconds * 20)) -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="$build/artifacts/$t/" > "$log" 2>&1 &
  pid=$!
  local started=$SECONDS
  while kill -0 $pid 2>/dev/null; do
    # A backstop past -max_total_time: under heavy load a libFuzzer timeout has hung in its own handler.
    if [ $((SECONDS - started)) -gt $((seconds * 20 + 120)) ]; then
      echo "fuzz.sh: still running $((SECONDS - started)) s after its start: killed as hung" >> "$log"
      kill -KILL $pid 2>/dev/null
      break
    fi
    # utime + stime, fields 14 and 15 of /proc/PID/stat, in clock ticks
    ticks=$(awk '{ print $14 + $15 }' /proc/$pid/stat 2>/dev/null || echo 0)
    [ -n "$ticks" ] && [ "$ticks" -gt 0 ] && cpu=$((ticks / clk_tck))
    if [ "$cpu" -ge "$seconds" ]; then kill -INT $pid 2>/dev/null && interrupted=1; break; fi
    sleep 1
  done
  wait $pid || status=$?
  [ "$interrupted" = 1 ] && [ "$status" = 72 ] && status=0
  # libFuzzer's -timeout counts wall time: on a machine busy with other work an ordinary input can pass 10 s.
  # A timeout is a hang only when the input, run again alone, still takes over 10 s.
  timeout_input=$(ls -t "$build/artifacts/$t"/timeout-* 2>/dev/null | head -1 || true)
  if [ "$status" -ne 0 ] && [ -n "$timeout_input" ] && grep -q 'ERROR: libFuzzer: timeout' "$log" &&
     "$build/fuzz_$t" -timeout=10 "$timeout_input" >> "$log" 2>&1; then
    echo "note: $timeout_input passes when run alone: a timeout under load, not a hang" >> "$log"
    mv "$timeout_input" "${timeout_input/timeout-/load-timeout-}"
    status=0
  fi
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | cut -d' ' -f2 || true) # none when it failed at once
  result=ok
  [ "$status" -ne 0 ] && result="FAILED (exit $status): $(ls "$build/artifacts/$t" | tail -1)"
  printf '%-11s %8s %10s %8s %6s  %s\n' "$t" "${cpu:-?}" "${execs:-?}" "${rate:-?}" "${cov:-?}" "$result" \
    > "$build/results/$t"
  return "$status"
}

# The targets run $jobs at a time (HELIX_JOBS, default: the cores): each is one single-threaded process with a
# CPU-time budget, so on 2 cores two at once take half the wall time for the same fuzzing.
printf '%-11s %8s %10s %8s %6s  %s\n' target cpu_s executions exec/s cov result >&2
failed=()
running=0
for t in "${targets[@]}"; do
  rm -f "$build/results/$t"
  if [ "$running" -ge "$jobs" ]; then wait -n || true; running=$((running - 1)); fi
  fuzz_one "$t" &
  running=$((running + 1))
done
wait || true
for t in "${targets[@]}"; do
  if [ -f "$build/results/$t" ]; then cat "$build/results/$t" >&2; else echo "$t: no result" >&2; fi
  if ! grep -q '  ok$' "$build/results/$t" 2>/dev/null; then
    failed+=("$t")
    grep -m1 -B2 -A30 'ERROR: \|runtime error\|contract broken\|==ERROR' "$build/logs/$t.log" >&2 ||
      tail -n 40 "$build/logs/$t.log" >&2
  fi
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz: ${failed[*]} failed; logs in $build/logs/, inputs in $build/artifacts/" >&2
  exit 1
fi
