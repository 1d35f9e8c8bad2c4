#!/usr/bin/env node
// bench/suite.mjs (`npm run bench`): the benchmark suite W1–W6 (bench/workloads/bench_workload.hpp,
// bench/tfjs-workloads.js, bench/torch_bench.py), training and inference, Helix beside TensorFlow.js 4.22 in
// the same process or page, alternating (bench/harness.mjs), in
//   1. Node: Helix's threaded build at 2 and 1 threads, TF.js on `wasm` else `cpu`; Helix's GEMM and conv1d
//      GFLOP/s at 1 and 2 threads;
//   2. headless Chromium (Debian's /usr/bin/chromium, playwright-core) on a cross-origin isolated page
//      (threaded build) and 3. on a page without isolation (single-thread build);
//   4. PyTorch on one thread (bench/torch_bench.py, /usr/bin/python3), 5. the SIMD128 GEMM ceiling
//      (bench/gemm-ceiling/run.sh) and 6. heap allocations per step and peak heap per workload from the
//      native build (build/native/helix_bench, when it has been built),
// then writes the ratios and the floors, met or not, to bench/RESULTS.md (its own section) and the raw
// figures to bench/results/suite.json.
//   node bench/suite.mjs [--workloads W1,W3] [--no-browser] [--no-torch] [--no-ceiling] [--no-native]
//                        [--torch-blas DIR]   PyTorch with the BLAS in DIR (LD_LIBRARY_PATH), e.g. OpenBLAS unpacked
//                                             from Debian's libopenblas0-pthread (scripts/openblas-for-bench.sh):
//                                             Debian's torch links the reference BLAS by default
//   node bench/suite.mjs --smoke [--json FILE]   tiny shapes, 1 step, Helix in Node only; writes only FILE
//   node bench/suite.mjs --report-only            the section again from bench/results/suite.json
//   node bench/suite.mjs --kernels-only           the kernels vs the ceiling again (in turns), into suite.json
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';

import { loadBench } from './engine.mjs';
import { runKernels, runWorkloads } from './harness.mjs';
import { resultsSection } from './report.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ALL = ['W1', 'W2', 'W3', 'W4', 'W5', 'W6'];

const { values: args } = parseArgs({
  options: {
    smoke: { type: 'boolean' },
    json: { type: 'string' },
    workloads: { type: 'string' },
    'no-browser': { type: 'boolean' },
    'no-torch': { type: 'boolean' },
    'no-ceiling': { type: 'boolean' },
    'no-native': { type: 'boolean' },
    'shared-machine': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
    steps: { type: 'string' },
    repeats: { type: 'string' },
    'tf-cpu-w2': { type: 'boolean' },
    'report-only': { type: 'boolean' },
    'kernels-only': { type: 'boolean' },
    'torch-blas': { type: 'string' },
  },
});
if (args.help) {
  console.log(
    'usage: node bench/suite.mjs [--workloads W1,..] [--no-browser] [--no-torch] [--no-ceiling] [--no-native] ' +
      '[--shared-machine] [--steps N] [--repeats N] [--tf-cpu-w2] [--torch-blas DIR] | --smoke [--json FILE] | --report-only | --kernels-only',
  );
  process.exit(0);
}
const workloads = args.workloads ? args.workloads.split(',') : ALL;
// --steps / --repeats shorten the protocol for trying the suite out (the figures are then not the protocol's).
const protocol = {
  ...(args.steps ? { steps: Number(args.steps) } : {}),
  ...(args.repeats ? { repeats: Number(args.repeats) } : {}),
};
const log = (line) => process.stderr.write(line + '\n');
const skipTf = args['tf-cpu-w2']
  ? []
  : [
      {
        workload: 'W2',
        mode: 'train',
        backend: 'cpu',
        reason: 'not timed: TF.js cpu needs minutes per W2 training step (run with --tf-cpu-w2 to time it)',
      },
    ];

