// tests/wasm/data.test.mjs: what a paste becomes, and how bad input is reported through the JS API.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HelixInputError } from '../../js/helix.js';
import { engine } from './helpers.mjs';

test('parseSequences reads multi-line lowercase FASTA with Windows line ends', async () => {
  const helix = await engine();
  const r = helix.parseSequences('>one desc\r\nacgt\r\nNNac\r\n>two\r\nGGGG\r\n');
  assert.equal(r.format, 'fasta');
  assert.deepEqual(r.ids, ['one', 'two']);
  assert.deepEqual(r.lengths, [8, 4]);
  assert.equal(r.errors.length, 0);
});

test('parseSequences reports the line and column of a bad base', async () => {
  const helix = await engine();
  const r = helix.parseSequences('>a\nACGT\nACJT\n');
  assert.equal(r.errors.length, 1);
  assert.equal(r.errors[0].line, 3);
  assert.equal(r.errors[0].column, 3);
  assert.match(r.errors[0].message, /line 3, column 3: 'J'/);
});

test('a table with a missing label names the line and the column', async () => {
  const helix = await engine();
  const r = helix.parseSequences('id,sequence,label\na,ACGT,1\nb,ACGT,\n', { requireLabels: true });
  assert.equal(r.errors[0].line, 3);
  assert.match(r.errors[0].message, /label/);
});

test('--label picks another 0/1 column', async () => {
  const helix = await engine();
  const r = helix.parseSequences('sequence\tbound\nACGT\t1\nTTTT\t0\n', { requireLabels: true, labelColumn: 'bound' });
  assert.equal(r.errors.length, 0);
  assert.equal(r.hasLabels, true);
});

test('one sequence per line is accepted for prediction', async () => {
  const helix = await engine();
  const r = helix.parseSequences('ACGTACGT\nGGGGCCCC\n');
  assert.equal(r.format, 'lines');
  assert.equal(r.count, 2);
});

test('predict throws a HelixInputError naming the line of a sequence too short for the model', async () => {
  const helix = await engine();
  const model = helix.createModel('cnn-binding');
  try {
    assert.throws(
      () => model.predict('>ok\nACGTACGTACGTACGT\n>short\nACGT\n'),
      (e) => {
        assert.ok(e instanceof HelixInputError);
        assert.equal(e.errors[0].line, 3);
        assert.match(e.errors[0].message, /4 bases is too short/);
        return true;
      },
    );
  } finally {
    model.dispose();
  }
});

test('a spec with a typo or a kernel longer than a fixed input is refused with the field named', async () => {
  const helix = await engine();
  const spec = structuredClone(helix.presets['cnn-binding']);
  spec.layers[0].kernal_size = 3;
  assert.throws(() => helix.createModel(spec), /layers\[0\]\.kernal_size: unknown field/);
  const fixed = {
    input: { length: 10 },
    layers: [{ type: 'conv1d', filters: 2, kernel_size: 20 }, { type: 'global_max_pool' }, { type: 'dense', units: 1 }],
  };
  assert.throws(() => helix.createModel(fixed), /kernel_size 20 is longer than its input \(10 positions\)/);
  assert.throws(() => helix.createModel('no-such-preset'), /not one of: cnn-binding/);
});

test('fixed-length models centre-crop and N-pad other lengths', async () => {
  const helix = await engine();
  const model = helix.createModel('mlp-onehot');
  try {
    const p = model.predict('>short\nACGTACGT\n>long\n' + 'A'.repeat(300) + '\n');
    assert.equal(p.length, 2);
    for (const r of p) assert.ok(r.probability >= 0 && r.probability <= 1);
  } finally {
    model.dispose();
  }
});
