// tests/wasm/training.test.mjs: models that really learn, reproducibly, and that save and cancel cleanly.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { engine, dataText, table } from './helpers.mjs';

test('cnn-binding learns the planted motif: test accuracy ≥ 0.95 (primer data, seed 1)', async () => {
  const helix = await engine();
  const model = helix.createModel('cnn-binding');
  const epochs = [];
  const s = await model.fit(dataText('primer-motif.tsv'), {
    seed: 1,
    onProgress: (p) => p.type === 'epoch' && epochs.push(p),
  });
  model.dispose();
  assert.equal(s.split.test, 200);
  assert.ok(s.test.accuracy >= 0.95, `test accuracy ${s.test.accuracy}`);
  assert.ok(s.test.auroc >= 0.97, `test AUROC ${s.test.auroc}`);
  assert.equal(epochs.length, s.epochsRun);
  assert.ok(epochs.at(-1).loss < epochs[0].loss);
});

test('the same seed gives the same run; the threaded and single-thread builds agree', async () => {
  const text = dataText('primer-motif.tsv');
  const run = async (build) => {
    const helix = await engine(build);
    const model = helix.createModel('cnn-binding');
    const s = await model.fit(text, { seed: 7, epochs: 2 });
    const p = model.predict('>x\nCGACCGAACTCCAAAAAAAAAAAAAAAAAAA\n')[0].probability;
    model.dispose();
    return { history: s.history, p };
  };
  const a = await run('helix-simd-mt');
  const b = await run('helix-simd-mt');
  assert.deepEqual(a, b);
  const c = await run('helix-simd');
  assert.equal(c.history.length, a.history.length);
  for (let i = 0; i < a.history.length; i++) assert.ok(Math.abs(a.history[i].loss - c.history[i].loss) < 1e-5);
  assert.ok(Math.abs(a.p - c.p) < 1e-5);
});

test('early stopping restores the best epoch on validation', async () => {
  const helix = await engine();
  const model = helix.createModel('cnn-binding');
  const s = await model.fit(dataText('primer-motif.tsv'), { seed: 3, epochs: 30, patience: 2 });
  const best = s.history[s.bestEpoch - 1];
  const again = model.evaluate(dataText('primer-motif.tsv'));
  model.dispose();
  assert.ok(s.stoppedEarly || s.epochsRun === 30);
  for (const h of s.history)
    assert.ok(h.valAuroc < best.valAuroc || (h.valAuroc === best.valAuroc && h.valLoss >= best.valLoss));
  assert.ok(again.accuracy > 0.95);
});

test('a saved model file loads back with identical predictions', async () => {
  const helix = await engine();
  const model = helix.createModel('cnn-deep');
  await model.fit(dataText('primer-motif.tsv'), { seed: 2, epochs: 1 });
  const file = model.save();
  const back = helix.loadModel(file);
  const fasta = dataText('gata-predict.fa');
  assert.deepEqual(back.predict(fasta), model.predict(fasta));
  assert.equal(back.save(), file);
  model.dispose();
  back.dispose();
});

test('a truncated or foreign model file is refused with a reason', async () => {
  const helix = await engine();
  const model = helix.createModel('cnn-binding');
  const file = model.save();
  model.dispose();
  assert.throws(() => helix.loadModel(file.slice(0, file.length / 2)), /truncated/);
  const wrong = JSON.parse(file);
  wrong.weights['conv1.weight'].shape = [3, 4, 32];
  assert.throws(() => helix.loadModel(JSON.stringify(wrong)), /weights\.conv1\.weight\.shape/);
  wrong.version = 99;
  assert.throws(() => helix.loadModel(JSON.stringify(wrong)), /version 99/);
});

test('an AbortSignal cancels between batches', async () => {
  const helix = await engine();
  const model = helix.createModel('cnn-binding');
  const controller = new AbortController();
  let batches = 0;
  const s = await model.fit(dataText('gata-example.tsv'), {
    seed: 1,
    epochs: 50,
    batchSize: 16,
    signal: controller.signal,
    onProgress: (p) => {
      if (p.type === 'batch' && ++batches === 5) controller.abort();
    },
  });
  model.dispose();
  assert.equal(s.cancelled, true);
  assert.equal(batches, 5);
});

test('training refuses data with a single class, naming the label column', async () => {
  const helix = await engine();
  const model = helix.createModel('cnn-binding');
  const rows = Array.from({ length: 20 }, (_, i) => [`s${i}`, 'ACGTACGTACGTACGTACGT', 1]);
  await assert.rejects(model.fit(table(rows)), /both labels 0 and 1/);
  model.dispose();
});

test('a huge learning rate that makes the loss NaN stops with a hint', async () => {
  const helix = await engine();
  const spec = structuredClone(helix.presets['mlp-onehot']);
  spec.optimizer = { type: 'sgd', learning_rate: 10, momentum: 0.99 };
  spec.layers = [
    { type: 'flatten' },
    { type: 'dense', units: 64, activation: 'relu' },
    { type: 'dense', units: 64, activation: 'relu' },
    { type: 'dense', units: 1 },
  ];
  const model = helix.createModel(spec);
  const s = await model.fit(dataText('primer-motif.tsv'), { seed: 1, epochs: 20 });
  const p = model.predict('>x\nACGT\n')[0].probability;
  model.dispose();
  if (s.error) {
    assert.match(s.error, /epoch \d+, batch \d+: .*The learning rate 10 is probably too high; try 0\.001/);
    assert.ok(Number.isFinite(p));
  } else {
    assert.ok(s.history.every((h) => Number.isFinite(h.loss)));
  }
});

test('rnn-order (CNN + BiLSTM) reads motif order where a CNN with global pooling cannot', async () => {
  const helix = await engine();
  const table = helix.simulate('motif-order', { count: 2000, length: 100, seed: 1 });
  const testAccuracy = async (preset) => {
    const model = helix.createModel(preset);
    const s = await model.fit(table, { seed: 1, epochs: 20 });
    model.dispose();
    return s.test.accuracy;
  };
  const rnn = await testAccuracy('rnn-order');
  const cnn = await testAccuracy('cnn-binding');
  assert.ok(rnn >= 0.9, `rnn-order test accuracy ${rnn}`);
  assert.ok(rnn - cnn >= 0.2, `rnn-order ${rnn} vs cnn-binding ${cnn}`);
});

test('cnn-splice tells donor, acceptor and neither apart: test accuracy ≥ 0.93 (UCI splice, seed 1)', async () => {
  const helix = await engine();
  const model = helix.createModel('cnn-splice');
  const s = await model.fit(dataText('uci-splice.tsv'), { seed: 1 });
  model.dispose();
  assert.equal(s.split.test, 320); // 10% of each class: 77 EI, 77 IE, 166 N
  assert.ok(s.test.accuracy >= 0.93, `test accuracy ${s.test.accuracy}`);
  assert.ok(s.test.auroc >= 0.97, `test macro AUROC ${s.test.auroc}`);
  assert.ok(s.history.at(-1).loss < s.history[0].loss);
});