// TF.js's cpu backend needs minutes for one W2 training step ("too slow to time" in BENCHMARKS.md): it is left
// out unless --tf-cpu-w2 is given, and the table says so.
async function nodeRun({ smoke }) {
  const helix = await loadBench();
  log(`== Node ${process.version}: helix ${helix.backend.label}`);
  let tf = null,
    bench = null;
  if (!smoke) {
    const require = createRequire(import.meta.url);
    tf = require('@tensorflow/tfjs');
    require('@tensorflow/tfjs-backend-wasm');
    // tfjs-workloads.js is a classic script (the page loads it with a script tag); under this package's
    // "type": "module" Node would read a .js file as ESM, so it is run here as the CommonJS file it also is.
    const m = { exports: {} };
    new Function('module', 'exports', 'require', readFileSync(new URL('./tfjs-workloads.js', import.meta.url), 'utf8'))(
      m,
      m.exports,
      require,
    );
    bench = m.exports;
  }
  const threads = [...new Set([helix.backend.threads, 1])];
  const cfg = smoke ? { warmup: 1, steps: 1, repeats: 1 } : protocol;
  const results = await runWorkloads({ helix, tf, bench, workloads, threads, smoke, cfg, log, skipTf });
  const kernels = runKernels(helix, { threads, smoke });
  const kernelRounds = smoke || args['no-ceiling'] ? undefined : kernelRoundsRun(helix);
  helix.close();
  return {
    env: {
      node: process.version,
      helix: helix.backend,
      tfjs: tf?.version.tfjs,
      cpus: os.cpus().length,
      cpu: os.cpus()[0]?.model,
    },
    results,
    kernels,
    kernelRounds,
  };
}

// The kernels against the ceiling, in turns: ceiling, Helix's kernels on 1 thread, ceiling, ... so that a change
// of the machine's speed (other guests, clocks) hits both alike; the report takes each kernel's median ratio.
function kernelRoundsRun(helix, rounds = 5) {
  const loaded = helix.backend.threads,
    out = [];
  for (let r = 0; r < rounds; r++) {
    const ceiling = ceilingRun(dir);
    helix.setThreads(1);
    out.push({ ceiling, t1: helix.benchKernels() });
    helix.setThreads(loaded);
    log(`kernels round ${r + 1}: ceiling ${ceiling.best ?? ceiling.error} GFLOP/s`);
  }
  return out;
}

async function browserRun({ isolation }) {
  const { chromium } = await import('playwright-core');
  const { startServer } = await import('../scripts/serve.mjs');
  // Without the product's Content-Security-Policy: TF.js's bundle evaluates strings ('unsafe-eval'), which the
  // policy forbids. Helix's own pages are tested under it (tests/web/csp.test.mjs).
  const server = await startServer({ port: 0, isolation, csp: false, root: ROOT });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
  try {
    const page = await browser.newPage();
    page.on('console', (m) => log(`  [page] ${m.text()}`));
    page.on('pageerror', (e) => log(`  [page error] ${e}`));
    await page.goto(`${server.url.replace(/\/$/, '')}/bench/page.html`);
    await page.waitForFunction(() => window.benchReady === true, null, { timeout: 60_000 });
    page.setDefaultTimeout(0);
    return await page.evaluate((opts) => window.runBench(opts), { workloads, cfg: protocol, skipTf });
  } finally {
    await browser.close();
    await server.close();
  }
}

function torchRun(dir) {
  const out = path.join(dir, 'torch.json');
  const r = spawnSync(
    '/usr/bin/python3',
    [
      path.join(ROOT, 'bench/torch_bench.py'),
      '--threads',
      '1',
      '--budget',
      '20',
      '--workloads',
      workloads.join(','),
      '--out',
      out,
    ],
    {
      env: {
        ...process.env,
        OPENBLAS_NUM_THREADS: '1',
        OMP_NUM_THREADS: '1',
        ...(args['torch-blas']
          ? { LD_LIBRARY_PATH: [args['torch-blas'], process.env.LD_LIBRARY_PATH].filter(Boolean).join(':') }
          : {}),
      },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  if (r.status !== 0) return { error: (r.stderr || r.stdout || '').trim().split('\n').slice(-3).join(' ') };
  return JSON.parse(readFileSync(out, 'utf8'));
}

function ceilingRun(dir) {
  const r = spawnSync('bash', [path.join(ROOT, 'bench/gemm-ceiling/run.sh'), path.join(dir, 'ceiling')], {
    encoding: 'utf8',
  });
  if (r.status !== 0) return { error: (r.stderr || '').trim().split('\n').slice(-3).join(' ') };
  const lines = r.stdout
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l));
  return { lines, best: Math.max(...lines.filter((l) => l.MR > 0).map((l) => l.gflops_median)) };
}

