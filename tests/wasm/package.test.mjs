// tests/wasm/package.test.mjs: the npm package, as someone without the toolchain gets it. `npm pack` makes
// helix-genomics-<version>.tgz (package.json "files", "exports", "bundleDependencies"); it is installed into an
// empty temporary folder with `npm install ./helix-genomics-*.tgz --offline`, with a PATH that holds node, npm,
// npx and sh and nothing else (no emcc, cmake, make, g++ or clang), and then:
//   `npx helix train` and `npx helix predict` work on a shipped example,
//   `import { loadHelix } from 'helix-genomics'` trains and predicts in Node, and the module's exports are the
//   names js/helix.d.ts declares; TypeScript there finds the declarations through the package's exports,
//   a page that imports <helix-playground> from the installed package trains in Chromium, loading nothing
//   from outside the package.
// Nothing goes to the network: npm reads the dependencies (the genome readers of js/genome; Comlink and uPlot)
// from its cache, where `scripts/setup.sh --test` put them (npm cache add).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { startServer } from '../../scripts/serve.mjs';
import { launchChromium } from '../web/browser.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TOOLCHAIN = ['emcc', 'em++', 'emcmake', 'cmake', 'make', 'g++', 'gcc', 'c++', 'cc', 'clang', 'clang++'];
// What the package must hold, and what it must not (the sources of the build, the tests, the benchmarks).
const MUST_HOLD = [
  'package.json',
  'README.md',
  'bin/helix.mjs',
  'js/helix.js',
  'js/helix.d.ts',
  'js/presets.js',
  'js/wasm/helix-simd.mjs',
  'js/wasm/helix-simd.wasm',
  'js/wasm/helix-simd-mt.mjs',
  'js/wasm/helix-simd-mt.wasm',
  'js/wasm/package.json',
  'js/data/jaspar/JASPAR2020_CORE_vertebrates_non-redundant_pfms.jaspar',
  'web/element/helix-playground.js',
  'web/element/helix-playground.d.ts',
  'web/vendor/comlink.mjs',
  'web/vendor/uPlot.esm.js',
  'web/data/gata-example.tsv',
  'web/data/primer-motif.tsv',
  'examples/index.html',
];
const MUST_NOT_HOLD = /^(tests|bench|build|dist|core|wasm|cmake|scripts|test-results|web\/wasm)\/|^CMakeLists\.txt$/;
const PACKED_BUDGET = 8e6; // bytes of the .tgz

let dir; // the temporary folder: pack/ (the tarball), bin/ (node, npm, npx), app/ (the empty project)
let packed; // npm pack --json's entry
let app;
let env; // the environment without a toolchain
const timings = {};

// The environment of a machine with Node and npm only: PATH is a folder of links to node, npm, npx and sh (the
// shell npm runs scripts and bins with, there on any Debian).
function bareEnvironment(bin) {
  const npmCli = realpathSync(execFileSync('sh', ['-c', 'command -v npm'], { encoding: 'utf8' }).trim());
  mkdirSync(bin);
  symlinkSync(process.execPath, path.join(bin, 'node'));
  symlinkSync(npmCli, path.join(bin, 'npm'));
  symlinkSync(path.join(path.dirname(npmCli), 'npx-cli.js'), path.join(bin, 'npx'));
  symlinkSync('/bin/sh', path.join(bin, 'sh'));
  return {
    PATH: bin,
    HOME: process.env.HOME,
    LANG: 'C.UTF-8',
    ...(process.env.npm_config_cache ? { npm_config_cache: process.env.npm_config_cache } : {}),
    npm_config_offline: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
  };
}

function run(command, args, { cwd = app, input } = {}) {
  const t0 = performance.now();
  const r = spawnSync(command, args, { cwd, env, encoding: 'utf8', input, maxBuffer: 1 << 26 });
  r.seconds = (performance.now() - t0) / 1000;
  return r;
}

before(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'helix-package-'));
  mkdirSync(path.join(dir, 'pack'));
  let t0 = performance.now();
  // (npm pack runs package.json's prepack, scripts/check-pack.mjs: it refuses without the built engine.)
  [packed] = JSON.parse(
    execFileSync('npm', ['pack', '--json', '--pack-destination', path.join(dir, 'pack')], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );
  timings.pack = (performance.now() - t0) / 1000;
  env = bareEnvironment(path.join(dir, 'bin'));
  app = path.join(dir, 'app');
  mkdirSync(app);
  writeFileSync(
    path.join(app, 'package.json'),
    JSON.stringify({ name: 'uses-helix', private: true, type: 'module' }, null, 2),
  );
  t0 = performance.now();
  const r = run('npm', ['install', path.join(dir, 'pack', packed.filename)]);
  timings.install = (performance.now() - t0) / 1000;
  assert.equal(r.status, 0, `npm install of the tarball failed:\n${r.stdout}\n${r.stderr}`);
});

