// tests/wasm/helpers.mjs: shared by the wasm suite: the engine (loaded once per build) and data paths.
import { readFileSync } from 'node:fs';
import { after } from 'node:test';
import { loadHelix } from '../../js/helix.js';

export const root = new URL('../../', import.meta.url);
export const dataText = (name) => readFileSync(new URL(`web/data/${name}`, root), 'utf8');

const engines = new Map();
let closing = false;
export function engine(build = 'helix-simd-mt') {
  if (!engines.has(build)) engines.set(build, loadHelix({ build, threads: 2 }));
  if (engines.size === 1 && !closing) {
    closing = true;
    // The threaded build's workers would keep this test file's process alive.
    after(async () => {
      for (const h of engines.values()) (await h).close();
    });
  }
  return engines.get(build);
}

// A labelled table from rows of [id, sequence, label].
export const table = (rows) => `id\tsequence\tlabel\n${rows.map((r) => r.join('\t')).join('\n')}\n`;
