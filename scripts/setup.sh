#!/usr/bin/env bash
# scripts/setup.sh [--test]: installs what Helix needs and is missing (Debian 12, as root or with sudo), then the
# npm packages. Idempotent: a second run installs nothing.
#   (no option, `npm start`): what building the wasm engines and serving the pages needs: emscripten and its
#   tools, cmake and make, the C++ libraries the engine is built from, esbuild (bundles js/genome for the page);
#   npm ci --omit=dev (the dependencies:
#   Comlink and uPlot, which the page loads from web/vendor/, and the genome readers of js/genome).
#   --test (`npm test`, scripts/test.sh): that, and the test-only tools:
#     g++, doctest-dev build and run the native test suite; wabt (wasm-objdump) checks the wasm's instructions.
#     python3-torch runs the PyTorch export tests (tests/wasm/export-pytorch.test.mjs) and regenerates fixtures.
#     chromium runs the browser tests; fonts-wqy-microhei lets it draw the Chinese interface (screenshots).
#     clang and libclang-rt-14-dev (libFuzzer, ASan, UBSan) build the fuzz targets and the sanitized test suite.
#     clang-format checks (npm test) and formats (npm run format) the C++ sources.
#     samtools, tabix (bgzip) and python3-pybigwig: the genome tests compare js/genome's reads with samtools
#     faidx and pyBigWig, and make their bgzip genome and bigWig with them.
#     npm ci with the devDependencies (Playwright, axe-core, Prettier, TypeScript, TensorFlow.js, ONNX Runtime),
#     and the dependencies' registry records in npm's cache, for the offline install of the packed package.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=build
case "${1:-}" in
  "") ;;
  --test) mode=test ;;
  *) echo "usage: bash scripts/setup.sh [--test]" >&2; exit 2 ;;
esac

packages=(cmake make ccache emscripten binaryen libxtensor-dev libxsimd-dev nlohmann-json3-dev nodejs esbuild)
test_packages=(g++ doctest-dev wabt chromium python3-torch fonts-wqy-microhei clang libclang-rt-14-dev clang-format
               samtools tabix python3-pybigwig)
[ $mode = build ] || packages+=("${test_packages[@]}")

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# node and npm may come from outside Debian (nodesource, nvm): then the Debian package is not needed.
if command -v node >/dev/null && command -v npm >/dev/null; then
  missing=("${missing[@]/nodejs}")
fi
missing=($(printf '%s\n' "${missing[@]}" | grep -v '^$' || true))
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}" >&2
  sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
  command -v npm >/dev/null || DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq npm >&2
fi

# Helix needs Node >= 20 (package.json "engines"; playwright-core too); Debian 12's own nodejs is 18. The npm
# registry's `node` package brings 20.
if [ "$(node -p 'process.versions.node.split(".")[0]')" -lt 20 ]; then
  echo "setup: Node $(node --version) is too old, installing Node 20 from the npm registry" >&2
  npm install -g --no-audit --no-fund node@20 >&2
  hash -r
fi

# npm packages, when the lock file changed since the last install (node_modules/.package-lock.json is npm's
# record of it): --test installs every package; the build alone, npm ci --omit=dev, leaves the devDependencies
# out and says so in node_modules/.helix-omit-dev (a later --test then installs them; npm ci removes the mark).
current() { [ -f node_modules/.package-lock.json ] && [ ! package-lock.json -nt node_modules/.package-lock.json ]; }
if [ $mode = test ] && ! { current && [ ! -f node_modules/.helix-omit-dev ]; }; then
  echo "setup: npm ci" >&2
  npm ci --no-audit --no-fund >&2
elif [ $mode = build ] && ! current; then
  echo "setup: npm ci --omit=dev" >&2
  npm ci --omit=dev --no-audit --no-fund >&2
  touch node_modules/.helix-omit-dev
fi

# tests/wasm/package.test.mjs installs the packed package offline (npm install ./helix-genomics-*.tgz --offline),
# which reads the registry's record of each dependency; npm ci caches their tarballs only. `npm cache add` keeps
# both, for every package of the lock file the package's users install (those not marked dev). npm ci empties
# node_modules, and with it the mark that this was done.
if [ $mode = test ] && [ ! -f node_modules/.helix-cached-dependencies ]; then
  echo "setup: npm cache add (the dependencies of the packed package)" >&2
  npm cache add $(node -e '
    const { packages } = require("./package-lock.json");
    for (const [where, p] of Object.entries(packages))
      if (where && !p.dev && !p.devOptional && !p.link) console.log(`${where.replace(/^.*node_modules\//, "")}@${p.version}`);
  ') >&2
  touch node_modules/.helix-cached-dependencies
fi
