#!/usr/bin/env bash
# bench/profile.sh: where a training step's time goes, per function (self time) and per op (time including
# callees), for W1, W2 and W3 on one thread: perf record of the native build/native/helix_bench
# (build it first: cmake --build build/native). User-space samples only.
# Usage: bench/profile.sh [W:STEPS,...] [OUTDIR]   (default W1:200,W3:60,W2:6)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-W1:200,W3:60,W2:6}
out=${2:-$(mktemp -d)}
mkdir -p "$out"
for run in ${runs//,/ }; do
  w=${run%%:*} n=${run##*:}
  perf record -q --all-user -F 499 --call-graph dwarf,16384 -o "$out/$w.data" \
    build/native/helix_bench --threads 1 --workloads "$w" --modes train --steps "$n" > "$out/$w.json" 2>/dev/null
  echo "== $w training, 1 thread: $(cat "$out/$w.json")"
  echo "-- self time by function"
  perf report -i "$out/$w.data" --no-children --sort symbol --percent-limit 1.5 --stdio 2>/dev/null \
    | grep -E '^ +[0-9]' | sed -E 's/\(anonymous namespace\):://g; s/std::function<[^>]*>/fn/g' | cut -c1-170 | head -25
  echo "-- time including callees, helix ops and kernels"
  perf report -i "$out/$w.data" --children --sort symbol --percent-limit 2 --stdio 2>/dev/null \
    | grep -E '^ +[0-9]' | grep -E 'helix::(ops|kernels|optim|backward|nn::)' | cut -c1-170 | head -30
done
