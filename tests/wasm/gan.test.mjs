// tests/wasm/gan.test.mjs: the DNA GAN through the JS API and the CLI: gan-dna learns a planted motif (counted
// here, independently of the engine's own figure), D and G losses are reported per step, save/load, errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { engine, root } from './helpers.mjs';
import { HelixInputError } from '../../js/helix.js';

const MOTIF = 'TGATAA';
const helixBin = fileURLToPath(new URL('bin/helix.mjs', root));
const run = (...args) => spawnSync(process.execPath, [helixBin, ...args], { encoding: 'utf8' });
const dir = mkdtempSync(join(tmpdir(), 'helix-gan-'));

// Forward-strand occurrences, overlapping ones included.
function occurrences(s, motif) {
  let n = 0;
  for (let at = s.indexOf(motif); at !== -1; at = s.indexOf(motif, at + 1)) n++;
  return n;
}

// Each sequence's own bases in a random order (Fisher-Yates with mulberry32, seeded): the same composition.
function shuffled(sequences, seed) {
  let a = seed >>> 0;
  const random = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return sequences.map((s) => {
    const b = s.split('');
    for (let i = b.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [b[i], b[j]] = [b[j], b[i]];
    }
    return b.join('');
  });
}

test('gan-dna on simulated motif carriers (seed 2): samples carry TGATAA >= 5x as often as shuffled samples', async () => {
  const helix = await engine();
  // A fresh set, not the shipped web/data/gan-motif.fa (seed 1): 3000 sequences of 50 bases, each with the motif once.
  const fasta = helix.simulate('planted-motif', {
    count: 3000,
    length: 50,
    motif: MOTIF,
    motifFraction: 1,
    seed: 2,
    format: 'fasta',
  });
  const gan = helix.createGan('gan-dna');
  const steps = [];
  const summary = await gan.fit(fasta, { seed: 1, motif: MOTIF, onProgress: (p) => steps.push(p) });
  assert.equal(summary.error, undefined);
  assert.equal(summary.records, 3000);
  assert.equal(steps.length, summary.stepsRun);
  assert.equal(summary.history.length, summary.stepsRun);
  assert.deepEqual(
    steps.map((p) => p.step),
    steps.map((_, i) => i + 1),
  );
  for (const p of steps) {
    assert.ok(p.type === 'batch' || p.type === 'epoch', `one event schema: ${p.type} at step ${p.step}`);
    assert.equal(p.steps, summary.stepsRun);
    for (const k of ['dLoss', 'gLoss', 'dReal', 'dFake']) assert.ok(Number.isFinite(p[k]), `${k} at step ${p.step}`);
  }

  const { sequences, composition } = gan.sample(1000, { seed: 11 });
  assert.equal(sequences.length, 1000);
  assert.ok(sequences.every((s) => /^[ACGT]{50}$/.test(s)));
  assert.equal(composition.length, 50);
  assert.ok(composition.every((row) => Math.abs(row.reduce((a, b) => a + b, 0) - 1) < 1e-9));
  const observed = sequences.reduce((n, s) => n + occurrences(s, MOTIF), 0);
  const rounds = 10;
  let inShuffled = 0;
  for (let r = 0; r < rounds; r++)
    inShuffled += shuffled(sequences, 100 + r).reduce((n, s) => n + occurrences(s, MOTIF), 0);
  const ratio = observed / Math.max(inShuffled / rounds, 1e-9);
  const distinct = new Set(sequences).size;
  console.log(
    `gan-dna seed 1: ${summary.stepsRun} steps in ${summary.seconds.toFixed(1)} s (${helix.backend.label}); ` +
      `${MOTIF} in 1000 samples ${observed} (forward strand) vs ${(inShuffled / rounds).toFixed(1)} shuffled: ratio ` +
      `${ratio.toFixed(1)} (floor 5); engine's figure ${summary.enrichment.ratio?.toFixed(1)}; ${distinct} distinct samples; ` +
      `last step D loss ${steps.at(-1).dLoss.toFixed(3)}, G loss ${steps.at(-1).gLoss.toFixed(3)}`,
  );
  assert.ok(ratio >= 5, `observed/shuffled ratio ${ratio}`);
  assert.ok(summary.enrichment.ratio >= 5, JSON.stringify(summary.enrichment));
  assert.equal(summary.enrichment.strands, 'forward');

  const copy = helix.loadGan(gan.save({ data: 'simulated' }));
  assert.deepEqual(copy.sample(50, { seed: 3 }), gan.sample(50, { seed: 3 }));
  assert.deepEqual(copy.metadata, { data: 'simulated' });
  assert.deepEqual(copy.motifEnrichment(MOTIF, { count: 200 }), gan.motifEnrichment(MOTIF, { count: 200 }));
  copy.dispose();
  gan.dispose();
});

