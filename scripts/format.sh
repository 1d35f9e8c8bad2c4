#!/usr/bin/env bash
# scripts/format.sh [--check]: formats the sources in place (`npm run format`), or with --check only reports
# what is not formatted and fails then (`npm test`'s format suite, scripts/test.sh).
#   C++ (core/ wasm/ tests/core/ tests/fuzz/ bench/native/ bench/workloads/): clang-format with .clang-format;
#   JavaScript, HTML and CSS (js/ web/ bin/ bench/ tests/ scripts/): Prettier with .prettierrc.json, minus
#   .prettierignore (built and vendored files, data).
set -euo pipefail
cd "$(dirname "$0")/.."
check=0
[ "${1:-}" = --check ] && check=1

cpp_dirs=(); for d in core wasm tests/core tests/fuzz bench/native bench/workloads; do [ -d "$d" ] && cpp_dirs+=("$d"); done
js_dirs=(); for d in js web bin bench tests scripts; do [ -d "$d" ] && js_dirs+=("$d"); done
status=0
if [ $check = 1 ]; then
  find "${cpp_dirs[@]}" \( -name '*.cpp' -o -name '*.hpp' \) -print0 | sort -z |
    xargs -0 clang-format --dry-run --Werror || status=1
  node_modules/.bin/prettier --check "${js_dirs[@]}" || status=1
  [ $status = 0 ] || echo "format: not formatted (see above); \`npm run format\` formats them" >&2
else
  find "${cpp_dirs[@]}" \( -name '*.cpp' -o -name '*.hpp' \) -print0 | xargs -0 clang-format -i
  node_modules/.bin/prettier --write --log-level warn "${js_dirs[@]}"
fi
exit $status
