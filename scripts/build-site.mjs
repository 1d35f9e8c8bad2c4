#!/usr/bin/env node
// scripts/build-site.mjs: the static site in dist/: the playground (web/: page, worker, vendor modules, data),
// the engine it loads (js/: the JS API and both wasm builds), the tutorials (examples/), a start page, and the
// service worker (sw.js, from web/) with the list of files it caches for offline use (offline-files.json).
// Plain copies, no bundling: the pages are ES modules that load as they are, from any static server, offline.
//   node scripts/build-site.mjs [--out DIR]       (npm run build runs scripts/build.sh first)
// dist/ keeps the repository's layout (dist/web/, dist/js/, dist/examples/), so the tutorials' `../web/...`
// and the page's `../../js/...` imports hold in both. Threads need COOP/COEP headers from the server:
// dist/_headers asks for them on hosts that read that file (Netlify, Cloudflare Pages); elsewhere the engine
// runs on one thread and its status line says so.
import { cp, mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CSP } from './serve.mjs';
import { ROOT, BUILT, missingFiles } from './built-files.mjs';
import { offlineManifest } from './offline-files.mjs';

// What the pages load at run time; a missing one of BUILT means `bash scripts/build.sh` has not run.
const REQUIRED = ['web/index.html', 'js/helix.js', ...BUILT, 'examples/index.html'];

const START_PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Helix</title>
    <link rel="icon" href="web/favicon.svg" type="image/svg+xml" />
    <link rel="stylesheet" href="examples/tutorial.css" />
  </head>
  <body>
    <main>
      <h1>Helix: deep learning on DNA, in your browser</h1>
      <ul class="topics">
        <li><a href="web/">The playground</a>: paste DNA, train a network, predict and explain.</li>
        <li><a href="examples/">Tutorials</a>: one topic per page, each with a live playground, and how to embed one in your own page.</li>
      </ul>
    </main>
  </body>
</html>
`;

const HEADERS = `/*
  Cross-Origin-Opener-Policy: same-origin
  Cross-Origin-Embedder-Policy: require-corp
  Cross-Origin-Resource-Policy: same-origin
  Content-Security-Policy: ${CSP}
`;

async function sizeOf(dir) {
  let bytes = 0;
  let files = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    files++;
    bytes += (await stat(path.join(entry.parentPath ?? entry.path, entry.name))).size;
  }
  return { bytes, files };
}

async function main(argv) {
  const outIndex = argv.indexOf('--out');
  const out = path.resolve(ROOT, outIndex >= 0 ? (argv[outIndex + 1] ?? '') : 'dist');
  if (outIndex >= 0 && !argv[outIndex + 1]) throw new UsageError('--out needs a directory');
  // It is emptied first: never the repository or a folder holding it.
  if (ROOT.startsWith(out + path.sep) || path.resolve(ROOT) === out)
    throw new UsageError(`--out ${out} would hold the repository`);
  const missing = missingFiles(REQUIRED);
  if (missing.length) throw new Error(`missing ${missing.join(', ')}: run \`bash scripts/build.sh\` first`);

  await rm(out, { recursive: true, force: true });
  await mkdir(out, { recursive: true });
  // web/wasm/ is where builds before js/ put the engine: a stale copy, not the site's.
  const notOldWasm = (src) => src !== path.join(ROOT, 'web', 'wasm');
  await cp(path.join(ROOT, 'web'), path.join(out, 'web'), { recursive: true, filter: notOldWasm });
  await cp(path.join(ROOT, 'js'), path.join(out, 'js'), { recursive: true });
  await cp(path.join(ROOT, 'examples'), path.join(out, 'examples'), { recursive: true });
  await writeFile(path.join(out, 'index.html'), START_PAGE);
  await writeFile(path.join(out, '_headers'), HEADERS);
  // The service worker at the site's root (its scope: every page), and the list it caches for offline use.
  await cp(path.join(ROOT, 'web', 'sw.js'), path.join(out, 'sw.js'));
  const dirs = { web: path.join(out, 'web'), js: path.join(out, 'js'), examples: path.join(out, 'examples') };
  await writeFile(path.join(out, 'offline-files.json'), JSON.stringify(offlineManifest(dirs, { startPage: true })));
  const { bytes, files } = await sizeOf(out);
  console.log(
    `build-site: ${path.relative(ROOT, out) || '.'}/ holds ${files} files, ${(bytes / 1e6).toFixed(1)} MB (serve it: node scripts/serve.mjs --root ${path.relative(ROOT, out) || '.'})`,
  );
}

class UsageError extends Error {}

main(process.argv.slice(2)).catch((err) => {
  console.error(`build-site: ${err.message}`);
  process.exit(err instanceof UsageError ? 2 : 1);
});
