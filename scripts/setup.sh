#!/usr/bin/env bash
# scripts/setup.sh: installs what Helix needs and is missing (Debian 12, as root or with sudo), then the
# npm packages. Idempotent: a second run installs nothing.
#   python3-torch runs the PyTorch export tests (tests/wasm/export-pytorch.test.mjs) and regenerates fixtures.
#   fonts-wqy-microhei lets the headless Chromium of the page tests draw the Chinese interface (screenshots).
#   clang and libclang-rt-14-dev (libFuzzer, ASan, UBSan) build the fuzz targets and the sanitized test suite.
#   clang-format checks (npm test) and formats (npm run format) the C++ sources.
#   samtools, tabix (bgzip) and python3-pybigwig are for tests only: the genome tests compare js/genome's reads
#   with samtools faidx and pyBigWig, and make their bgzip genome and bigWig with them.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(cmake g++ ccache emscripten binaryen wabt libxtensor-dev libxsimd-dev nlohmann-json3-dev doctest-dev
          chromium nodejs python3-torch fonts-wqy-microhei clang libclang-rt-14-dev clang-format
          samtools tabix python3-pybigwig)

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

# playwright-core needs Node >= 20; Debian 12's own nodejs is 18. The npm registry's `node` package brings 20.
if [ "$(node -p 'process.versions.node.split(".")[0]')" -lt 20 ]; then
  echo "setup: Node $(node --version) is too old, installing Node 20 from the npm registry" >&2
  npm install -g --no-audit --no-fund node@20 >&2
  hash -r
fi

# npm packages: only when the lock file changed since the last install.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: npm ci" >&2
  npm ci --no-audit --no-fund >&2
fi

# tests/wasm/package.test.mjs installs the packed package offline (npm install ./helix-genomics-*.tgz --offline),
# which reads the registry's record of each dependency; npm ci caches their tarballs only. `npm cache add` keeps
# both, for every package of the lock file the package's users install (those not marked dev). npm ci empties
# node_modules, and with it the mark that this was done.
if [ ! -f node_modules/.helix-cached-dependencies ]; then
  echo "setup: npm cache add (the dependencies of the packed package)" >&2
  npm cache add $(node -e '
    const { packages } = require("./package-lock.json");
    for (const [where, p] of Object.entries(packages))
      if (where && !p.dev && !p.devOptional && !p.link) console.log(`${where.replace(/^.*node_modules\//, "")}@${p.version}`);
  ') >&2
  touch node_modules/.helix-cached-dependencies
fi
