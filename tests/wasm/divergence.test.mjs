// tests/wasm/divergence.test.mjs: a learning rate of 1e6 makes every family's training diverge; the JS API's
// summary says where (`diverged: {epoch, batch, message}`), the model keeps the weights from before the bad
// step (compared with the file saved after the last good step) and still predicts; the CLI exits 1 with the
// message and writes nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { engine, dataText, root } from './helpers.mjs';
import { AUTOENCODER_PRESETS, GRAPH_PRESETS } from '../../js/presets.js';

// The learning rate in the message: 1e+06 (given to fit; a spec allows at most 10), 10 for the GAN (its options too).
const hint = (rate) =>
  new RegExp(
    `^training stopped at epoch (?<epoch>\\d+), (batch|step) (?<batch>\\d+): (in a (generator|discriminator) update, )?the (?<what>loss|gradient of \\S+|weight \\S+) became (NaN|infinite)\\. The learning rate ${rate} is probably too high; try 0\\.001\\. The weights from before the update that caused it are kept\\.$`,
  );
const HINT = hint('1e\\+06');
const sgd = { type: 'sgd', learning_rate: 10 };
const HUGE = 1e6;

// Runs fit, saving the weights after every step: `before` holds them from before the failing step, `earlier` from
// before the step before it.
async function fitAndWatch(model, fit) {
  let before = JSON.parse(model.save()).weights;
  let earlier = before;
  let errorEvent = null;
  const summary = await fit((p) => {
    if (p.type === 'error') errorEvent = p;
    else [earlier, before] = [before, JSON.parse(model.save()).weights];
  });
  return { summary, before, earlier, errorEvent };
}

// The last good weights: from before the update that caused it (a bad weight: the failing step's own update; a
// bad loss or gradient: the update before, which made the weights the failing batch went through).
function checkDiverged({ summary, before, earlier, errorEvent }, model, pattern = HINT) {
  assert.ok(summary.diverged, 'training did not diverge');
  const m = pattern.exec(summary.diverged.message);
  assert.ok(m, summary.diverged.message);
  assert.equal(Number(m.groups.epoch), summary.diverged.epoch);
  assert.equal(Number(m.groups.batch), summary.diverged.batch);
  assert.equal(summary.error, summary.diverged.message);
  assert.equal(errorEvent?.message, summary.diverged.message);
  // A GAN step (d_steps 1) updates D, then G: only a bad loss or gradient of D comes before this step's first update.
  const thisStep = m[5] ? !/discriminator update, the (loss|gradient)/.test(m[0]) : m.groups.what.startsWith('weight');
  const lastGood = thisStep ? before : earlier;
  assert.deepEqual(
    JSON.parse(model.save()).weights,
    lastGood,
    'the weights are not those from before the update that caused it',
  );
}

test('a sequence model with learning rate 1e6 stops with epoch, batch and hint; keeps its last good weights and predicts', async () => {
  const helix = await engine();
  // Linear layers: a ReLU network (cnn-binding) tends to die quietly at such a rate instead, all its units off.
  const spec = structuredClone(helix.presets['mlp-onehot']);
  spec.layers = [
    { type: 'flatten' },
    { type: 'dense', name: 'fc1', units: 64 },
    { type: 'dense', name: 'fc2', units: 64 },
    { type: 'dense', name: 'out', units: 1 },
  ];
  spec.optimizer = sgd;
  const model = helix.createModel(spec);
  const run = await fitAndWatch(model, (onProgress) =>
    model.fit(dataText('primer-motif.tsv'), { epochs: 3, learningRate: HUGE, onProgress }),
  );
  checkDiverged(run, model);
  for (const p of model.predict('>a\nACGTACGTACGTGATAAGACGTAC\n>b\nTTTTTTTTTTTTTTTTTTTTTTTTT\n'))
    assert.ok(Number.isFinite(p.probability));
  model.dispose();
});

