// tests/wasm/cli-train.test.mjs: one `helix train` for every family. The preset or the spec's shape picks the
// family (bin/families/); each reads its own data, trains a few epochs (or steps) and writes its kind of model
// file; an option of another family's training is a usage error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { root } from './helpers.mjs';
import { PRESETS, GRAPH_PRESETS, GAN_PRESETS, AUTOENCODER_PRESETS } from '../../js/presets.js';

const helix = fileURLToPath(new URL('bin/helix.mjs', root));
const data = (name) => fileURLToPath(new URL(`web/data/${name}`, root));
const run = (...args) => spawnSync(process.execPath, [helix, ...args, '--threads', '1'], { encoding: 'utf8' });
const dir = mkdtempSync(join(tmpdir(), 'helix-cli-train-'));
const saved = (path) => JSON.parse(readFileSync(path, 'utf8'));
// The family of a saved file: the envelope's "family", or what a file of the older tags is.
const OLD_TAGS = {
  'helix-model': 'sequence',
  'helix-graph-model': 'graph',
  'helix-autoencoder': 'autoencoder',
  'helix-gan': 'gan',
};
const familyOf = (path) => saved(path).family ?? OLD_TAGS[saved(path).format];
const specFile = (name, spec) => {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(spec));
  return path;
};

// 60 cells × 12 genes: two cell types with different expression programmes, seeded.
function matrix() {
  let s = 5;
  const rand = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  const genes = Array.from({ length: 12 }, (_, g) => `g${g}`);
  const rows = Array.from({ length: 60 }, (_, c) =>
    [`c${c}`, ...genes.map((_, g) => (g < 6 === (c % 2 === 0) ? 2 + rand() : rand() * 0.3).toFixed(3))].join('\t'),
  );
  return `id\t${genes.join('\t')}\n${rows.join('\n')}\n`;
}

test('helix train: a sequence model from --preset or a --spec of its shape, on --data', () => {
  const out = join(dir, 'seq.json');
  const r = run(
    'train',
    '--preset',
    'cnn-binding',
    '--data',
    data('primer-motif.tsv'),
    '--epochs',
    '2',
    '--seed',
    '1',
    '--out',
    out,
  );
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /epoch 2\/2 · loss \d\.\d{4}/);
  assert.match(r.stderr, /held-out test \(200 sequences\): accuracy \d\.\d{4}/);
  assert.match(r.stderr, /model written to /);
  assert.equal(familyOf(out), 'sequence');
  const spec = specFile('seq-spec.json', PRESETS['mlp-onehot']);
  const s = run('train', '--spec', spec, '--data', data('primer-motif.tsv'), '--epochs', '1', '--quiet', '--out', out);
  assert.equal(s.status, 0, s.stderr);
  assert.equal(saved(out).spec.name, 'mlp-onehot');
});

test('helix train: a graph model on --nodes and --edges (preset, or a spec with a task)', () => {
  const sim = join(dir, 'graphs');
  assert.equal(run('simulate', '--kind', 'graph-motifs', '--count', '40', '--seed', '2', '--out', sim).status, 0);
  const out = join(dir, 'gcn.json');
  const r = run(
    'train',
    '--preset',
    'gcn-graph',
    '--nodes',
    join(sim, 'nodes.tsv'),
    '--edges',
    join(sim, 'edges.tsv'),
    '--epochs',
    '3',
    '--seed',
    '1',
    '--out',
    out,
  );
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /^40 graphs: \d+ nodes, \d+ edges/m);
  assert.match(r.stderr, /epoch 3\/3 · loss \d\.\d{4} · validation accuracy/);
  assert.match(r.stderr, /test graphs \(\d+\): accuracy \d\.\d{4}, AUROC/);
  assert.equal(familyOf(out), 'graph');
  const spec = specFile('gcn-spec.json', GRAPH_PRESETS['gcn-node']);
  const s = run(
    'train',
    '--spec',
    spec,
    '--nodes',
    data('cora/nodes.tsv'),
    '--edges',
    data('cora/edges.tsv'),
    '--epochs',
    '2',
    '--quiet',
    '--out',
    out,
  );
  assert.equal(s.status, 0, s.stderr);
  assert.match(s.stderr, /test nodes \(1000\): accuracy/);
  assert.equal(saved(out).spec.task, 'node_classification');
});

