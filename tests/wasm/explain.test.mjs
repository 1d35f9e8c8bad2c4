// tests/wasm/explain.test.mjs: attributions, in-silico mutagenesis and variant effects through the JS API
// (Model.explain, Model.variants) and the CLI (helix explain, helix variants), on a small cnn-binding
// model trained on a planted GATA motif.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { engine, root } from './helpers.mjs';
import { HelixInputError } from '../../js/helix.js';

const helixBin = fileURLToPath(new URL('bin/helix.mjs', root));
const run = (...args) => spawnSync(process.execPath, [helixBin, ...args], { encoding: 'utf8' });
const dir = mkdtempSync(join(tmpdir(), 'helix-explain-'));
const MOTIF = 'AGATAA';
// 50 bp with the motif at positions 21..26 (1-based); no other copy.
const CARRIER = 'CCGTCGCTTCGCGTCTCTCGAGATAAGCGTCCGCGTCGCTGCTCGTCGCG';

let model;
let modelPath;
before(async () => {
  const helix = await engine();
  model = helix.createModel('cnn-binding');
  const data = helix.simulate('planted-motif', { count: 2000, length: 50, seed: 1, motif: MOTIF });
  const s = await model.fit(data, { epochs: 10, seed: 1 });
  assert.ok(s.test.accuracy > 0.9, JSON.stringify(s.test));
  modelPath = join(dir, 'model.json');
  writeFileSync(modelPath, model.save());
});

const argmaxWindow = (a, w) => {
  let best = 0;
  let bestSum = -Infinity;
  for (let i = 0; i + w <= a.length; i++) {
    const sum = a.slice(i, i + w).reduce((x, y) => x + y, 0);
    if (sum > bestSum) [best, bestSum] = [i, sum];
  }
  return best;
};

test('explain: saliency and integrated gradients point at the planted motif', () => {
  assert.ok(CARRIER.indexOf(MOTIF) === 20 && CARRIER.lastIndexOf(MOTIF) === 20);
  for (const method of ['saliency', 'ig']) {
    const r = model.explain(`>c\n${CARRIER}\n`, { method, steps: 100 });
    assert.equal(r.method, method);
    assert.equal(r.head, 'label');
    assert.equal(r.output, 'logit');
    const e = r.explanations[0];
    assert.equal(e.id, 'c');
    assert.equal(e.attributions.length, 50);
    const w = argmaxWindow(e.attributions, MOTIF.length);
    assert.ok(Math.abs(w - 20) < MOTIF.length, `${method}: top window at ${w}`);
    if (method === 'ig')
      assert.ok(Math.abs(e.delta) <= 0.01 * Math.abs(e.score - e.baselineScore), JSON.stringify(e.delta));
  }
});

test('explain: ism gives each substitution the change of the predicted probability', () => {
  const r = model.explain(CARRIER, { method: 'ism', output: 'probability' });
  const e = r.explanations[0];
  assert.equal(e.ism.length, 50);
  const p0 = model.predict(CARRIER)[0].probability;
  assert.ok(Math.abs(e.score - p0) < 1e-5);
  for (const [pos, base] of [
    [0, 'A'],
    [22, 'C'],
    [23, 'G'],
    [49, 'T'],
  ]) {
    const mutant = CARRIER.slice(0, pos) + base + CARRIER.slice(pos + 1);
    const expected = base === CARRIER[pos] ? 0 : model.predict(mutant)[0].probability - p0;
    assert.ok(Math.abs(e.ism[pos]['ACGT'.indexOf(base)] - expected) < 1e-5, `position ${pos} ${base}`);
  }
  // Breaking the motif costs more than changing a base far from it.
  const worst = (row) => Math.min(...row);
  assert.ok(worst(e.ism[22]) < worst(e.ism[2]));
});

test('explain: bad options throw HelixInputError naming the field', () => {
  assert.throws(
    () => model.explain(CARRIER, { method: 'deeplift' }),
    (e) => e instanceof HelixInputError && e.errors[0].field === 'method',
  );
  assert.throws(
    () => model.explain(CARRIER, { head: 'tal1' }),
    (e) => /head: 'tal1' is not a head of this model \(heads: label\)/.test(e.errors[0].message),
  );
  assert.throws(
    () => model.explain('>x\nACGJ\n'),
    (e) => e.errors[0].line === 2,
  );
});