function nativeRun() {
  const exe = path.join(ROOT, 'build/native/helix_bench');
  if (!existsSync(exe)) return { error: 'build/native/helix_bench is not built (cmake --build build/native)' };
  const r = spawnSync(exe, ['--threads', '1', '--steps', '2', '--workloads', workloads.join(',')], {
    encoding: 'utf8',
  });
  if (r.status !== 0) return { error: r.stderr.trim() };
  return {
    lines: r.stdout
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l)),
  };
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'helix-bench-'));

// --kernels-only: the kernel rounds again (and the kernels at every thread count), into the last run's
// bench/results/suite.json, then the section is rewritten; the rest of the run's figures are kept.
if (args['kernels-only']) {
  const file = path.join(ROOT, 'bench/results/suite.json');
  const last = JSON.parse(readFileSync(file, 'utf8'));
  const helix = await loadBench();
  const threads = [...new Set([helix.backend.threads, 1])];
  last.node.kernels = runKernels(helix, { threads });
  last.node.kernelRounds = kernelRoundsRun(helix);
  last.node.kernelsDate = new Date().toISOString();
  helix.close();
  last.ceiling = last.node.kernelRounds[0].ceiling;
  writeFileSync(file, JSON.stringify(last, null, 1));
  writeSection(last);
  log('wrote bench/RESULTS.md and bench/results/suite.json (kernels)');
  process.exit(0);
}

// --report-only: rewrite bench/RESULTS.md's section from the last run's bench/results/suite.json.
if (args['report-only']) {
  writeSection(JSON.parse(readFileSync(path.join(ROOT, 'bench/results/suite.json'), 'utf8')));
  process.exit(0);
}

if (args.smoke) {
  const node = await nodeRun({ smoke: true });
  const text = JSON.stringify({ smoke: true, node }, null, 1);
  if (args.json) writeFileSync(args.json, text);
  else console.log(text);
  process.exit(0);
}

const all = { date: new Date().toISOString(), sharedMachine: Boolean(args['shared-machine']), workloads };
all.node = await nodeRun({ smoke: false });
if (!args['no-ceiling']) {
  all.ceiling = all.node.kernelRounds?.[0]?.ceiling ?? ceilingRun(dir);
  log(`== SIMD128 ceiling: ${JSON.stringify(all.ceiling)}`);
}
if (!args['no-browser']) {
  for (const isolation of [true, false]) {
    const key = isolation ? 'chromiumIsolated' : 'chromiumPlain';
    log(`== Chromium, ${isolation ? 'cross-origin isolated (threaded build)' : 'not isolated (single-thread build)'}`);
    try {
      all[key] = await browserRun({ isolation });
    } catch (e) {
      all[key] = { error: String(e.message || e) };
      log(all[key].error);
    }
  }
}
if (!args['no-torch']) {
  log('== PyTorch, 1 thread');
  all.torch = torchRun(dir);
}
if (!args['no-native']) {
  log('== native: allocations and peak heap');
  all.native = nativeRun();
}

mkdirSync(path.join(ROOT, 'bench/results'), { recursive: true });
writeFileSync(path.join(ROOT, 'bench/results/suite.json'), JSON.stringify(all, null, 1));
writeSection(all);
log(`wrote bench/RESULTS.md and bench/results/suite.json`);

function writeSection(results) {
  const resultsFile = path.join(ROOT, 'bench/RESULTS.md');
  const BEGIN = '<!-- bench/suite.mjs: begin -->',
    END = '<!-- bench/suite.mjs: end -->';
  let md = existsSync(resultsFile) ? readFileSync(resultsFile, 'utf8') : '';
  const block = `${BEGIN}\n${resultsSection(results)}\n${END}`;
  md = md.includes(BEGIN)
    ? md.slice(0, md.indexOf(BEGIN)) + block + md.slice(md.indexOf(END) + END.length)
    : `${md.trimEnd()}\n\n${block}\n`;
  writeFileSync(resultsFile, md);
}
