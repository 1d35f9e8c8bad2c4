// tests/wasm/presets-field.test.mjs: the presets beyond one DNA input and one label learn what they are
// for, on freshly simulated data (seeds other than the shipped files'), with the issue's floors on
// held-out test data: dense (single-layer vs mlp), cnn-multitask, multimodal, transfer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { engine } from './helpers.mjs';

const fmt = (x) => x.toFixed(3);
const log = (line) => process.stderr.write(`  ${line}\n`);

test('mlp beats single-layer on intron features by >= 0.10 (mlp >= 0.90) and both draw a decision map', async () => {
  const helix = await engine();
  const table = helix.simulate('splice-features', { count: 2000, seed: 101 });
  const acc = {};
  for (const name of ['single-layer', 'mlp']) {
    const model = helix.createModel(name);
    const s = await model.fit(table);
    acc[name] = s.test.accuracy;
    log(`${name}: test accuracy ${fmt(s.test.accuracy)} (n ${s.test.n}) · ${s.seconds.toFixed(1)} s`);
    const map = model.decisionMap(table, { size: 12 });
    assert.equal(map.x.name, 'branch_point_distance');
    assert.equal(map.probability.length, 12);
    assert.ok(map.probability.flat().every((p) => p >= 0 && p <= 1));
    const spread = Math.max(...map.probability.flat()) - Math.min(...map.probability.flat());
    assert.ok(spread > 0.5, `${name}: the map should span both classes (spread ${spread})`);
    model.dispose();
  }
  assert.ok(acc.mlp >= 0.9, `mlp accuracy ${acc.mlp}`);
  assert.ok(acc.mlp >= acc['single-layer'] + 0.1, JSON.stringify(acc));
});

test('cnn-multitask: AUROC >= 0.90 on each TF, with missing labels left out', async () => {
  const helix = await engine();
  const table = helix.simulate('multitask', { count: 3000, seed: 102 });
  const rows = table.trim().split('\n');
  const header = rows[0].split('\t');
  const missing = rows.slice(1).filter((r) => r.split('\t')[header.indexOf('gata1')] === '').length;
  assert.ok(missing > 100, `the data should have missing labels (${missing})`);
  const model = helix.createModel('cnn-multitask');
  const s = await model.fit(table, { epochs: 12 });
  for (const tf of ['gata1', 'tal1']) {
    log(`cnn-multitask ${tf}: test AUROC ${fmt(s.test.heads[tf].auroc)} (n ${s.test.heads[tf].n})`);
    assert.ok(s.test.heads[tf].auroc >= 0.9, `${tf}: ${JSON.stringify(s.test.heads[tf])}`);
    assert.ok(s.test.heads[tf].n < s.test.n, 'missing labels are not scored');
  }
  log(`cnn-multitask: ${s.seconds.toFixed(1)} s`);
  const [p] = model.predict('>x\nACGTACGTACGTACGTACGTACGTACGT\n');
  assert.deepEqual(Object.keys(p.heads).sort(), ['gata1', 'tal1']);
  model.dispose();
});

test('multimodal beats the sequence-only and the features-only model by >= 0.05 AUROC', async () => {
  const helix = await engine();
  const table = helix.simulate('multimodal', { count: 3000, seed: 103 });
  const fit = async (model) => {
    const s = await model.fit(table);
    model.dispose();
    return s;
  };
  const both = await fit(helix.createModel('multimodal'));
  const dna = await fit(helix.createModel('cnn-binding'));
  const features = await fit(helix.createModel('mlp', { features: ['accessibility', 'conservation'] }));
  log(
    `multimodal ${fmt(both.test.auroc)} (${both.seconds.toFixed(1)} s) · DNA only ${fmt(dna.test.auroc)} · ` +
      `features only ${fmt(features.test.auroc)}`,
  );
  assert.ok(both.test.auroc >= dna.test.auroc + 0.05, 'vs DNA only');
  assert.ok(both.test.auroc >= features.test.auroc + 0.05, 'vs features only');
});

test('transfer: motif detectors pretrained on two TFs, frozen, + fine-tuning on 200 rows beat training from scratch', async () => {
  const helix = await engine();
  // The large task: GATA1 and TAL1 sites, one head each; the small one: composite elements (both sites).
  const pretrain = helix.simulate('multitask', { count: 3000, seed: 104 });
  const small = helix.simulate('transfer-finetune', { count: 200, seed: 105 });
  const test = helix.simulate('transfer-finetune', { count: 1000, seed: 106 });
  const base = helix.createModel('cnn-multitask');
  const pre = await base.fit(pretrain);
  log(`pretraining (cnn-multitask, 3000 rows): test AUROC ${fmt(pre.test.auroc)} · ${pre.seconds.toFixed(1)} s`);
  const file = base.save();
  base.dispose();

  const tuned = helix.createModel('transfer');
  assert.deepEqual(tuned.loadWeightsFrom(file), ['conv1']);
  const t = await tuned.fit(small);
  const fine = tuned.evaluate(test);
  tuned.dispose();

  const scratchSpec = structuredClone(helix.presets.transfer);
  for (const l of scratchSpec.layers) delete l.trainable;
  const scratch = helix.createModel(scratchSpec);
  await scratch.fit(small);
  const fromScratch = scratch.evaluate(test);
  scratch.dispose();
  log(
    `transfer: fine-tuned AUROC ${fmt(fine.auroc)} vs from scratch ${fmt(fromScratch.auroc)} on ${fine.n} test rows · ${t.seconds.toFixed(1)} s`,
  );
  assert.ok(fine.auroc > fromScratch.auroc + 0.05, JSON.stringify({ fine, fromScratch }));
});

test('helix.load opens every kind of saved file by its format', async () => {
  const helix = await engine();
  const model = helix.createModel('mlp');
  const again = helix.load(model.save());
  assert.deepEqual(again.spec, model.spec);
  model.dispose();
  again.dispose();
  const gan = helix.createGan('gan-dna');
  const ganAgain = helix.load(gan.save());
  assert.deepEqual(ganAgain.spec, gan.spec);
  gan.dispose();
  ganAgain.dispose();
  assert.throws(() => helix.load('{"format": "helix-vae"}'), /format: 'helix-vae' is not one of: helix-model/);
  assert.throws(() => helix.load('nope'), /not a Helix model file/);
});
