#!/usr/bin/env bash
# scripts/openblas-for-bench.sh [DIR]: unpacks Debian's OpenBLAS (libopenblas0-pthread) into DIR (default
# build/openblas) without installing it, and prints the library folder to pass to `node bench/suite.mjs
# --torch-blas`. Debian's python3-torch links libblas.so.3, which by default is the reference (netlib) BLAS: its
# Linear and LSTM products are several times slower than with OpenBLAS, so PyTorch ratios taken against it flatter
# Helix. Only the benchmark's PyTorch process sees this BLAS (LD_LIBRARY_PATH); nothing on the system changes.
set -euo pipefail
cd "$(dirname "$0")/.."
dir="${1:-build/openblas}"
lib="$dir/root/usr/lib/x86_64-linux-gnu/openblas-pthread"
if [ ! -f "$lib/libblas.so.3" ]; then
  mkdir -p "$dir"
  (cd "$dir" && apt-get download libopenblas0-pthread >&2 && dpkg-deb -x libopenblas0-pthread_*.deb root)
fi
realpath "$lib"