test('helix train: an autoencoder on --matrix (preset, or a spec of type autoencoder)', () => {
  const m = join(dir, 'cells.tsv');
  writeFileSync(m, matrix());
  const out = join(dir, 'ae.json');
  const r = run(
    'train',
    '--preset',
    'autoencoder',
    '--matrix',
    m,
    '--epochs',
    '2',
    '--batch-size',
    '8',
    '--seed',
    '1',
    '--out',
    out,
  );
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /^matrix: 60 cells × 12 genes; train \d+, validation \d+, test \d+/m);
  assert.match(r.stderr, /epoch 2\/2 · loss/);
  assert.match(r.stderr, /imputation MSE [\d.]+ vs per-gene mean [\d.]+/);
  assert.equal(familyOf(out), 'autoencoder');
  const spec = specFile('ae-spec.json', AUTOENCODER_PRESETS['dae-impute']);
  const s = run('train', '--spec', spec, '--matrix', m, '--epochs', '1', '--quiet', '--out', out);
  assert.equal(s.status, 0, s.stderr);
  assert.equal(saved(out).spec.name, 'dae-impute');
});

test('helix train: a GAN on --data, counted in --steps (preset, or a spec of type gan)', () => {
  const out = join(dir, 'gan.json');
  const r = run(
    'train',
    '--preset',
    'gan-dna',
    '--data',
    data('gan-motif.fa'),
    '--steps',
    '4',
    '--seed',
    '1',
    '--out',
    out,
  );
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /step 4\/4 · epoch 1 · D loss \d+\.\d{4} · G loss \d+\.\d{4}/);
  assert.match(r.stderr, /^4 steps on \d+ sequences/m);
  assert.equal(familyOf(out), 'gan');
  const spec = specFile('gan-spec.json', { ...GAN_PRESETS['gan-dna'], name: 'my-gan' });
  const s = run('train', '--spec', spec, '--data', data('gan-motif.fa'), '--steps', '2', '--quiet', '--out', out);
  assert.equal(s.status, 0, s.stderr);
  assert.equal(saved(out).spec.name, 'my-gan');
});

test("helix train refuses another family's options and names the missing data, writing nothing", () => {
  const out = join(dir, 'never.json');
  const steps = run(
    'train',
    '--preset',
    'gcn-node',
    '--nodes',
    'n.tsv',
    '--edges',
    'e.tsv',
    '--steps',
    '3',
    '--out',
    out,
  );
  assert.equal(steps.status, 2);
  assert.match(steps.stderr, /--steps is not an option of graph models' training \(it is for GANs\)/);
  const label = run('train', '--preset', 'gan-dna', '--data', data('gan-motif.fa'), '--label', 'y', '--out', out);
  assert.equal(label.status, 2);
  assert.match(label.stderr, /--label is not an option of GANs' training/);
  const matrix = run('train', '--preset', 'dae-impute', '--out', out);
  assert.equal(matrix.status, 2);
  assert.match(matrix.stderr, /--matrix is required/);
  const edges = run('train', '--nodes', data('cora/nodes.tsv'), '--preset', 'gcn-node', '--out', out);
  assert.equal(edges.status, 2);
  assert.match(edges.stderr, /--edges is required/);
  assert.equal(existsSync(out), false);
});

test('helix COMMAND --help shows the command; helix --help lists every command', () => {
  const all = run('--help');
  assert.equal(all.status, 0);
  for (const name of [
    'train',
    'predict',
    'evaluate',
    'explain',
    'variants',
    'motifs',
    'encode',
    'sample',
    'simulate',
    'dataset',
    'export',
    'import',
    'presets',
  ])
    assert.match(all.stdout, new RegExp(`^ {2}${name} +\\S`, 'm'));
  const train = run('train', '--help');
  assert.equal(train.status, 0);
  for (const option of ['--data', '--nodes', '--matrix', '--steps']) assert.ok(train.stdout.includes(option), option);
  assert.match(run('predict', '--help').stdout, /--nodes nodes\.tsv --edges edges\.tsv/);
});
