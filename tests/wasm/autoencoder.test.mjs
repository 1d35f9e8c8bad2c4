// tests/wasm/autoencoder.test.mjs: autoencoders on pbmc3k (2638 cells × 2000 genes, real single-cell data)
// through the JS API and the CLI: dae-impute beats per-gene mean imputation on hidden test entries, the
// 2-D latent map of `autoencoder` keeps cell types apart, files round-trip, and errors name line and column.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { engine, root } from './helpers.mjs';
import { HelixInputError } from '../../js/helix.js';
import { gunzipText, isGzip } from '../../js/gzip.js';

const pbmc = (name) => fileURLToPath(new URL(`web/data/pbmc3k/${name}`, root));
const gz = readFileSync(pbmc('expression.tsv.gz'));
const matrix = await gunzipText(gz);
const cells = readFileSync(pbmc('cells.tsv'), 'utf8');
const helixBin = fileURLToPath(new URL('bin/helix.mjs', root));
const run = (...args) => spawnSync(process.execPath, [helixBin, ...args], { encoding: 'utf8' });
const dir = mkdtempSync(join(tmpdir(), 'helix-ae-'));

test('gunzipText reads the shipped pbmc3k matrix: 2638 cells × 2000 genes', () => {
  assert.ok(isGzip(gz));
  const lines = matrix.trimEnd().split('\n');
  assert.equal(lines.length, 2639);
  assert.equal(lines[0].split('\t').length, 2001);
});

// Imputation: the test cells' (10% of 2638, seeded) non-zero entries are hidden with probability 0.1 (seeded);
// the model predicts them from the rest of the cell; the baseline imputes each gene's mean non-zero value over
// the training cells. Floor: the model's MSE at least 30% below the baseline's.
test('dae-impute on pbmc3k, seed 1: masked test MSE >= 30% below per-gene mean imputation; file round-trips', async () => {
  const helix = await engine();
  const model = helix.createAutoencoder('dae-impute');
  const info = model.load(matrix, { labels: cells, labelColumn: 'classified' });
  assert.deepEqual([info.cells, info.genes, info.labelled, info.classes], [2638, 2000, 2638, 9]);
  assert.deepEqual(info.split, { train: 2110, validation: 264, test: 264 });
  const epochs = [];
  const summary = await model.fit({ onProgress: (p) => p.type === 'epoch' && epochs.push(p) });
  const t = summary.test;
  console.log(
    `pbmc3k dae-impute: masked test MSE ${t.maskedMse.toFixed(4)} vs per-gene mean ${t.meanImputationMse.toFixed(4)} ` +
      `(${(100 * t.improvement).toFixed(1)}% lower, ${t.hidden} hidden entries of ${t.cells} test cells); best epoch ` +
      `${summary.bestEpoch} of ${summary.epochsRun}; ${summary.seconds.toFixed(1)} s (${helix.backend.label})`,
  );
  assert.ok(t.improvement >= 0.3, `improvement ${t.improvement}`);
  assert.equal(epochs.length, summary.epochsRun);
  assert.equal(typeof epochs[0].valLoss, 'number');

  const evaluation = model.evaluateImputation();
  assert.equal(evaluation.maskedMse, t.maskedMse);
  assert.equal(evaluation.entries, 'nonzero');
  const file = model.save();
  const copy = helix.loadAutoencoder(file);
  assert.equal(copy.load(matrix).sameCells, true);
  assert.deepEqual(copy.evaluateImputation().maskedMse, evaluation.maskedMse);
  assert.deepEqual(copy.encode().codes, model.encode().codes);
  assert.equal(copy.save(), file);
  const imputed = copy.impute();
  assert.equal(imputed.values.length, 2638 * 2000);
  assert.equal(imputed.columns[1], 'LYZ');
  model.dispose();
  copy.dispose();
});

// Separation: each test cell's type is voted by its 15 nearest training cells in the 2-D latent map; the
// floor is twice the majority-class rate (always guessing the commonest type) and at least 0.6.
test('autoencoder (2-D latent) on pbmc3k, seed 1: latent kNN cell-type accuracy on test cells far above majority', async () => {
  const helix = await engine();
  const model = helix.createAutoencoder('autoencoder');
  model.load(matrix, { labels: cells, labelColumn: 'classified' });
  const summary = await model.fit();
  const knn = summary.latentKnn;
  console.log(
    `pbmc3k autoencoder 2-D: latent kNN accuracy ${knn.accuracy.toFixed(3)} vs majority ${knn.majorityRate.toFixed(3)} ` +
      `(${knn.n} test cells, k ${knn.k}); test reconstruction MSE ${summary.test.reconstructionMse.toFixed(4)}; best epoch ` +
      `${summary.bestEpoch} of ${summary.epochsRun}; ${summary.seconds.toFixed(1)} s`,
  );
  assert.ok(knn.accuracy >= Math.max(0.6, 2 * knn.majorityRate), JSON.stringify(knn));
  const { ids, codes, labels, split } = model.encode();
  assert.equal(ids.length, 2638);
  assert.equal(codes[0].length, 2);
  assert.equal(labels[0], 'Memory CD4 T');
  assert.equal(split.filter((s) => s === 'test').length, 264);
  model.dispose();
});

