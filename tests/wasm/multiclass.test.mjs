// tests/wasm/multiclass.test.mjs: K-class models (loss softmax_cross_entropy): predict's rows, evaluate's
// keys, label checks, and the CLI's `id, class, p_<name>...` columns.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { engine, dataText, root } from './helpers.mjs';

// The first 300 rows of the splice data: enough for 2 quick epochs, all three classes present.
const splice = () =>
  dataText('uci-splice.tsv')
    .split('\n')
    .filter((line, i) => i === 0 || (line && i % 10 === 1))
    .join('\n');
const fasta = '>donor\nCCAGCTGCATCACAGGAGGCCAGCGAGCAGGTCTGTTCCAAGGGCCTTCGAGCCAGTCTG\n>short\nACGTACGT\n';

test('a K-class model predicts class, label and K probabilities summing to 1', async () => {
  const helix = await engine();
  const model = helix.createModel('cnn-splice');
  await model.fit(splice(), { seed: 1, epochs: 2 });
  const rows = model.predict(fasta);
  assert.equal(rows.length, 2);
  for (const r of rows) {
    assert.deepEqual(Object.keys(r).sort(), ['class', 'id', 'label', 'length', 'probabilities']);
    assert.equal(r.probabilities.length, 3);
    assert.ok(Math.abs(r.probabilities.reduce((a, b) => a + b, 0) - 1) < 1e-5);
    assert.equal(r.class, r.probabilities.indexOf(Math.max(...r.probabilities)));
    assert.equal(r.label, ['EI', 'IE', 'N'][r.class]);
  }
  const s = model.evaluate(splice());
  assert.deepEqual(Object.keys(s).sort(), ['accuracy', 'auprc', 'auroc', 'loss', 'n']);
  assert.ok(s.auroc > 0.5 && s.auroc <= 1 && s.accuracy > 0 && s.accuracy <= 1, JSON.stringify(s));
  model.dispose();
});

test('without class names a K-class prediction has no label; binary predictions keep probability', async () => {
  const helix = await engine();
  const spec = structuredClone(helix.presets['cnn-splice']);
  delete spec.classes;
  const model = helix.createModel(spec);
  const [r] = model.predict(fasta);
  assert.equal(r.label, undefined);
  assert.equal(r.probabilities.length, 3);
  model.dispose();
  const binary = helix.createModel('cnn-binding');
  assert.deepEqual(Object.keys(binary.predict(fasta.split('>short')[0])[0]).sort(), ['id', 'length', 'probability']);
  binary.dispose();
});

test('a class index outside 0..K-1 is refused with its line, column and the allowed range', async () => {
  const helix = await engine();
  const model = helix.createModel('cnn-splice');
  const bad = 'name\tsequence\tlabel\na\tACGT\t0\nb\tACGT\t3\n';
  await assert.rejects(model.fit(bad), (e) => {
    assert.equal(e.errors[0].line, 3);
    assert.equal(e.errors[0].column, 8);
    assert.match(e.errors[0].message, /'3' in column 'label' is not a label \(allowed: 0 to 2/);
    return true;
  });
  const oneClass = `name\tsequence\tlabel\n${Array.from({ length: 12 }, (_, i) => `s${i}\tACGTACGT\t2`).join('\n')}\n`;
  await assert.rejects(model.fit(oneClass), /at least 2 classes \(found 12 in 1 class\)/);
  model.dispose();
});

test('helix predict prints id, class and p_<name> columns for a K-class model', () => {
  const dir = mkdtempSync(join(tmpdir(), 'helix-multiclass-'));
  const data = join(dir, 'splice.tsv');
  const model = join(dir, 'model.json');
  const input = join(dir, 'in.fa');
  writeFileSync(data, splice());
  writeFileSync(input, fasta);
  const cli = fileURLToPath(new URL('bin/helix.mjs', root));
  const run = (...args) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });
  let r = run(
    'train',
    '--preset',
    'cnn-splice',
    '--data',
    data,
    '--epochs',
    '2',
    '--seed',
    '1',
    '--out',
    model,
    '--quiet',
  );
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(JSON.parse(readFileSync(model, 'utf8')).spec.classes, ['EI', 'IE', 'N']);
  r = run('predict', '--model', model, '--input', input);
  assert.equal(r.status, 0, r.stderr);
  const lines = r.stdout
    .trim()
    .split('\n')
    .map((line) => line.split('\t'));
  assert.deepEqual(lines[0], ['id', 'class', 'p_EI', 'p_IE', 'p_N']);
  assert.equal(lines.length, 3);
  for (const [id, cls, ...p] of lines.slice(1)) {
    assert.ok(['donor', 'short'].includes(id));
    const probs = p.map(Number);
    assert.equal(cls, ['EI', 'IE', 'N'][probs.indexOf(Math.max(...probs))]);
    assert.ok(Math.abs(probs.reduce((a, b) => a + b, 0) - 1) < 1e-4);
  }
  r = run('evaluate', '--model', model, '--data', data);
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(Object.keys(JSON.parse(r.stdout)).sort(), ['accuracy', 'auprc', 'auroc', 'loss', 'n']);
});
