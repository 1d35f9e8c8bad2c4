// scripts/offline-files.mjs: the list the service worker (web/sw.js) caches for offline use, as
// offline-files.json at the site's root: every file of the playground (web/: the page, the element, the worker,
// vendor modules, the shipped examples' data), of the engine (js/: the JS API, both wasm builds, motifs) and of
// the tutorials (examples/), as URLs relative to the site's root, and a version that changes when any of them
// does. scripts/serve.mjs answers it for the folders it serves; scripts/build-site.mjs writes it into dist/.
//   offlineManifest({ web, js, examples }, { webAtRoot, startPage }) -> { version, webAtRoot, files }
// webAtRoot: the playground is also the site's root (npm start serves web/ at / and again at /web/), so the
//   service worker answers /x from web/x when offline. startPage: the root has its own index.html (dist/).
import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

// Not loaded by a page: the engine's builds from before js/ (a stale copy), type declarations.
const SKIP = (rel) => rel.startsWith('web/wasm/') || rel.endsWith('.d.ts');

// The directory URLs the pages link to (each answers its index.html).
const INDEXES = ['web/', 'examples/', 'examples/zh/'];

function filesUnder(dir, prefix) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath ?? entry.path, entry.name);
    const rel = `${prefix}/${path.relative(dir, file).split(path.sep).join('/')}`;
    if (!SKIP(rel)) out.push({ rel, file });
  }
  return out;
}

export function offlineManifest(dirs, { webAtRoot = false, startPage = false } = {}) {
  const found = Object.entries(dirs).flatMap(([prefix, dir]) => filesUnder(dir, prefix));
  found.sort((a, b) => (a.rel < b.rel ? -1 : 1));
  const hash = createHash('sha256');
  for (const { rel, file } of found) {
    const { size, mtimeMs } = statSync(file);
    hash.update(`${rel}\0${size}\0${mtimeMs}\n`);
  }
  const files = [...(startPage ? ['', 'index.html'] : []), ...INDEXES, ...found.map((f) => f.rel)];
  return { version: hash.digest('hex').slice(0, 16), webAtRoot, files };
}
