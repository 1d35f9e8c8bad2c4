// tests/wasm/bench-smoke.test.mjs: the benchmark runs (`node bench/suite.mjs --smoke`: tiny shapes, one step,
// Helix in Node) and gives finite figures for every workload, mode and thread count, and for the kernels.
// It checks that the bench works, not how fast anything is.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { HelixInputError } from '../../js/helix.js';
import { loadBench } from '../../bench/engine.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const positive = (v, what) => assert.ok(Number.isFinite(v) && v > 0, `${what}: ${v}`);

test('bench --smoke: finite throughput and loss for W1-W6, train and infer, 2 and 1 threads; kernel GFLOP/s', () => {
  const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'helix-bench-smoke-')), 'smoke.json');
  const r = spawnSync(process.execPath, [path.join(root, 'bench/suite.mjs'), '--smoke', '--json', out], {
    encoding: 'utf8',
  });
  assert.equal(r.status, 0, r.stderr);
  const { node } = JSON.parse(readFileSync(out, 'utf8'));
  const seen = new Set();
  for (const row of node.results) {
    seen.add(`${row.workload} ${row.mode}`);
    assert.ok(Number.isFinite(row.loss), `${row.workload} ${row.mode} loss ${row.loss}`);
    assert.deepEqual(Object.keys(row.helix).sort(), ['t1', 't2']);
    for (const [key, s] of Object.entries(row.helix)) positive(s.median, `${row.workload} ${row.mode} ${key}`);
  }
  for (const id of ['W1', 'W2', 'W3', 'W4', 'W5', 'W6'])
    for (const mode of ['train', 'infer']) assert.ok(seen.has(`${id} ${mode}`), `${id} ${mode} missing`);
  for (const k of Object.values(node.kernels)) {
    for (const g of k.gemm) positive(g.gflops, `gemm ${g.name}`);
    for (const c of k.conv1d) {
      positive(c.forwardGflops, `conv1d ${c.name} fwd`);
      positive(c.backwardGflops, `conv1d ${c.name} bwd`);
    }
  }
});

test('createBenchWorkload: an unknown id is a HelixInputError naming it; a workload steps and reports its shapes', async () => {
  const helix = await loadBench({ threads: 2 });
  assert.throws(
    () => helix.createBenchWorkload('W9'),
    (e) => e instanceof HelixInputError && /W9/.test(e.errors[0].message),
  );
  const w = helix.createBenchWorkload('W5', { smoke: true });
  try {
    assert.equal(w.info.id, 'W5');
    const first = w.trainSteps(1).loss,
      later = w.trainSteps(30).loss;
    assert.ok(later < first, `the autoencoder's loss on its fixed batch falls: ${first} -> ${later}`);
    assert.ok(w.inferSteps(2).seconds >= 0);
  } finally {
    w.dispose();
    helix.close(); // the threaded build's workers would keep this test file's process alive
  }
});
