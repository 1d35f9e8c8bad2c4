// tests/wasm/graph-classification.test.mjs: graph classification (gcn-graph) through the JS API and the CLI: it
// learns freshly simulated motif graphs, round-trips its model file, predicts per graph, trains on the shipped
// data from the command line, and names the line of a bad table.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { engine, root } from './helpers.mjs';
import { HelixInputError } from '../../js/helix.js';

const helixBin = fileURLToPath(new URL('bin/helix.mjs', root));
const shipped = (name) => fileURLToPath(new URL(`web/data/graph-motifs/${name}`, root));
const run = (...args) => spawnSync(process.execPath, [helixBin, ...args], { encoding: 'utf8' });
const dir = mkdtempSync(join(tmpdir(), 'helix-graphcls-'));

test('gcn-graph on fresh motif graphs (seed 7, not the shipped seed 1) -> test accuracy >= 0.90; save/load agrees', async () => {
  const helix = await engine();
  const { nodes, edges } = helix.simulateGraphs('graph-motifs', { count: 600, seed: 7 });
  const model = helix.createGraphModel('gcn-graph');
  const info = model.load(nodes, edges);
  assert.equal(info.graphs, 600);
  assert.equal(info.features, 11); // constant 1 + one-hot degree
  assert.deepEqual(info.split, { train: 360, val: 120, test: 120, unlabelled: 0 });
  const progress = [];
  const summary = await model.fit({ seed: 1, onProgress: (p) => progress.push(p) });
  console.log(
    `graph motifs gcn-graph seed 1: test accuracy ${summary.test.accuracy}, AUROC ${summary.test.auroc}, ` +
      `best epoch ${summary.bestEpoch} of ${summary.epochsRun}, ${summary.seconds.toFixed(2)} s (${helix.backend.label})`,
  );
  assert.ok(summary.test.accuracy >= 0.9, `test accuracy ${summary.test.accuracy}`);
  assert.equal(summary.test.n, 120);
  assert.equal(progress.length, summary.epochsRun);
  assert.equal(typeof progress[0].valAccuracy, 'number');
  assert.deepEqual(model.evaluate().accuracy, summary.test.accuracy);

  const saved = model.save();
  const copy = helix.loadGraphModel(saved);
  assert.equal(copy.save(), helix.loadGraphModel(saved).save());
  copy.load(nodes, edges);
  const [a, b] = [model.predict(), copy.predict()];
  assert.equal(a.length, 600);
  assert.deepEqual(b, a);
  assert.equal(a[0].id, 'G0001');
  assert.equal(a[0].probabilities.length, 2);
  model.dispose();
  copy.dispose();
});

test('simulateGraphs: same seed, same tables; bad options throw naming the field', async () => {
  const helix = await engine();
  assert.deepEqual(
    helix.simulateGraphs('graph-motifs', { count: 10, seed: 3 }),
    helix.simulateGraphs('graph-motifs', { count: 10, seed: 3 }),
  );
  assert.throws(() => helix.simulateGraphs('graph-motifs', { count: 1 }), /count: must be an integer from 2/);
  assert.throws(() => helix.simulateGraphs('graph-blobs'), /kind: 'graph-blobs' is not one of: graph-motifs/);
});

test('an edge between two graphs and a disagreeing label throw, naming the line', async () => {
  const helix = await engine();
  const model = helix.createGraphModel('gcn-graph');
  const nodes = 'node\tgraph\tlabel\na1\tA\t0\na2\tA\t0\nb1\tB\t1\nb2\tB\t1\n';
  assert.throws(
    () => model.load(nodes, 'source\ttarget\na1\ta2\na2\tb1\n'),
    (e) =>
      e instanceof HelixInputError &&
      e.source === 'edges' &&
      /^line 3, column 4: this edge joins node 'a2' of graph 'A' and node 'b1'/.test(e.message),
  );
  assert.throws(
    () => model.load(`${nodes}b3\tB\t0\n`, 'source\ttarget\n'),
    (e) =>
      e.source === 'nodes' && /^line 6, column 6: label 0 differs from label 1 of graph 'B' \(line 4\)/.test(e.message),
  );
  assert.throws(() => model.load('node\tlabel\tx\na\t0\t1\n', 'source\ttarget\n'), /needs a 'graph' column/);
  model.dispose();
});

test('helix: simulate, train --preset gcn-graph on the shipped data, evaluate and predict per graph', () => {
  const out = join(dir, 'sim');
  const s = run('simulate', '--kind', 'graph-motifs', '--count', '600', '--seed', '1', '--out', out);
  assert.equal(s.status, 0, s.stderr);
  // The shipped data is exactly what its README line's command makes.
  assert.equal(readFileSync(join(out, 'nodes.tsv'), 'utf8'), readFileSync(shipped('nodes.tsv'), 'utf8'));
  assert.equal(readFileSync(join(out, 'edges.tsv'), 'utf8'), readFileSync(shipped('edges.tsv'), 'utf8'));
  assert.match(run('presets').stdout, /^gcn-graph\t/m);

  const model = join(dir, 'gcn-graph.json');
  const t = run(
    'train',
    '--preset',
    'gcn-graph',
    '--nodes',
    shipped('nodes.tsv'),
    '--edges',
    shipped('edges.tsv'),
    '--quiet',
    '--out',
    model,
  );
  assert.equal(t.status, 0, t.stderr);
  assert.match(t.stderr, /test graphs \(120\): accuracy 0\.9/);
  const e = run('evaluate', '--model', model, '--nodes', shipped('nodes.tsv'), '--edges', shipped('edges.tsv'));
  assert.equal(e.status, 0, e.stderr);
  const scores = JSON.parse(e.stdout);
  assert.equal(scores.n, 120);
  assert.ok(scores.accuracy >= 0.9, e.stdout);
  const p = run('predict', '--model', model, '--nodes', shipped('nodes.tsv'), '--edges', shipped('edges.tsv'));
  assert.equal(p.status, 0, p.stderr);
  const lines = p.stdout.trimEnd().split('\n');
  assert.equal(lines[0], 'graph\tclass\tp_0\tp_1');
  assert.equal(lines.length, 601);
  assert.match(lines[1], /^G0001\t[01]\t0\.\d{6}\t0\.\d{6}$/);
});

test('helix simulate --kind graph-motifs without somewhere to write is a usage error', () => {
  const r = run('simulate', '--kind', 'graph-motifs', '--count', '4');
  assert.equal(r.status, 2);
  assert.match(r.stderr, /give --out-nodes and --out-edges, or --out DIR/);
});
