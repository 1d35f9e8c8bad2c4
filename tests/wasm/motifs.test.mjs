// tests/wasm/motifs.test.mjs: first-layer filters as motifs through the JS API (model.motifs) and the CLI
// (helix motifs): the shipped JASPAR CORE database by default, a MEME database given as text, TSV and JSON
// output, and a bad database named by file, line and column.
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
const dir = mkdtempSync(join(tmpdir(), 'helix-motifs-'));

const SPEC = {
  input: { name: 'dna', length: null },
  layers: [
    { type: 'conv1d', name: 'conv1', filters: 8, kernel_size: 10, activation: 'relu' },
    { type: 'global_max_pool', name: 'pool' },
    { type: 'dense', name: 'out', units: 1 },
  ],
  optimizer: { type: 'adam', learning_rate: 0.01 },
  training: { epochs: 6, batch_size: 32, patience: 0, seed: 1 },
};

const MEME = `MEME version 4

ALPHABET= ACGT

MOTIF MA0035.4 GATA1
letter-probability matrix: alength= 4 w= 6 nsites= 20 E= 0
0.8 0.1 0.05 0.05
0.05 0.05 0.85 0.05
0.85 0.05 0.05 0.05
0.05 0.05 0.05 0.85
0.85 0.05 0.05 0.05
0.85 0.05 0.05 0.05

MOTIF ebox E-box
letter-probability matrix: alength= 4 w= 6
0.05 0.85 0.05 0.05
0.85 0.05 0.05 0.05
0.05 0.85 0.05 0.05
0.05 0.05 0.85 0.05
0.05 0.05 0.05 0.85
0.05 0.05 0.85 0.05
`;

let model;
let modelPath;
before(async () => {
  const helix = await engine();
  const data = helix.simulate('planted-motif', { count: 800, length: 50, motif: 'AGATAA', seed: 1 });
  model = helix.createModel(SPEC);
  await model.fit(data, { seed: 1 });
  modelPath = join(dir, 'model.json');
  writeFileSync(modelPath, model.save());
});

test('model.motifs reads the filters against the shipped JASPAR CORE vertebrates by default', async () => {
  const r = await model.motifs({ top: 2 });
  assert.equal(r.layer, 'conv1');
  assert.equal(r.threshold, 0.5);
  assert.equal(r.sequencesUsed, 2000);
  assert.deepEqual(r.database, { name: 'JASPAR2020_CORE_vertebrates_non-redundant', motifs: 746 });
  assert.equal(r.filters.length, 8);
  const f = r.filters[0];
  assert.equal(f.name, 'conv1/0');
  assert.equal(f.pfm.length, 10);
  assert.equal(f.reverseComplement.length, 10);
  assert.equal(f.consensus.length, 10);
  for (const col of f.pfm) assert.ok(Math.abs(col.reduce((a, b) => a + b) - 1) < 1e-6);
  const withSites = r.filters.filter((x) => x.sites > 0);
  assert.ok(withSites.length > 0);
  for (const x of withSites) {
    assert.equal(x.matches.length, 2);
    assert.ok(x.matches[0].score >= x.matches[1].score);
    assert.match(x.matches[0].strand, /^[+-]$/);
  }
  // The planted AGATAA is learnt: some filter's best match is a GATA factor.
  assert.ok(
    withSites.some((x) => /GATA/i.test(x.matches[0].name)),
    withSites.map((x) => `${x.consensus} ${x.matches[0].name}`).join('; '),
  );
});

test("model.motifs reads a MEME database given as text, and the user's sequences", async () => {
  const r = await model.motifs({ db: MEME, dbName: 'mine', top: 2, sequences: dataSequences() });
  assert.deepEqual(r.database, { name: 'mine', motifs: 2 });
  assert.equal(r.sequencesUsed, 200);
  const ids = new Set(r.filters.flatMap((f) => f.matches.map((m) => m.id)));
  assert.ok([...ids].every((id) => id === 'MA0035.4' || id === 'ebox'));
  assert.ok(r.filters.some((f) => f.sites > 0 && f.matches[0].id === 'MA0035.4'));
});

test('model.motifs throws HelixInputError naming the database line and column, and bad options', async () => {
  await assert.rejects(
    model.motifs({ db: 'MOTIF a\nletter-probability matrix: alength= 4 w= 1\n0.5 x 0.25 0.25\n' }),
    (e) =>
      e instanceof HelixInputError && e.errors[0].field === 'db' && e.errors[0].line === 3 && e.errors[0].column === 5,
  );
  await assert.rejects(
    model.motifs({ threshold: 2 }),
    (e) => e instanceof HelixInputError && e.errors[0].field === 'threshold',
  );
});

test('helix motifs prints a TSV row per filter, or JSON', () => {
  const tsv = run('motifs', '--model', modelPath, '--top', '1');
  assert.equal(tsv.status, 0, tsv.stderr);
  const lines = tsv.stdout.trim().split('\n');
  assert.equal(lines[0], 'filter\tsites\tic\tconsensus\tmatch_id\tmatch_name\tscore\tstrand');
  assert.equal(lines.length, 9);
  assert.match(lines[1], /^conv1\/0\t\d+\t[\d.]+\t[ACGT]{10}\t/);
  const memePath = join(dir, 'db.meme');
  writeFileSync(memePath, MEME);
  const json = run('motifs', '--model', modelPath, '--db', memePath, '--json');
  assert.equal(json.status, 0, json.stderr);
  const r = JSON.parse(json.stdout);
  assert.equal(r.database.motifs, 2);
  assert.equal(r.database.name, memePath);
  assert.equal(r.filters.length, 8);
});

test('helix motifs with a bad database exits 1 naming the file, line and column', () => {
  const bad = join(dir, 'bad.jaspar');
  writeFileSync(bad, '>MA1.1 X\nA [ 1 0 ]\nC [ 0 1 ]\nG [ 0 ? ]\nT [ 0 0 ]\n');
  const r = run('motifs', '--model', modelPath, '--db', bad);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /bad\.jaspar: line 4, column 7: '\?' is not a count/);
  assert.equal(run('motifs', '--model', modelPath, '--top', 'x').status, 2);
});

function dataSequences() {
  let s = 7;
  const rand = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  const lines = [];
  for (let i = 0; i < 200; i++) {
    const seq = Array.from({ length: 40 }, () => 'ACGT'[Math.floor(rand() * 4)]);
    if (i % 2) seq.splice(10, 6, ...'AGATAA');
    lines.push(`>s${i}`, seq.join(''));
  }
  return `${lines.join('\n')}\n`;
}