test('gan errors: a sequence of the wrong length names its line; a bad preset and a bad spec field throw', async () => {
  const helix = await engine();
  const gan = helix.createGan('gan-dna');
  const good = 'ACGT'.repeat(12) + 'AC';
  await assert.rejects(
    gan.fit(`>a\n${good}\n>b\nACGT\n`, { steps: 1 }),
    (e) =>
      e instanceof HelixInputError &&
      e.message === "line 3, column 1: 'b' has 4 bases; this GAN generates and learns from sequences of exactly 50",
  );
  assert.throws(() => gan.sample(0), /count: must be an integer from 1/);
  assert.throws(() => helix.createGan('gan-nope'), /is not one of: gan-dna/);
  const spec = structuredClone(helix.ganPresets['gan-dna']);
  spec.generator.layers[1].target_shape = [24, 32];
  assert.throws(
    () => helix.createGan(spec),
    (e) => e.errors[0].field === 'generator.layers[1]',
  );
  assert.throws(() => helix.loadGan('{"format": "helix-model"}'), /this file is not a Helix GAN/);
  gan.dispose();
});

test('helix simulate --format fasta, helix train --preset gan-dna, helix sample --motif', () => {
  const data = join(dir, 'carriers.fa');
  const s = run(
    'simulate',
    '--kind',
    'planted-motif',
    '--count',
    '200',
    '--length',
    '50',
    '--motif',
    MOTIF,
    '--motif-fraction',
    '1',
    '--seed',
    '3',
    '--out',
    data,
  );
  assert.equal(s.status, 0, s.stderr);
  const records = readFileSync(data, 'utf8').trim().split('\n');
  assert.equal(records.length, 400);
  assert.match(records[0], /^>sim1 label=1$/);
  assert.ok(records.filter((l) => !l.startsWith('>')).every((l) => l.includes(MOTIF)));

  const out = join(dir, 'gan.json');
  const t = run(
    'train',
    '--preset',
    'gan-dna',
    '--data',
    data,
    '--steps',
    '20',
    '--seed',
    '1',
    '--motif',
    MOTIF,
    '--out',
    out,
  );
  assert.equal(t.status, 0, t.stderr);
  assert.match(t.stderr, /step 20\/20 · epoch \d+ · D loss \d+\.\d{4} · G loss \d+\.\d{4}/);
  assert.match(t.stderr, /motif TGATAA \(forward strand\): \d+ occurrences in 1000 samples/);
  const savedFile = JSON.parse(readFileSync(out, 'utf8')); // the envelope (js/model-file.js)
  assert.deepEqual([savedFile.format, savedFile.version, savedFile.family], ['helix', 2, 'gan']);

  const samples = join(dir, 'samples.fa');
  const r = run('sample', '--model', out, '--count', '30', '--seed', '4', '--motif', MOTIF, '--out', samples);
  assert.equal(r.status, 0, r.stderr);
  const lines = readFileSync(samples, 'utf8').trim().split('\n');
  assert.equal(lines.length, 60);
  assert.equal(lines[0], '>gan1');
  assert.match(lines[1], /^[ACGT]{50}$/);
  assert.match(r.stderr, /in 30 samples .* observed\/shuffled/);
  const again = run('sample', '--model', out, '--count', '30', '--seed', '4');
  assert.equal(again.stdout, readFileSync(samples, 'utf8'));

  const p = run('presets');
  assert.match(p.stdout, /^gan-dna\t/m);
  assert.equal(run('simulate', '--kind', 'planted-motif', '--format', 'xml').status, 2);
});
