// scripts/built-files.mjs: what `bash scripts/build.sh` lays out for the pages and the package to load at run
// time (both wasm builds beside the JS API, the page's vendor modules), and which of them are missing.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

export const BUILT = [
  'js/wasm/helix-simd.mjs',
  'js/wasm/helix-simd.wasm',
  'js/wasm/helix-simd-mt.mjs',
  'js/wasm/helix-simd-mt.wasm',
  'js/wasm/helix-simd-mt.worker.js',
  'js/wasm/package.json',
  'web/vendor/comlink.mjs',
  'web/vendor/uPlot.esm.js',
  'web/vendor/uPlot.min.css',
  'web/vendor/helix-genome.mjs',
];

export const missingFiles = (files, root = ROOT) => files.filter((file) => !existsSync(path.join(root, file)));
