// tests/web/profile-family.test.mjs: the page's profile family in Node: which specs it claims, the regions its
// tracks view shows from a run's summary (ids from the table), and its status line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import profile, { profileRegions, rowIds } from '../../web/families/profile.js';
import { familyOf, DEFAULT_EXAMPLE } from '../../web/families/index.js';
import { PRESETS } from '../../js/presets.js';

test('specs with a multinomial_nll head are profile models, whatever their other heads', () => {
  assert.equal(familyOf(PRESETS['bpnet-profile']), 'profile');
  assert.equal(familyOf(PRESETS['regression-activity']), 'regression');
  assert.equal(familyOf({ layers: [], heads: [{ name: 'p', loss: 'multinomial_nll', columns: ['c'] }] }), 'profile');
  assert.equal(DEFAULT_EXAMPLE['bpnet-profile'], 'profile');
});

test('the regions are the test tracks of the profile head, named by the table row they came from', () => {
  const table = 'id\tsequence\tcounts_plus\tcounts_minus\nr1\tACGT\t1,2\t0,1\nr2\tACGT\t3,0\t1,1\nr3\tACGT\t0,0\t5,1\n';
  assert.deepEqual(rowIds(table), ['r1', 'r2', 'r3']);
  assert.deepEqual(rowIds('sequence\nACGT\nACGT\n'), ['seq1', 'seq2']);
  const track = {
    record: 2,
    observed: [
      [0, 0],
      [5, 1],
    ],
    predicted: [
      [0.5, 0.5],
      [0.8, 0.2],
    ],
    pearson: 0.7,
    jsd: 0.2,
    observedCount: 6,
    predictedCount: 5.5,
  };
  const summary = { test: { heads: { profile: { tracks: [track] }, counts: { pearson: 0.8 } } } };
  const [region] = profileRegions(summary, PRESETS['bpnet-profile'], rowIds(table));
  assert.equal(region.id, 'r3');
  assert.deepEqual(region.observed, { plus: [0, 0], minus: [5, 1] });
  assert.deepEqual(region.predicted, { plus: [0.5, 0.5], minus: [0.8, 0.2] });
  assert.deepEqual(region.metrics, { pearson: 0.7, jsd: 0.2, predictedCount: 5.5, observedCount: 6 });
  assert.deepEqual(profileRegions({ test: { n: 0 } }, PRESETS['bpnet-profile']), []);
});

test('the status line gives the profile Pearson beside the average profile, and the count Pearson', () => {
  const line = profile.trainedMessage(
    {
      test: {
        heads: {
          profile: { profile_pearson: 0.7512, baseline: { profile_pearson: 0.21 }, signal_regions: 160 },
          counts: { pearson: 0.83 },
        },
      },
    },
    95,
  );
  assert.match(line, /0\.751/);
  assert.match(line, /0\.210/);
  assert.match(line, /0\.830/);
  assert.match(line, /160/);
});
