// tests/web/serve.test.mjs: the static server sends COOP/COEP on every response (or none with isolation off)
// and the strict CSP (or none with csp off), right MIME types, and nothing outside web/ (and js/, the engine,
// and examples/, the tutorials).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../scripts/serve.mjs';

let isolated;
let plain;
before(async () => {
  isolated = await startServer({ port: 0 });
  plain = await startServer({ port: 0, isolation: false });
});
after(async () => {
  await isolated.close();
  await plain.close();
});

// A raw GET (fetch() would normalise '..' out of the path before sending it).
function get(base, rawPath) {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path: rawPath, method: 'GET' }, (res) => {
      res.resume();
      res.on('end', () => resolve(res));
    });
    req.on('error', reject);
    req.end();
  });
}

test('every response of the isolated server carries COOP, COEP and CORP', async () => {
  for (const path of ['/', '/index.html', '/app.js', '/data/gata-predict.fa', '/no-such-file', '/../package.json']) {
    const res = await get(isolated.url, path);
    assert.equal(res.headers['cross-origin-opener-policy'], 'same-origin', path);
    assert.equal(res.headers['cross-origin-embedder-policy'], 'require-corp', path);
    assert.equal(res.headers['cross-origin-resource-policy'], 'same-origin', path);
    assert.equal(res.headers['cache-control'], 'no-cache', path);
  }
});

test('every response carries the strict Content-Security-Policy, with isolation or without', async () => {
  for (const server of [isolated, plain]) {
    for (const path of ['/', '/app.js', '/wasm/helix-simd.wasm', '/no-such-file']) {
      const res = await get(server.url, path);
      assert.equal(
        res.headers['content-security-policy'],
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'",
        path,
      );
    }
  }
  const noCsp = await startServer({ port: 0, csp: false });
  try {
    assert.equal((await get(noCsp.url, '/index.html')).headers['content-security-policy'], undefined);
  } finally {
    await noCsp.close();
  }
});

test('--no-isolation leaves COOP/COEP out', async () => {
  const res = await get(plain.url, '/index.html');
  assert.equal(res.statusCode, 200);
  assert.equal(res.headers['cross-origin-opener-policy'], undefined);
  assert.equal(res.headers['cross-origin-embedder-policy'], undefined);
});

test('MIME types: html, js, css, tsv, fasta', async () => {
  const cases = {
    '/': 'text/html',
    '/app.js': 'text/javascript',
    '/styles.css': 'text/css',
    '/data/gata-example.tsv': 'text/plain',
    '/data/gata-predict.fa': 'text/plain',
  };
  for (const [path, type] of Object.entries(cases))
    assert.match((await get(isolated.url, path)).headers['content-type'], new RegExp(`^${type}`), path);
});

test("/js/ is the repository's js/ (the engine the page imports as ../../js/)", async () => {
  const res = await get(isolated.url, '/js/helix.js');
  assert.equal(res.statusCode, 200);
  assert.match(res.headers['content-type'], /^text\/javascript/);
  assert.equal(
    (await get(isolated.url, '/js/data/jaspar/JASPAR2020_CORE_vertebrates_non-redundant_pfms.jaspar')).statusCode,
    200,
  );
});

test("/examples/ is the repository's tutorials and /web/ the playground again (the tutorials' ../web/ links)", async () => {
  for (const [path, type] of [
    ['/examples/', 'text/html'],
    ['/examples/zh/cnn-binding.html', 'text/html'],
    ['/examples/tutorial.css', 'text/css'],
    ['/web/', 'text/html'],
    ['/web/element/helix-playground.js', 'text/javascript'],
    ['/web/data/gata-predict.fa', 'text/plain'],
  ]) {
    const res = await get(isolated.url, path);
    assert.equal(res.statusCode, 200, path);
    assert.match(res.headers['content-type'], new RegExp(`^${type}`), path);
  }
  // With nothing mounted the root is all there is.
  const bare = await startServer({ port: 0, mount: false });
  try {
    for (const path of ['/examples/', '/web/', '/js/helix.js'])
      assert.equal((await get(bare.url, path)).statusCode, 404, path);
  } finally {
    await bare.close();
  }
});

test('/sw.js is the service worker; /offline-files.json lists what it caches, and each listed URL answers', async () => {
  const sw = await get(isolated.url, '/sw.js');
  assert.equal(sw.statusCode, 200);
  assert.match(sw.headers['content-type'], /^text\/javascript/);
  const manifest = await (await fetch(`${isolated.url}offline-files.json`)).json();
  assert.match(manifest.version, /^[0-9a-f]{16}$/);
  assert.equal(manifest.webAtRoot, true); // npm start: the playground at / is web/
  for (const file of [
    'web/',
    'web/index.html',
    'web/app.js',
    'web/data/gata-example.tsv',
    'js/wasm/helix-simd-mt.wasm',
  ])
    assert.ok(manifest.files.includes(file), file);
  for (const file of ['examples/', 'examples/zh/', 'examples/zh/gan.html', 'examples/tutorial.css'])
    assert.ok(manifest.files.includes(file), file);
  assert.deepEqual(
    manifest.files.filter((f) => f.endsWith('.d.ts') || f.startsWith('web/wasm/')),
    [],
  );
  for (const file of manifest.files) assert.equal((await get(isolated.url, `/${file}`)).statusCode, 200, file);
  // Served from the repository's root, sw.js is still at the site's root, and the root is not the playground.
  const repo = await startServer({ port: 0, root: fileURLToPath(new URL('../../', import.meta.url)) });
  try {
    assert.equal((await get(repo.url, '/sw.js')).statusCode, 200);
    assert.equal((await (await fetch(`${repo.url}offline-files.json`)).json()).webAtRoot, false);
  } finally {
    await repo.close();
  }
});

test('paths outside web/, js/ and examples/ are refused', async () => {
  for (const path of [
    '/../package.json',
    '/%2e%2e/package.json',
    '/data/..%2f..%2fpackage.json',
    '/%2e%2e%2fscripts%2fserve.mjs',
    '/js/..%2fpackage.json',
    '/js/%2e%2e/scripts/serve.mjs',
    '/js/..%2f..%2fpackage.json',
    '/js/../bin/helix.mjs',
    '/examples/..%2fpackage.json',
    '/examples/%2e%2e/scripts/serve.mjs',
    '/web/..%2fpackage.json',
    '/web/%2e%2e/%2e%2e/package.json',
  ]) {
    const res = await get(isolated.url, path);
    assert.ok([403, 404].includes(res.statusCode), `${path} -> ${res.statusCode}`);
  }
});

test('the command line prints exactly one line with the URL', async () => {
  const script = fileURLToPath(new URL('../../scripts/serve.mjs', import.meta.url));
  const child = spawn(process.execPath, [script, '--port', '0', '--no-isolation'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const line = await new Promise((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk) => {
        out += chunk;
        if (out.includes('\n')) resolve(out);
      });
      child.on('exit', (code) => reject(new Error(`exited with ${code}: ${out}`)));
    });
    const pattern = /^Helix playground: (http:\/\/127\.0\.0\.1:\d+\/) · tutorials: \1examples\/\n$/;
    assert.match(line, pattern);
    const [, url] = line.match(pattern);
    assert.equal((await get(url, '/')).statusCode, 200);
    assert.equal((await get(url, '/examples/')).statusCode, 200);
  } finally {
    child.kill();
  }
});
