// tests/wasm/graph.test.mjs: GCN node classification through the JS API and the CLI: gcn-node on Cora,
// save/load, and errors that name the line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { engine, root, dataText } from './helpers.mjs';
import { HelixInputError } from '../../js/helix.js';

const nodes = dataText('cora/nodes.tsv');
const edges = dataText('cora/edges.tsv');
const helixBin = fileURLToPath(new URL('bin/helix.mjs', root));
const cora = (name) => fileURLToPath(new URL(`web/data/cora/${name}`, root));
const run = (...args) => spawnSync(process.execPath, [helixBin, ...args], { encoding: 'utf8' });
const dir = mkdtempSync(join(tmpdir(), 'helix-graph-'));

test('gcn-node on Cora (standard split), seed 1 -> test accuracy >= 0.79; save/load predicts the same', async () => {
  const helix = await engine();
  const model = helix.createGraphModel('gcn-node');
  const info = model.load(nodes, edges);
  assert.deepEqual([info.nodes, info.edges, info.features, info.classes], [2708, 5278, 1433, 7]);
  assert.deepEqual(info.split, { train: 140, val: 500, test: 1000, unlabelled: 0 });
  const progress = [];
  const summary = await model.fit({ seed: 1, onProgress: (p) => progress.push(p) });
  console.log(
    `Cora gcn-node seed 1: test accuracy ${summary.test.accuracy}, best epoch ${summary.bestEpoch} of ` +
      `${summary.epochsRun}, ${summary.seconds.toFixed(2)} s (${helix.backend.label})`,
  );
  assert.ok(summary.test.accuracy >= 0.79, `test accuracy ${summary.test.accuracy}`);
  assert.equal(summary.test.n, 1000);
  assert.equal(progress.length, summary.epochsRun);
  for (const k of ['loss', 'valLoss', 'valAccuracy']) assert.equal(typeof progress[0][k], 'number');
  assert.equal(model.evaluate().accuracy, summary.test.accuracy);

  const copy = helix.loadGraphModel(model.save());
  copy.load(nodes, edges);
  const [a, b] = [model.predict(), copy.predict()];
  assert.equal(a.length, 2708);
  assert.deepEqual(b, a);
  assert.ok(Math.abs(a[0].probabilities.reduce((s, p) => s + p, 0) - 1) < 1e-5);
  model.dispose();
  copy.dispose();
});

test('an edge naming an unknown node throws, naming the line of the edges table', async () => {
  const helix = await engine();
  const model = helix.createGraphModel('gcn-node');
  const bad = `${edges.trimEnd()}\n0\tnot-a-node\n`;
  assert.throws(
    () => model.load(nodes, bad),
    (e) =>
      e instanceof HelixInputError &&
      e.source === 'edges' &&
      e.message === "line 5280, column 3: node 'not-a-node' is not in the nodes table",
  );
  assert.throws(() => helix.createGraphModel('gcn-nope'), /is not one of: gcn-node/);
  assert.throws(() => model.save(), /load a graph before saving/);
  model.dispose();
});

test('helix train --preset gcn-node and helix evaluate --nodes --edges on Cora', () => {
  const out = join(dir, 'gcn.json');
  const t = run(
    'train',
    '--preset',
    'gcn-node',
    '--nodes',
    cora('nodes.tsv'),
    '--edges',
    cora('edges.tsv'),
    '--seed',
    '1',
    '--quiet',
    '--out',
    out,
  );
  assert.equal(t.status, 0, t.stderr);
  assert.match(t.stderr, /test nodes \(1000\): accuracy 0\.(79|8|9)/);
  const savedFile = JSON.parse(readFileSync(out, 'utf8')); // the envelope (js/model-file.js)
  assert.deepEqual([savedFile.format, savedFile.version, savedFile.family], ['helix', 2, 'graph']);
  const e = run('evaluate', '--model', out, '--nodes', cora('nodes.tsv'), '--edges', cora('edges.tsv'));
  assert.equal(e.status, 0, e.stderr);
  const scores = JSON.parse(e.stdout);
  assert.equal(scores.n, 1000);
  assert.ok(scores.accuracy >= 0.79, e.stdout);
});

test('helix train with a bad edges file fails with its name and line', () => {
  const bad = join(dir, 'bad-edges.tsv');
  writeFileSync(bad, 'source\ttarget\n0\t633\n0\t99999\n');
  const out = join(dir, 'never.json');
  const r = run('train', '--preset', 'gcn-node', '--nodes', cora('nodes.tsv'), '--edges', bad, '--out', out);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /bad-edges\.tsv: line 3, column 3: node '99999' is not in the nodes table/);
});