test('matrix and labels errors throw HelixInputError naming the text, line and column', async () => {
  const helix = await engine();
  const model = helix.createAutoencoder('autoencoder');
  assert.throws(
    () => model.load('cell\tA\tB\nc1\t1\t2\nc2\t3\n'),
    (e) =>
      e instanceof HelixInputError &&
      e.source === 'matrix' &&
      e.message === 'line 3, column 5: this row has 2 fields but the header has 3 (an id and 2 values)',
  );
  assert.throws(
    () => model.load('cell,A\nc1,1\n', { labels: 'cell\tlabel\nc7\tT\n' }),
    (e) => e.source === 'labels' && e.message === "line 2, column 1: id 'c7' is not a row of the matrix",
  );
  assert.throws(
    () => helix.createAutoencoder({ type: 'autoencoder', latent: { units: 2 }, encoder: [{ type: 'conv1d' }] }),
    /encoder\[0\]\.type: 'conv1d' is not one of/,
  );
  assert.throws(() => helix.createAutoencoder('vae'), /is not one of: autoencoder, dae-impute/);
  assert.throws(() => model.save(), /load a matrix before saving/);
  model.dispose();
});

test('helix train / evaluate / encode on a gzipped matrix; a bad labels file fails with its name and line', () => {
  // 400 cells of pbmc3k, all genes, gzipped: the CLI decompresses it.
  const small = join(dir, 'small.tsv.gz');
  writeFileSync(small, gzipSync(matrix.split('\n').slice(0, 401).join('\n')));
  const out = join(dir, 'dae.json');
  const t = run(
    'train',
    '--preset',
    'dae-impute',
    '--matrix',
    small,
    '--labels-file',
    pbmc('cells.tsv'),
    '--label-column',
    'classified',
    '--epochs',
    '2',
    '--quiet',
    '--out',
    out,
  );
  assert.equal(t.status, 1, t.stderr); // cells.tsv names cells the 400-cell matrix lacks
  assert.match(t.stderr, /cells\.tsv: line 402, column 1: id '\w+' is not a row of the matrix/);
  const labels = join(dir, 'cells.tsv');
  writeFileSync(labels, cells.split('\n').slice(0, 401).join('\n'));
  const ok = run(
    'train',
    '--preset',
    'dae-impute',
    '--matrix',
    small,
    '--labels-file',
    labels,
    '--label-column',
    'classified',
    '--epochs',
    '2',
    '--quiet',
    '--out',
    out,
  );
  assert.equal(ok.status, 0, ok.stderr);
  assert.match(ok.stderr, /imputation MSE [\d.]+ vs per-gene mean [\d.]+/);
  const savedFile = JSON.parse(readFileSync(out, 'utf8')); // the envelope (js/model-file.js)
  assert.deepEqual([savedFile.format, savedFile.version, savedFile.family], ['helix', 2, 'autoencoder']);
  const e = run('evaluate', '--model', out, '--matrix', small, '--labels-file', labels, '--label-column', 'classified');
  assert.equal(e.status, 0, e.stderr);
  const scores = JSON.parse(e.stdout);
  assert.equal(scores.cells, 40);
  for (const k of ['maskedMse', 'meanImputationMse', 'improvement']) assert.equal(typeof scores[k], 'number');
  assert.equal(typeof scores.latentKnn.accuracy, 'number');
  const latent = join(dir, 'latent.tsv');
  const c = run(
    'encode',
    '--model',
    out,
    '--matrix',
    small,
    '--labels-file',
    labels,
    '--label-column',
    'classified',
    '--out',
    latent,
  );
  assert.equal(c.status, 0, c.stderr);
  const rows = readFileSync(latent, 'utf8').trimEnd().split('\n');
  assert.equal(rows.length, 401);
  assert.equal(rows[0], `id\tsplit\t${Array.from({ length: 64 }, (_, k) => `z${k + 1}`).join('\t')}\tclassified`);
  const p = run('presets');
  assert.match(p.stdout, /^dae-impute\t/m);
  assert.match(p.stdout, /^autoencoder\t/m);
});