after(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  if (packed)
    console.log(
      `# package: ${packed.filename} ${(packed.size / 1e6).toFixed(2)} MB packed, ${(packed.unpackedSize / 1e6).toFixed(2)} MB unpacked, ${packed.entryCount} files; npm pack ${timings.pack?.toFixed(1)} s, npm install ${timings.install?.toFixed(1)} s`,
    );
});

test('npm pack: the engine, the API and its types, the CLI, the element, presets and data; no tests, bench or build', () => {
  assert.equal(packed.name, 'helix-genomics');
  const files = packed.files.map((f) => f.path);
  for (const file of MUST_HOLD) assert.ok(files.includes(file), `the package holds ${file}`);
  assert.deepEqual(
    files.filter((f) => MUST_NOT_HOLD.test(f)),
    [],
  );
  assert.ok(packed.size < PACKED_BUDGET, `${packed.size} bytes packed (budget ${PACKED_BUDGET})`);
});

test('the install folder has no toolchain: the PATH holds node, npm, npx and sh only', () => {
  for (const tool of TOOLCHAIN) {
    const r = run('/bin/sh', ['-c', `command -v ${tool}`]);
    assert.notEqual(r.status, 0, `${tool} is on the PATH: ${r.stdout}`);
  }
  assert.equal(run('node', ['--version']).status, 0);
  const installed = path.join(app, 'node_modules/helix-genomics');
  assert.ok(statSync(path.join(installed, 'js/wasm/helix-simd-mt.wasm')).size > 100_000);
  for (const dependency of Object.keys(JSON.parse(readFileSync(path.join(installed, 'package.json'))).dependencies))
    assert.ok(statSync(path.join(app, 'node_modules', dependency, 'package.json')).isFile(), dependency);
});

test('npx helix train, then npx helix predict, on a shipped example', { timeout: 180_000 }, () => {
  const data = 'node_modules/helix-genomics/web/data';
  const train = run('npx', [
    'helix',
    'train',
    '--preset',
    'cnn-binding',
    '--data',
    `${data}/primer-motif.tsv`,
    '--epochs',
    '2',
    '--seed',
    '1',
    '--threads',
    '2',
    '--out',
    'model.json',
  ]);
  assert.equal(train.status, 0, train.stderr);
  assert.match(train.stderr, /epoch 2\/2 · loss \d\.\d{4}/);
  const model = JSON.parse(readFileSync(path.join(app, 'model.json'), 'utf8'));
  assert.equal(model.family, 'sequence');
  const predict = run('npx', ['helix', 'predict', '--model', 'model.json', '--input', `${data}/gata-predict.fa`]);
  assert.equal(predict.status, 0, predict.stderr);
  const lines = predict.stdout.trim().split('\n');
  assert.match(lines[0], /^id\tprobability/);
  assert.ok(lines.length > 5, predict.stdout);
  for (const line of lines.slice(1)) {
    const p = Number(line.split('\t')[1]);
    assert.ok(p >= 0 && p <= 1, line);
  }
  console.log(`# npx helix train (2 epochs of primer-motif.tsv): ${train.seconds.toFixed(1)} s`);
});

// The names a declaration file exports as values (functions, classes, consts), as TypeScript reads it.
function declaredValues(file) {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
  const exported = (node) => node.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  const names = [];
  for (const node of source.statements) {
    if ((ts.isFunctionDeclaration(node) || ts.isClassDeclaration(node)) && exported(node)) names.push(node.name.text);
    if (ts.isVariableStatement(node) && exported(node))
      for (const d of node.declarationList.declarations) names.push(d.name.text);
  }
  return [...new Set(names)].sort();
}

