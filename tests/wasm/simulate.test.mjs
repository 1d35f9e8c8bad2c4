// tests/wasm/simulate.test.mjs: every simulator kind through the JS API: its columns, its size, the
// same table for the same seed, and errors for options it cannot take.
import test from 'node:test';
import assert from 'node:assert/strict';
import { engine } from './helpers.mjs';

const rowsOf = (table) =>
  table
    .trim()
    .split('\n')
    .map((line) => line.split('\t'));

const KINDS = {
  'splice-features': [
    'id',
    'branch_point_distance',
    'log10_intron_length',
    'donor_score',
    'acceptor_score',
    'gc_content',
    'label',
  ],
  multitask: ['id', 'sequence', 'gata1', 'tal1'],
  multimodal: ['id', 'sequence', 'accessibility', 'conservation', 'label'],
  'transfer-pretrain': ['id', 'sequence', 'label'],
  'transfer-finetune': ['id', 'sequence', 'label'],
};

for (const [kind, columns] of Object.entries(KINDS)) {
  test(`simulate('${kind}') gives columns ${columns.join(', ')}, reproducibly by seed`, async () => {
    const helix = await engine();
    const table = helix.simulate(kind, { count: 50, seed: 4 });
    const rows = rowsOf(table);
    assert.deepEqual(rows[0], columns);
    assert.equal(rows.length, 51);
    for (const row of rows.slice(1)) assert.equal(row.length, columns.length);
    assert.equal(helix.simulate(kind, { count: 50, seed: 4 }), table);
    assert.notEqual(helix.simulate(kind, { count: 50, seed: 5 }), table);
  });
}

test('splice-features: numeric features, both labels, no sequences (length is refused)', async () => {
  const helix = await engine();
  const rows = rowsOf(helix.simulate('splice-features', { count: 400 })).slice(1);
  for (const row of rows) for (const v of row.slice(1)) assert.ok(Number.isFinite(Number(v)), v);
  const positives = rows.filter((r) => r.at(-1) === '1').length;
  assert.ok(positives > 120 && positives < 280, `${positives} spliced of 400`);
  assert.throws(() => helix.simulate('splice-features', { length: 50 }), /length: does not apply/);
});

test('multitask: 200 bp, overlapping labels, about 15% empty cells per task, --missing sets it', async () => {
  const helix = await engine();
  const rows = rowsOf(helix.simulate('multitask', { count: 1000 })).slice(1);
  assert.ok(rows.every((r) => r[1].length === 200));
  for (const column of [2, 3]) {
    const empty = rows.filter((r) => r[column] === '').length;
    assert.ok(empty > 110 && empty < 190, `${empty} empty cells of 1000`);
  }
  assert.ok(rows.some((r) => r[2] === '1' && r[3] === '1'));
  const none = rowsOf(helix.simulate('multitask', { count: 100, missing: 0 })).slice(1);
  assert.ok(none.every((r) => r[2] !== '' && r[3] !== ''));
  assert.throws(() => helix.simulate('multitask', { missing: 2 }), /missing: must be a number from 0 to 0.9/);
  assert.throws(() => helix.simulate('multitask', { length: 20 }), /length: must be an integer from 35/);
});

test('transfer: the fine-tuning set defaults to 200 rows; the pretraining set to 5000', async () => {
  const helix = await engine();
  assert.equal(rowsOf(helix.simulate('transfer-finetune')).length, 201);
  assert.equal(rowsOf(helix.simulate('transfer-pretrain', { count: 10 })).length, 11);
});

test('simulate names every kind when given an unknown one', async () => {
  const helix = await engine();
  assert.throws(
    () => helix.simulate('nonsense'),
    /not one of: motif-order, planted-motif, splice-features, multitask, multimodal, transfer-pretrain, transfer-finetune/,
  );
});
