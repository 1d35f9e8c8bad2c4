#!/usr/bin/env node
// scripts/serve.mjs: a static file server for the playground (web/) and the tutorials (examples/), on
// 127.0.0.1 only. The playground is at / (the root, web/ by default). A root without folders of these names
// (web/, the default) gets them mounted, so links and imports resolve the same whether web/ or the repository
// (or dist/) is the root:
//   /js/*        the repository's js/: the engine (the JS API and the wasm) the page imports as '../../js/...'
//   /examples/*  the repository's examples/: the tutorials (the playground's header links ../examples/)
//   /web/*       the root itself: the tutorials' '../web/' (the playground and the element they import)
//   /sw.js       web/sw.js, the service worker that keeps the pages working offline (it lives at the site's
//                root, so that its scope holds the playground and the tutorials)
// and /offline-files.json, unless the root has one (dist/ does), lists what that service worker caches
// (scripts/offline-files.mjs), made from the folders served when asked.
// Every response carries COOP/COEP (and CORP), so the page is cross-origin isolated and the threaded
// build (SharedArrayBuffer + pthreads) can load; `--no-isolation` leaves them out to try the 1-thread build.
// Every response also carries the strict Content-Security-Policy the product is built to run under (CSP below:
// scripts and styles from this origin only, WebAssembly compiled, nothing inline, no data: or blob: URLs, no
// request to another origin); `--no-csp` leaves it out.
//   node scripts/serve.mjs [--port N] [--no-isolation] [--no-csp] [--root DIR]   (PORT env also works; 0 = any free port)
// Also a library for tests: `const { url, close } = await startServer({ port: 0, isolation: false })`
// (`mount: false`: the root alone, nothing mounted).
import { createServer } from 'node:http';
import { createReadStream, existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { offlineManifest } from './offline-files.mjs';

const DEFAULT_ROOT = fileURLToPath(new URL('../web/', import.meta.url));
const REPO = path.resolve(fileURLToPath(new URL('..', import.meta.url)));

const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.tsv': 'text/plain; charset=utf-8',
  '.csv': 'text/plain; charset=utf-8',
  '.fa': 'text/plain; charset=utf-8',
  '.fasta': 'text/plain; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'";

// Maps a URL path to a file under root, or null when it would leave root (../, encoded or not, NUL bytes).
function resolveInRoot(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const file = path.resolve(root, '.' + path.posix.normalize('/' + decoded));
  return file === root || file.startsWith(root + path.sep) ? file : null;
}

// The folders (a prefix ending in /) and files mounted on a root that lacks them (see the top): [URL path,
// folder or file], for a root folder.
function mountsFor(rootDir) {
  const wanted = [
    ['/js/', path.join(REPO, 'js')],
    ['/examples/', path.join(REPO, 'examples')],
    ['/web/', rootDir],
    ['/sw.js', path.join(REPO, 'web', 'sw.js')],
  ];
  return wanted.filter(([prefix]) => !existsSync(path.join(rootDir, prefix)));
}

// A URL path to a file: a mounted file, or under a mounted folder when its prefix matches, else under root.
function fileFor(rootDir, mounts, urlPath) {
  for (const [prefix, target] of mounts) {
    if (!prefix.endsWith('/')) {
      if (urlPath === prefix) return target;
    } else if (urlPath.startsWith(prefix)) return resolveInRoot(target, urlPath.slice(prefix.length - 1));
  }
  return resolveInRoot(rootDir, urlPath);
}

// offline-files.json for what this server serves: the folders behind /web/, /js/ and /examples/.
function offlineFilesFor(rootDir, mounts) {
  const folder = (name) => mounts.find(([prefix]) => prefix === `/${name}/`)?.[1] ?? path.join(rootDir, name);
  const webAtRoot = mounts.some(([prefix]) => prefix === '/web/');
  return offlineManifest(
    { web: folder('web'), js: folder('js'), examples: folder('examples') },
    { webAtRoot, startPage: !webAtRoot && existsSync(path.join(rootDir, 'index.html')) },
  );
}

export async function startServer({
  port = 8080,
  isolation = true,
  csp = true,
  root = DEFAULT_ROOT,
  host = '127.0.0.1',
  mount = true,
} = {}) {
  const rootDir = path.resolve(root);
  const mounts = mount ? mountsFor(rootDir) : [];
  const baseHeaders = {
    'Cache-Control': 'no-cache',
    'X-Content-Type-Options': 'nosniff',
    ...(isolation ? ISOLATION_HEADERS : {}),
    ...(csp ? { 'Content-Security-Policy': CSP } : {}),
  };

  const send = (res, status, text) => {
    res.writeHead(status, { ...baseHeaders, 'Content-Type': 'text/plain; charset=utf-8' });
    res.end(text + '\n');
  };

  const server = createServer(async (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed');
    const urlPath = new URL(req.url, 'http://localhost').pathname;
    if (urlPath === '/offline-files.json' && mount && !existsSync(path.join(rootDir, 'offline-files.json'))) {
      let body;
      try {
        body = JSON.stringify(offlineFilesFor(rootDir, mounts));
      } catch (err) {
        return send(res, 500, `offline-files.json: ${err.message}`);
      }
      res.writeHead(200, {
        ...baseHeaders,
        'Content-Type': MIME_TYPES['.json'],
        'Content-Length': Buffer.byteLength(body),
      });
      return res.end(req.method === 'HEAD' ? undefined : body);
    }
    let file = fileFor(rootDir, mounts, urlPath);
    if (!file) return send(res, 403, 'Forbidden');
    try {
      let info = await stat(file);
      if (info.isDirectory()) {
        if (!urlPath.endsWith('/')) {
          res.writeHead(301, { ...baseHeaders, Location: urlPath + '/' });
          return res.end();
        }
        file = path.join(file, 'index.html');
        info = await stat(file);
      }
      const type = MIME_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
      res.writeHead(200, { ...baseHeaders, 'Content-Type': type, 'Content-Length': info.size });
      if (req.method === 'HEAD') return res.end();
      createReadStream(file)
        .on('error', () => res.destroy())
        .pipe(res);
    } catch {
      send(res, 404, 'Not found');
    }
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const url = `http://${host}:${server.address().port}/`;
  const close = () =>
    new Promise((resolve) => {
      server.closeAllConnections?.();
      server.close(() => resolve());
    });
  return { url, close, server };
}

function parseArgs(argv) {
  const opts = { port: process.env.PORT !== undefined ? Number(process.env.PORT) : 8080, isolation: true, csp: true };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--port') opts.port = Number(argv[++i]);
    else if (arg.startsWith('--port=')) opts.port = Number(arg.slice(7));
    else if (arg === '--no-isolation') opts.isolation = false;
    else if (arg === '--no-csp') opts.csp = false;
    else if (arg === '--root') opts.root = argv[++i];
    else if (arg === '--help' || arg === '-h') {
      console.log('usage: node scripts/serve.mjs [--port N] [--no-isolation] [--no-csp] [--root DIR]');
      process.exit(0);
    } else {
      console.error(`serve.mjs: unknown argument '${arg}' (try --help)`);
      process.exit(2);
    }
  }
  if (!Number.isInteger(opts.port) || opts.port < 0 || opts.port > 65535) {
    console.error(`serve.mjs: --port must be an integer from 0 to 65535 (got '${opts.port}')`);
    process.exit(2);
  }
  return opts;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const opts = parseArgs(process.argv.slice(2));
  startServer(opts).then(
    ({ url }) => console.log(`Helix playground: ${url} · tutorials: ${url}examples/`),
    (err) => {
      console.error(`serve.mjs: cannot listen on 127.0.0.1:${opts.port}: ${err.message}`);
      process.exit(1);
    },
  );
}