test("import { loadHelix } from 'helix-genomics' trains and predicts in Node; the exports are the .d.ts's", async () => {
  writeFileSync(
    path.join(app, 'use-api.mjs'),
    `import * as api from 'helix-genomics';
import { loadHelix } from 'helix-genomics';
const helix = await loadHelix({ threads: 2 });
const table = helix.simulate('planted-motif', { count: 300, length: 60, seed: 3 });
const model = helix.create('cnn-binding');
const summary = await model.fit(table, { epochs: 2, seed: 1 });
const rows = model.predict('>a\\nACGTGATAAGGCTACGTACGATAAGGCTAGCTTACGTACGATAAGGCTAGCTTACGTACGAT\\n');
const file = model.save();
model.dispose();
const again = helix.load(file);
console.log(JSON.stringify({
  exports: Object.keys(api).sort(),
  resolved: import.meta.resolve('helix-genomics'),
  element: import.meta.resolve('helix-genomics/element'),
  backend: helix.backend,
  epochsRun: summary.epochsRun,
  error: summary.error ?? null,
  rows,
  reloaded: again.family,
}));
helix.close();
`,
  );
  const r = run('node', ['use-api.mjs']);
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  const installed = path.join(app, 'node_modules/helix-genomics');
  assert.equal(fileURLToPath(out.resolved), path.join(installed, 'js/helix.js'));
  assert.equal(fileURLToPath(out.element), path.join(installed, 'web/element/helix-playground.js'));
  assert.equal(out.backend.build, 'helix-simd-mt');
  assert.equal(out.backend.threads, 2);
  assert.equal(out.epochsRun, 2);
  assert.equal(out.error, null);
  assert.equal(out.rows.length, 1);
  assert.ok(out.rows[0].probability >= 0 && out.rows[0].probability <= 1);
  assert.equal(out.reloaded, 'sequence');
  assert.deepEqual(out.exports, declaredValues(path.join(installed, 'js/helix.d.ts')));
});

test("TypeScript in the install folder finds the package's declarations through its exports", () => {
  const file = path.join(app, 'use-types.ts');
  writeFileSync(
    file,
    `import { loadHelix, HelixInputError, type Helix } from 'helix-genomics';
import type { HelixPlayground } from 'helix-genomics/element';
const helix: Helix = await loadHelix({ threads: 1 });
const model = helix.createModel('cnn-binding');
const rows: number[] = model.predict('>a\\nACGT').map((row) => row.probability ?? 0);
const el: HelixPlayground | null = document.querySelector('helix-playground');
console.log(rows, el?.started, new HelixInputError([{ message: 'x' }]).errors.length);
// @ts-expect-error: the declarations are typed, not any
helix.create(42);
`,
  );
  const program = ts.createProgram([file], {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
    types: [],
  });
  const problems = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  assert.deepEqual(problems, []);
  const resolved = program.getSourceFiles().map((f) => f.fileName);
  assert.ok(resolved.includes(path.join(app, 'node_modules/helix-genomics/js/helix.d.ts')), resolved.join('\n'));
});

test(
  'a page importing <helix-playground> from the installed package trains in Chromium',
  { timeout: 240_000 },
  async () => {
    writeFileSync(
      path.join(app, 'index.html'),
      `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>uses helix-genomics</title>
    <link rel="icon" href="node_modules/helix-genomics/web/favicon.svg" type="image/svg+xml" />
    <script type="module" src="node_modules/helix-genomics/web/element/helix-playground.js"></script>
  </head>
  <body>
    <helix-playground preset="cnn-binding" epochs="1" seed="1" panels="data model curves"></helix-playground>
  </body>
</html>
`,
    );
    // The app folder alone (nothing of the repository mounted), isolated: the threaded engine.
    const server = await startServer({ port: 0, root: app, mount: false });
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const errors = [];
      const requests = [];
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      page.on('pageerror', (e) => errors.push(String(e)));
      page.on('request', (r) => requests.push(new URL(r.url())));
      page.on('response', (r) => r.status() >= 400 && errors.push(`${r.status()} ${r.url()}`));
      await page.goto(server.url);
      const result = await page.evaluate(async () => {
        const el = document.querySelector('helix-playground');
        await el.ready;
        const summary = await el.train();
        const rows = await el.predict('>a\nACGTGATAAGGCTACGTACGATAAGGCTAGCTTACGTACGATAAGGCTAGCTTACGTACGAT\n');
        const status = el.shadowRoot.querySelector('[data-testid=status]').textContent;
        // The element registers no service worker: the host page is someone else's (web/offline.js is the site's).
        const workers = (await navigator.serviceWorker.getRegistrations()).length;
        return {
          epochsRun: summary.epochsRun,
          error: summary.error ?? null,
          records: summary.records,
          rows,
          status,
          workers,
        };
      });
      assert.equal(result.error, null);
      assert.equal(result.workers, 0);
      assert.equal(result.epochsRun, 1);
      assert.ok(result.records > 1000, `the shipped example trained (${result.records} records)`);
      assert.equal(result.rows.length, 1);
      assert.match(result.status, /WebAssembly SIMD · \d+ threads/);
      const origin = new URL(server.url).origin;
      const outside = requests.filter(
        (u) => u.origin !== origin || !(u.pathname === '/' || u.pathname.startsWith('/node_modules/helix-genomics/')),
      );
      assert.deepEqual(
        outside.map((u) => u.href),
        [],
      );
      assert.deepEqual(errors, []);
    } finally {
      await browser.close();
      await server.close();
    }
  },
);
