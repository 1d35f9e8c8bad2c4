// tests/web/regression-family.test.mjs: the page's regression family in Node: which specs it claims, the
// scatter's targets from a run's summary, the noise ceiling from a table's replicate columns, and its status line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import regression, { regressionTargets, replicateCeiling } from '../../web/families/regression.js';
import { familyOf } from '../../web/families/index.js';
import { PRESETS } from '../../js/presets.js';

test('specs whose heads all predict numbers are regression models; classifiers are not', () => {
  assert.equal(familyOf(PRESETS['regression-activity']), 'regression');
  assert.equal(familyOf(PRESETS['cnn-binding']), 'sequence');
  assert.equal(familyOf(PRESETS['cnn-multitask']), 'multitask');
  assert.equal(familyOf({ layers: [{ type: 'dense', units: 1 }], loss: 'mse' }), 'regression');
  assert.equal(
    familyOf({
      layers: [],
      heads: [
        { name: 'a', loss: 'mse' },
        { name: 'b', loss: 'bce_with_logits' },
      ],
    }),
    'multitask',
  );
});

test("the scatter's targets come from the test scores, one per head, with their points", () => {
  const summary = {
    test: {
      n: 3,
      heads: {
        dev: { pearson: 0.9, spearman: 0.8, points: { observed: [1, 2, 3], predicted: [1.1, 1.9, 3.2] } },
        hk: { pearson: 0.7, spearman: 0.6, points: { observed: [0, 1, 0], predicted: [0.2, 0.8, 0.1] } },
      },
    },
  };
  const targets = regressionTargets(summary, PRESETS['regression-activity']);
  assert.deepEqual(
    targets.map((t) => [t.name, t.pearson, t.observed.length]),
    [
      ['dev', 0.9, 3],
      ['hk', 0.7, 3],
    ],
  );
  // one head without "heads": the scores are the test's own
  const single = regressionTargets(
    { test: { pearson: 0.5, spearman: 0.4, points: { observed: [1, 2], predicted: [2, 1] } } },
    { layers: [], loss: 'mse' },
  );
  assert.deepEqual(
    single.map((t) => t.name),
    ['label'],
  );
  assert.deepEqual(regressionTargets({ test: { n: 0 } }, PRESETS['regression-activity']), []);
});

test('the noise ceiling is the Pearson r of a target and its _rep2 column', () => {
  const table = 'id\tsequence\tdev\tdev_rep2\na\tA\t1\t2\nb\tC\t2\t4\nc\tG\t3\t6\nd\tT\t4\t8.5\n';
  assert.ok(Math.abs(replicateCeiling(table, 'dev') - 0.9988) < 1e-3);
  assert.equal(replicateCeiling(table, 'hk'), undefined);
  assert.equal(replicateCeiling('id,dev\na,1\n', 'dev'), undefined);
});

test('the status line after a run names each target with its test Pearson r', () => {
  const line = regression.trainedMessage(
    { test: { n: 400, heads: { dev: { pearson: 0.8123 }, hk: { pearson: 0.77 } } } },
    12,
  );
  assert.match(line, /dev 0\.812, hk 0\.770/);
  assert.match(line, /400/);
});
