// tests/wasm/cli.test.mjs: the `helix` command end to end: train, predict, evaluate, and its errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { root } from './helpers.mjs';

const helix = fileURLToPath(new URL('bin/helix.mjs', root));
const data = (name) => fileURLToPath(new URL(`web/data/${name}`, root));
const run = (...args) => spawnSync(process.execPath, [helix, ...args], { encoding: 'utf8' });
const dir = mkdtempSync(join(tmpdir(), 'helix-cli-'));
const model = join(dir, 'model.json');

test('helix train writes a model and reports held-out scores on stderr', () => {
  const r = run(
    'train',
    '--preset',
    'cnn-binding',
    '--data',
    data('primer-motif.tsv'),
    '--epochs',
    '4',
    '--seed',
    '1',
    '--out',
    model,
  );
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /epoch 4\/4/);
  assert.match(r.stderr, /held-out test \(200 sequences\): accuracy 0\.9\d/);
  const savedFile = JSON.parse(readFileSync(model, 'utf8')); // the envelope (js/model-file.js)
  assert.deepEqual([savedFile.format, savedFile.version, savedFile.family], ['helix', 2, 'sequence']);
});

test('helix predict prints id and probability as TSV', () => {
  const r = run('predict', '--model', model, '--input', data('gata-predict.fa'));
  assert.equal(r.status, 0, r.stderr);
  const lines = r.stdout.trim().split('\n');
  assert.equal(lines[0], 'id\tprobability');
  assert.equal(lines.length, 13);
  for (const line of lines.slice(1)) {
    const p = Number(line.split('\t')[1]);
    assert.ok(p >= 0 && p <= 1);
  }
});

test('helix evaluate prints accuracy, auroc, auprc and loss as JSON', () => {
  const r = run('evaluate', '--model', model, '--data', data('primer-motif.tsv'));
  assert.equal(r.status, 0, r.stderr);
  const s = JSON.parse(r.stdout);
  for (const k of ['accuracy', 'auroc', 'auprc', 'loss']) assert.equal(typeof s[k], 'number');
  assert.ok(s.accuracy > 0.9);
});

test('a bad FASTA file fails with its name, line and column', () => {
  const bad = join(dir, 'bad.fa');
  writeFileSync(bad, '>a\nACGT\nACJT\n');
  const r = run('predict', '--model', model, '--input', bad);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /bad\.fa: line 3, column 3: 'J' is not a DNA base/);
});

test('a table without labels cannot train, and nothing is written', () => {
  const out = join(dir, 'never.json');
  const t = join(dir, 'nolabel.tsv');
  writeFileSync(t, 'id\tsequence\na\tACGT\n');
  const r = run('train', '--preset', 'cnn-binding', '--data', t, '--out', out);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /nolabel\.tsv: line 1, column \d+: .*label/);
  assert.equal(existsSync(out), false);
});

test('usage errors exit with 2 and show the usage', () => {
  const r = run('train', '--preset', 'cnn-binding');
  assert.equal(r.status, 2);
  assert.match(r.stderr, /--data is required/);
  assert.match(run('frobnicate').stderr, /unknown command/);
  assert.match(run('predict', '--model', join(dir, 'missing.json'), '--input', 'x').stderr, /no such file/);
});

test('helix simulate writes a labelled table that helix can train on', () => {
  const r = run('simulate', '--kind', 'motif-order', '--count', '10', '--seed', '3');
  assert.equal(r.status, 0, r.stderr);
  const lines = r.stdout.trim().split('\n');
  assert.equal(lines[0], 'id\tsequence\tlabel');
  assert.equal(lines.length, 11);
  assert.equal(run('simulate', '--kind', 'motif-order', '--count', '10', '--seed', '3').stdout, r.stdout);
  const bad = run('simulate', '--kind', 'nonsense');
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /'nonsense' is not one of: motif-order, planted-motif/);
});
