// tests/wasm/cli-heads.test.mjs: the CLI's multi-task, multimodal and transfer options end to end:
// --labels, --features, --init-from / --transfer-layers / --freeze, and their errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { root } from './helpers.mjs';

const helix = fileURLToPath(new URL('bin/helix.mjs', root));
const run = (...args) => spawnSync(process.execPath, [helix, ...args], { encoding: 'utf8' });
const dir = mkdtempSync(join(tmpdir(), 'helix-cli-heads-'));

// 400 rows of 40 bp: columns x (carries GATAAG), y (carries CACGTG), some cells empty; z a number.
function table(seed = 1, missing = 0.1) {
  let s = seed;
  const rand = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  const lines = ['id\tsequence\tx\ty\tz'];
  for (let i = 0; i < 400; i++) {
    const seq = Array.from({ length: 40 }, () => 'ACGT'[Math.floor(rand() * 4)]);
    const x = rand() < 0.5,
      y = rand() < 0.5;
    if (x) seq.splice(3 + Math.floor(rand() * 10), 6, ...'GATAAG');
    if (y) seq.splice(22 + Math.floor(rand() * 10), 6, ...'CACGTG');
    const cell = (v) => (rand() < missing ? '' : v ? '1' : '0');
    lines.push(`r${i}\t${seq.join('')}\t${cell(x)}\t${cell(y)}\t${rand().toFixed(3)}`);
  }
  return `${lines.join('\n')}\n`;
}
const data = join(dir, 'tasks.tsv');
writeFileSync(data, table());
const complete = join(dir, 'complete.tsv'); // no missing labels: single-label models refuse empty cells
writeFileSync(complete, table(2, 0));

test('--labels makes one head per column; predict prints a column per head, evaluate per-head scores', () => {
  const out = join(dir, 'multi.json');
  const r = run('train', '--preset', 'cnn-binding', '--labels', 'x,y', '--data', data, '--epochs', '3', '--out', out);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /\n {2}x \(\d+ labelled\): accuracy/);
  assert.match(r.stderr, /\n {2}y \(\d+ labelled\): accuracy/);
  const spec = JSON.parse(readFileSync(out, 'utf8')).spec;
  assert.deepEqual(
    spec.heads.map((h) => h.name),
    ['x', 'y'],
  );
  const p = run('predict', '--model', out, '--input', data);
  assert.equal(p.status, 0, p.stderr);
  assert.equal(p.stdout.split('\n')[0], 'id\tx\ty');
  const e = run('evaluate', '--model', out, '--data', data);
  assert.equal(e.status, 0, e.stderr);
  const scores = JSON.parse(e.stdout);
  assert.deepEqual(Object.keys(scores.heads), ['x', 'y']);
  assert.ok(scores.heads.x.n < 400, 'missing labels are not scored');
});

test('--features feeds numeric columns to a features input; a bad cell names line and column', () => {
  const out = join(dir, 'mm.json');
  const r = run(
    'train',
    '--preset',
    'multimodal',
    '--features',
    'z',
    '--data',
    complete,
    '--epochs',
    '1',
    '--label',
    'x',
    '--out',
    out,
  );
  assert.equal(r.status, 0, r.stderr);
  const bad = join(dir, 'bad.tsv');
  writeFileSync(bad, 'sequence\tz\nACGTACGTACGTACGTACGT\t0.5\nACGTACGTACGTACGTACGT\thigh\n');
  const p = run('predict', '--model', out, '--input', bad);
  assert.equal(p.status, 1);
  assert.match(p.stderr, /bad\.tsv: line 3, column 22: 'high' in column 'z' is not a number/);
  const none = run('train', '--preset', 'cnn-binding', '--features', 'z', '--data', complete, '--out', out);
  assert.equal(none.status, 1);
  assert.match(none.stderr, /no input of numeric features/);
});

test('--init-from copies shared layers, --freeze keeps them fixed while the rest trains', () => {
  const pre = join(dir, 'pre.json');
  assert.equal(
    run('train', '--preset', 'cnn-binding', '--label', 'x', '--data', complete, '--epochs', '2', '--out', pre).status,
    0,
  );
  const out = join(dir, 'tuned.json');
  const r = run(
    'train',
    '--preset',
    'cnn-binding',
    '--label',
    'y',
    '--data',
    complete,
    '--epochs',
    '2',
    '--seed',
    '3',
    '--init-from',
    pre,
    '--transfer-layers',
    'conv1',
    '--freeze',
    'conv1',
    '--lr',
    '0.001',
    '--out',
    out,
  );
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /weights of conv1 taken from/);
  const a = JSON.parse(readFileSync(pre, 'utf8')),
    b = JSON.parse(readFileSync(out, 'utf8'));
  assert.equal(b.weights['conv1.weight'].data, a.weights['conv1.weight'].data);
  assert.notEqual(b.weights['fc1.weight'].data, a.weights['fc1.weight'].data);
  assert.equal(b.spec.layers[0].trainable, false);
  const missing = run(
    'train',
    '--preset',
    'cnn-binding',
    '--label',
    'y',
    '--data',
    complete,
    '--init-from',
    pre,
    '--transfer-layers',
    'conv9',
    '--out',
    out,
  );
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /conv9: neither this model nor the pretrained one has a layer of that name/);
});