test('an autoencoder with learning rate 1e6 stops and keeps its last good weights', async () => {
  const helix = await engine();
  const spec = structuredClone(AUTOENCODER_PRESETS.autoencoder);
  spec.optimizer = sgd;
  const model = helix.createAutoencoder(spec);
  const genes = Array.from({ length: 20 }, (_, g) => `g${g}`);
  let matrix = `cell\t${genes.join('\t')}\n`;
  for (let i = 0; i < 120; i++) matrix += `c${i}\t${genes.map((_, g) => ((i * 7 + g * 13) % 11) / 3).join('\t')}\n`;
  model.load(matrix);
  const run = await fitAndWatch(model, (onProgress) => model.fit({ epochs: 3, learningRate: HUGE, onProgress }));
  checkDiverged(run, model);
  for (const row of model.encode().codes) assert.ok(row.every(Number.isFinite));
  model.dispose();
});

test('a graph model (gcn-graph) with learning rate 1e6 stops at its bad mini-batch and keeps its last good weights', async () => {
  const helix = await engine();
  const spec = structuredClone(GRAPH_PRESETS['gcn-graph']);
  spec.optimizer = sgd;
  const model = helix.createGraphModel(spec);
  const { nodes, edges } = helix.simulateGraphs('graph-motifs', { count: 80, seed: 2 });
  model.load(nodes, edges);
  // fit() reports a graph model's epochs only: the last good state is saved after every engine step instead, by
  // wrapping this session's trainStep.
  let before = JSON.parse(model.save()).weights;
  let earlier = before;
  const session = model.session;
  const step = session.trainStep.bind(session);
  let errorEvent = null;
  session.trainStep = () => {
    const text = step();
    const p = JSON.parse(text);
    if (p.type === 'error') errorEvent = p;
    else [earlier, before] = [before, JSON.parse(model.save()).weights];
    return text;
  };
  const summary = await model.fit({ epochs: 5, learningRate: HUGE });
  delete session.trainStep;
  checkDiverged({ summary, before, earlier, errorEvent }, model);
  for (const r of model.predict()) assert.ok(r.probabilities.every(Number.isFinite));
  model.dispose();
});

test("a GAN with learning rate 10 (SGD) stops at its bad step and keeps both networks' last good weights", async () => {
  const helix = await engine();
  const spec = structuredClone(helix.ganPresets['gan-dna']);
  for (const net of [spec.generator, spec.discriminator]) {
    for (const layer of net.layers) delete layer.activation; // linear, as above (the generator keeps its softmax layer)
    net.optimizer = sgd;
  }
  const gan = helix.createGan(spec);
  const run = await fitAndWatch(gan, (onProgress) => gan.fit(dataText('gan-motif.fa'), { steps: 30, onProgress }));
  checkDiverged(run, gan, hint('10'));
  assert.equal(gan.sample(5).sequences.length, 5);
  gan.dispose();
});

test('helix train with learning rate 1e6 exits 1 with the message and writes nothing', () => {
  const dir = mkdtempSync(join(tmpdir(), 'helix-diverge-'));
  const specPath = join(dir, 'spec.json');
  const linear = {
    input: { name: 'dna', length: 50 },
    layers: [
      { type: 'flatten' },
      { type: 'dense', units: 32 },
      { type: 'dense', units: 32 },
      { type: 'dense', units: 1 },
    ],
    optimizer: sgd,
    training: { epochs: 3, batch_size: 32, seed: 1 },
  };
  writeFileSync(specPath, JSON.stringify(linear));
  const out = join(dir, 'model.json');
  const cli = fileURLToPath(new URL('bin/helix.mjs', root));
  const r = spawnSync(
    process.execPath,
    [
      cli,
      'train',
      '--spec',
      specPath,
      '--data',
      fileURLToPath(new URL('web/data/primer-motif.tsv', root)),
      '--out',
      out,
      '--lr',
      '1e6',
      '--threads',
      '2',
      '--quiet',
    ],
    { encoding: 'utf8' },
  );
  assert.equal(r.status, 1, r.stderr);
  const line = r.stderr.split('\n').find((l) => l.startsWith('helix: training stopped'));
  assert.ok(line && HINT.test(line.slice('helix: '.length)), r.stderr);
  assert.match(r.stderr, /nothing was written/);
  assert.deepEqual(readdirSync(dir).sort(), ['spec.json']); // no model, no temporary file
});