const VARIANTS = `id\tsequence\tposition\tref\talt\nfar\t${CARRIER}\t3\tG\tA\nin_motif\t${CARRIER}\t23\tA\tC\n`;

test('variants: a substitution in the motif comes first, with its scores and log odds ratio', () => {
  const r = model.variants(VARIANTS);
  assert.equal(r.head, 'label');
  assert.deepEqual(
    r.variants.map((v) => v.id),
    ['in_motif', 'far'],
  );
  const v = r.variants[0];
  assert.equal(v.line, 3);
  assert.equal(v.position, 23);
  assert.ok(v.difference < 0);
  const mutant = `${CARRIER.slice(0, 22)}C${CARRIER.slice(23)}`;
  assert.ok(Math.abs(v.altScore - model.predict(mutant)[0].probability) < 1e-5);
  const logit = (p) => Math.log(p / (1 - p));
  assert.ok(Math.abs(v.logOddsRatio - (logit(v.altScore) - logit(v.refScore))) < 1e-2);
  const pairs = model.variants(`id\tref_sequence\talt_sequence\np\t${CARRIER}\t${mutant}\n`).variants[0];
  assert.ok(Math.abs(pairs.difference - v.difference) < 1e-6);
});

test('variants: a ref that does not match throws with line and column', () => {
  assert.throws(
    () => model.variants(`id\tsequence\tposition\tref\talt\nv\t${CARRIER}\t1\tG\tA\n`),
    (e) =>
      e instanceof HelixInputError &&
      e.errors[0].line === 2 &&
      e.errors[0].column === 56 &&
      e.errors[0].field === 'ref',
  );
});

test('helix explain prints TSV per method, and JSON with --json', () => {
  const fasta = join(dir, 'seqs.fa');
  writeFileSync(fasta, `>c\n${CARRIER}\n>d\n${CARRIER.slice(0, 30)}\n`);
  let r = run('explain', '--model', modelPath, '--input', fasta, '--method', 'saliency');
  assert.equal(r.status, 0, r.stderr);
  let lines = r.stdout.trim().split('\n');
  assert.equal(lines[0], 'id\tposition\tbase\tattribution');
  assert.equal(lines.length, 1 + 50 + 30);
  assert.match(lines[1], /^c\t1\tC\t-?\d/);
  r = run('explain', '--model', modelPath, '--input', fasta, '--method', 'ism');
  assert.equal(r.status, 0, r.stderr);
  lines = r.stdout.trim().split('\n');
  assert.equal(lines[0], 'id\tposition\tref\tA\tC\tG\tT');
  assert.equal(lines[1].split('\t')[3 + 1], '0.00000'); // C at position 1: its own column is 0
  r = run('explain', '--model', modelPath, '--input', fasta, '--method', 'ig', '--steps', '20', '--json');
  assert.equal(r.status, 0, r.stderr);
  const j = JSON.parse(r.stdout);
  assert.equal(j.method, 'ig');
  assert.equal(j.explanations.length, 2);
  assert.equal(typeof j.explanations[0].delta, 'number');
  r = run('explain', '--model', modelPath, '--input', fasta, '--method', 'deeplift');
  assert.equal(r.status, 1);
  assert.match(r.stderr, /method: "deeplift" is not one of: saliency, ig, ism/);
});

test('helix variants prints the sorted TSV; a bad file exits non-zero naming line and column', () => {
  const good = join(dir, 'variants.tsv');
  writeFileSync(good, VARIANTS);
  let r = run('variants', '--model', modelPath, '--input', good);
  assert.equal(r.status, 0, r.stderr);
  const lines = r.stdout.trim().split('\n');
  assert.equal(lines[0], 'id\tposition\tref\talt\trefScore\taltScore\tdifference\tlogOddsRatio');
  assert.match(lines[1], /^in_motif\t23\tA\tC\t/);
  assert.equal(JSON.parse(run('variants', '--model', modelPath, '--input', good, '--json').stdout).variants.length, 2);
  const bad = join(dir, 'bad-variants.tsv');
  writeFileSync(bad, `id\tsequence\tposition\tref\talt\nok\t${CARRIER}\t3\tG\tA\nbad\t${CARRIER}\t70\tG\tA\n`);
  r = run('variants', '--model', modelPath, '--input', bad);
  assert.notEqual(r.status, 0);
  assert.match(r.stderr, /bad-variants\.tsv: line 3, column 56: position 70 is outside the sequence \(1\.\.50\)/);
});
