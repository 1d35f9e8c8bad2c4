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
import { AUTOENCODER_PRESETS, GRAPH_PRESETS } from '../../web/engine/presets.js';

const HINT = /^training stopped at epoch (\d+), (batch|step) (\d+): the (loss|gradient of \S+|weight \S+) became (NaN|infinite)\. The learning rate 1e\+06 is probably too high; try 0\.001\. The weights from before this (batch|step) are kept\.$/;
const sgd = { type: 'sgd', learning_rate: 1e6 };

// Runs fit, saving the weights after every step: the last save before the error event is the last good state.
async function fitAndWatch(model, fit) {
  let lastGood = JSON.parse(model.save()).weights;
  let errorEvent = null;
  const summary = await fit((p) => {
    if (p.type === 'error') errorEvent = p;
    else lastGood = JSON.parse(model.save()).weights;
  });
  return { summary, lastGood, errorEvent };
}

function checkDiverged({ summary, lastGood, errorEvent }, model) {
  assert.ok(summary.diverged, 'training did not diverge');
  const m = HINT.exec(summary.diverged.message);
  assert.ok(m, summary.diverged.message);
  assert.equal(Number(m[1]), summary.diverged.epoch);
  assert.equal(Number(m[3]), summary.diverged.batch);
  assert.equal(summary.error, summary.diverged.message);
  assert.equal(errorEvent?.message, summary.diverged.message);
  assert.deepEqual(JSON.parse(model.save()).weights, lastGood, 'the weights are not those from before the bad step');
}

test('a sequence model with learning rate 1e6 stops with epoch, batch and hint; keeps its last good weights and predicts', async () => {
  const helix = await engine();
  const spec = structuredClone(helix.presets['cnn-binding']);
  spec.optimizer = sgd;
  const model = helix.createModel(spec);
  const run = await fitAndWatch(model, (onProgress) => model.fit(dataText('primer-motif.tsv'), { epochs: 3, onProgress }));
  checkDiverged(run, model);
  for (const p of model.predict('>a\nACGTACGTACGTGATAAGACGTAC\n>b\nTTTTTTTTTTTTTTTTTTTTTTTTT\n')) assert.ok(Number.isFinite(p.probability));
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
  const run = await fitAndWatch(model, (onProgress) => model.fit({ epochs: 3, onProgress }));
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
  let lastGood = JSON.parse(model.save()).weights;
  const session = model.session;
  const step = session.trainStep.bind(session);
  let errorEvent = null;
  session.trainStep = () => {
    const text = step();
    const p = JSON.parse(text);
    if (p.type === 'error') errorEvent = p;
    else lastGood = JSON.parse(model.save()).weights;
    return text;
  };
  const summary = await model.fit({ epochs: 5 });
  delete session.trainStep;
  checkDiverged({ summary, lastGood, errorEvent }, model);
  for (const r of model.predict()) assert.ok(r.probabilities.every(Number.isFinite));
  model.dispose();
});

test('a GAN with learning rate 1e6 stops at its bad step and keeps both networks\' last good weights', async () => {
  const helix = await engine();
  const spec = structuredClone(helix.ganPresets['gan-dna']);
  spec.generator.optimizer = sgd;
  spec.discriminator.optimizer = sgd;
  const gan = helix.createGan(spec);
  const run = await fitAndWatch(gan, (onProgress) => gan.fit(dataText('gan-motif.fa'), { steps: 30, onProgress }));
  checkDiverged(run, gan);
  assert.equal(gan.sample(5).sequences.length, 5);
  gan.dispose();
});

test('helix train with learning rate 1e6 exits 1 with the message and writes nothing', () => {
  const dir = mkdtempSync(join(tmpdir(), 'helix-diverge-'));
  const specPath = join(dir, 'spec.json');
  const cnn = { layers: [{ type: 'conv1d', filters: 8, kernel_size: 6, activation: 'relu' }, { type: 'global_max_pool' },
    { type: 'dense', units: 1 }], optimizer: sgd, training: { epochs: 3, batch_size: 32, seed: 1 } };
  writeFileSync(specPath, JSON.stringify(cnn));
  const out = join(dir, 'model.json');
  const cli = fileURLToPath(new URL('bin/helix.mjs', root));
  const r = spawnSync(process.execPath, [cli, 'train', '--spec', specPath, '--data', fileURLToPath(new URL('web/data/primer-motif.tsv', root)),
    '--out', out, '--threads', '2', '--quiet'], { encoding: 'utf8' });
  assert.equal(r.status, 1, r.stderr);
  const line = r.stderr.split('\n').find((l) => l.startsWith('helix: training stopped'));
  assert.ok(line && HINT.test(line.slice('helix: '.length)), r.stderr);
  assert.match(r.stderr, /nothing was written/);
  assert.deepEqual(readdirSync(dir).sort(), ['spec.json']);  // no model, no temporary file
});
