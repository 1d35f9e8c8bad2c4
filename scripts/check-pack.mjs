#!/usr/bin/env node
// scripts/check-pack.mjs: `npm pack` and `npm publish` run it first (package.json "prepack"): the package ships
// the engine prebuilt, so it refuses to pack without scripts/build.sh's output (a package without its wasm
// would install and then fail at its first loadHelix()).
import { BUILT, missingFiles } from './built-files.mjs';

const missing = missingFiles(BUILT);
if (missing.length) {
  console.error(`check-pack: missing ${missing.join(', ')}: run \`bash scripts/build.sh\` first`);
  process.exit(1);
}
