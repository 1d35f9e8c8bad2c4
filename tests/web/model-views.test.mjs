// tests/web/model-views.test.mjs: the pure parts of the views of issue 20's model kinds, in Node without a
// browser: round ticks and domains, binning and the strongest links of an attention map, the geometry and
// scale of profile tracks, the thinning and range of the regression scatter, the masked-token verdict, the
// TSV exports, and that every text the four views show has an entry in the string table.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { en } from '../../web/strings.js';
import { niceStep, niceTicks, roundedDomain, linearScale, polyline, tickLabels } from '../../web/views/chart-axes.js';
import {
  binAttention,
  strongestLinks,
  attentionTsv,
  weightColor,
  linkDistance,
} from '../../web/views/attention-map.js';
import {
  expectedCounts,
  profileScale,
  strandGeometry,
  barRects,
  linePath,
  profileTsv,
} from '../../web/views/profile-tracks.js';
import {
  thinPoints,
  niceTicks as scatterTicks,
  pairedIndices,
  scatterDomain,
  scatterTsv,
} from '../../web/views/regression-scatter.js';
import { verdict, accuracyDomain, accuracyTsv } from '../../web/views/token-accuracy.js';

const close = (a, b, eps = 1e-9) => assert.ok(Math.abs(a - b) <= eps, `${a} != ${b}`);

test('nice ticks: round steps inside the range, exact decimals, about `count` of them', () => {
  assert.deepEqual(niceTicks(0, 0.93, 4), [0, 0.2, 0.4, 0.6, 0.8]);
  assert.deepEqual(niceTicks(-3.2, 7.9, 5), [-2, 0, 2, 4, 6]);
  assert.deepEqual(niceTicks(0.1, 0.3, 2), [0.1, 0.2, 0.3]); // not 0.30000000000000004
  assert.deepEqual(niceTicks(7.9, -3.2, 5), [-2, 0, 2, 4, 6]); // bounds in either order
  assert.deepEqual(niceTicks(2, 2), [2]);
  assert.deepEqual(niceTicks(0, NaN), []);
  assert.equal(niceStep(0, 37, 3), 10);
  assert.equal(scatterTicks, niceTicks); // the scatter's export is the shared function
  assert.deepEqual(tickLabels([0, 0.25, 0.5]), ['0.00', '0.25', '0.50']);
  assert.deepEqual(tickLabels([0, 20, 40]), ['0', '20', '40']);
  assert.deepEqual(tickLabels(niceTicks(0.3, 0.42, 4)), ['0.30', '0.32', '0.34', '0.36', '0.38', '0.40', '0.42']);
});

test('rounded domains reach the round ticks around the data', () => {
  assert.deepEqual(roundedDomain(0, 0.93), [0, 1]);
  assert.deepEqual(roundedDomain(0.312, 0.417, 4), [0.3, 0.42]);
  assert.deepEqual(roundedDomain(-1.7, 3.2), [-2, 4]);
  assert.deepEqual(roundedDomain(3, 3), [2.5, 3.5]);
  const y = linearScale([0, 10], [200, 0]);
  assert.equal(y(0), 200);
  assert.equal(y(2.5), 150);
  assert.equal(
    polyline([
      [0, 1],
      [2, NaN],
      [3, 4],
      [5, 6],
    ]),
    'M0.00,1.00 M3.00,4.00 L5.00,6.00',
  );
});

// A row-stochastic L × L map: every row spreads `rest` evenly, plus `planted` {query: [key, weight]} (0-based).
function attentionMatrix(L, planted = {}, self = 0) {
  const w = new Float32Array(L * L);
  for (let q = 0; q < L; q++) {
    const [key, weight] = planted[q] ?? [-1, 0];
    const rest = (1 - weight - self) / L;
    for (let k = 0; k < L; k++) w[q * L + k] = rest + (k === key ? weight : 0) + (k === q ? self : 0);
  }
  return w;
}

test('binAttention averages blocks into at most maxCells per side, keeping each row a distribution', () => {
  const small = Float32Array.from([1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0.5, 0.5, 0.25, 0.25, 0.25, 0.25]);
  const two = binAttention(small, 4, 2);
  assert.equal(two.n, 2);
  assert.deepEqual(two.edges, [0, 2, 4]);
  assert.deepEqual(Array.from(two.cells), [0.5, 0, 0.125, 0.375]);
  assert.equal(two.max, 0.5);
  const same = binAttention(small, 4, 100); // shorter than the cap: one cell per position
  assert.equal(same.n, 4);
  assert.deepEqual(Array.from(same.cells), Array.from(small));

  const L = 250;
  const binned = binAttention(attentionMatrix(L, { 44: [144, 0.5] }, 0.2), L);
  assert.equal(binned.n, 100);
  assert.equal(binned.edges[0], 0);
  assert.equal(binned.edges[100], L);
  for (let a = 0; a < binned.n; a++) {
    let mass = 0; // the mean row of the block, summed over keys
    for (let b = 0; b < binned.n; b++) mass += binned.cells[a * binned.n + b] * (binned.edges[b + 1] - binned.edges[b]);
    close(mass, 1, 1e-4);
  }
  assert.throws(() => binAttention(new Float32Array(10), 4), RangeError);
});

test('strongestLinks names distant links, strongest first, never the diagonal nor the same pair twice', () => {
  const L = 200;
  const w = attentionMatrix(
    L,
    { 44: [144, 0.42], 45: [145, 0.4], 119: [19, 0.35], 150: [153, 0.6] }, // 150 -> 153 is too close to count
    0.3,
  );
  const links = strongestLinks(w, L, 3, 5);
  assert.deepEqual(
    links.slice(0, 2).map((l) => [l.query, l.key, Math.round(l.weight * 100) / 100]),
    [
      [45, 145, 0.42],
      [120, 20, 0.35],
    ],
  );
  assert.equal(links.length, 2); // every other query spreads its weight evenly: no link
  assert.ok(links.every((l) => Math.abs(l.query - l.key) >= 5));
  assert.deepEqual(strongestLinks(attentionMatrix(50, {}, 0.5), 50, 3, 2), []); // only the diagonal stands out
  assert.ok(!links.some((l) => l.query === 46)); // 46 -> 146 is the pair 45 -> 145 again
  assert.equal(linkDistance(200), 4);
  assert.equal(linkDistance(1000), 20);
  assert.deepEqual(strongestLinks(new Float32Array([1]), 1, 3, 1), []);
});

test('attention colours run from white to orange at the largest cell; the TSV is the whole map', () => {
  assert.equal(weightColor(0, 0.4), 'rgb(247,247,247)');
  assert.equal(weightColor(0.4, 0.4), 'rgb(230,124,20)');
  assert.equal(weightColor(0.9, 0.4), 'rgb(230,124,20)'); // never past the scale's end
  assert.equal(
    attentionTsv(Float32Array.from([0.75, 0.25, 0.5, 0.5]), 2),
    'query\\key\t1\t2\n1\t0.75\t0.25\n2\t0.5\t0.5\n',
  );
});

test('expected counts: the profile times the predicted total, shared by both strands', () => {
  const counts = expectedCounts({ plus: [0.1, 0.3], minus: [0.4, 0.2] }, 50);
  assert.deepEqual(
    counts.plus.map((v) => Math.round(v * 1e9) / 1e9),
    [5, 15],
  );
  assert.deepEqual(
    counts.minus.map((v) => Math.round(v * 1e9) / 1e9),
    [20, 10],
  );
  const one = expectedCounts({ plus: [1, 3] }, 8); // weights that do not sum to 1 are normalised
  assert.deepEqual(one.plus, [2, 6]);
  assert.equal(one.minus, undefined);
  assert.deepEqual(expectedCounts({ plus: [2, 7] }).plus, [2, 7]); // no total: as given
  assert.deepEqual(expectedCounts({ plus: [0, 0] }, 5).plus, [0, 0]);
});

test('profile scale: one round top over both tracks and strands', () => {
  const scale = profileScale({ plus: [1, 2], minus: [3, 4] }, { plus: [5, 37], minus: [0, 0] });
  assert.equal(scale.top, 40);
  assert.deepEqual(scale.ticks, [0, 10, 20, 30, 40]);
  assert.equal(profileScale({ plus: [0] }, { plus: [0] }).top, 1); // nothing to draw: still a scale
});

test('bars and lines go up for the + strand and down for the − strand', () => {
  const up = strandGeometry({ left: 10, columnWidth: 4, zero: 100, height: 50, top: 10, up: true });
  const down = strandGeometry({ left: 10, columnWidth: 4, zero: 100, height: 50, top: 10, up: false });
  const bars = barRects([0, 5, 10], up);
  assert.deepEqual(
    bars.map((b) => [b.position, b.y, b.height]),
    [
      [1, 75, 25],
      [2, 50, 50],
    ],
  );
  close(bars[0].x, 14 + 0.28);
  close(bars[0].width, 3.44);
  assert.deepEqual(
    barRects([5], down).map((b) => [b.y, b.height]),
    [[100, 25]],
  );
  assert.equal(linePath([0, 10], up), 'M12.00,100.00 L16.00,50.00');
  assert.equal(linePath([0, 10], down), 'M12.00,100.00 L16.00,150.00');
});

test('profile TSV: one row per position, columns per strand shown', () => {
  assert.equal(
    profileTsv(99, { plus: [1.5, 2] }, { plus: [1, 3] }),
    'position\tobserved_plus\tpredicted_plus\n100\t1\t1.5\n101\t3\t2\n',
  );
  assert.equal(
    profileTsv(0, { plus: [1], minus: [2] }, { plus: [3], minus: [4] }).split('\n')[0],
    'position\tobserved_plus\tpredicted_plus\tobserved_minus\tpredicted_minus',
  );
});

test('thinPoints keeps every point up to the cap, then an even deterministic subset', () => {
  assert.deepEqual(thinPoints(5, 3000), [0, 1, 2, 3, 4]);
  const kept = thinPoints(10_000, 3000);
  assert.equal(kept.length, 3000);
  assert.equal(kept[0], 0);
  assert.ok(kept.every((v, i) => i === 0 || v > kept[i - 1]));
  assert.ok(kept[2999] < 10_000 && kept[2999] >= 9996);
  assert.deepEqual(thinPoints(10_000, 3000), kept);
  assert.deepEqual(thinPoints(0, 3000), []);
});

test('the scatter pairs finite values, shares one range for both axes and exports every point', () => {
  const target = { name: 'dev', observed: [0.5, NaN, 2.2, -1.3], predicted: [0.4, 1, Infinity, -0.8] };
  assert.deepEqual(pairedIndices(target), [0, 3]);
  assert.deepEqual(scatterDomain({ observed: [-1.3, 2.2], predicted: [0.4, 3.1] }), [-2, 4]);
  assert.deepEqual(scatterDomain({ observed: [], predicted: [] }), [0, 1]);
  assert.equal(scatterTsv({ observed: [1, 2], predicted: [1.5, 2.5] }), 'observed\tpredicted\n1\t1.5\n2\t2.5\n');
  assert.equal(
    scatterTsv({ ids: ['a', 'b'], observed: [1, 2], predicted: [1.5, 2.5] }),
    'id\tobserved\tpredicted\na\t1\t1.5\nb\t2\t2.5\n',
  );
});

test('the masked-token verdict compares the latest epoch with the Markov baseline', () => {
  const history = [
    { epoch: 1, accuracy: 0.3, loss: 1.3 },
    { epoch: 2, accuracy: 0.41, loss: 1.2 },
  ];
  assert.deepEqual(verdict(history, { order: 5, accuracy: 0.37 }), {
    epoch: 2,
    accuracy: 0.41,
    order: 5,
    baseline: 0.37,
    above: true,
  });
  assert.equal(verdict(history, { order: 3, accuracy: 0.45 }).above, false);
  assert.equal(verdict(history, { order: 3, accuracy: 0.41 }).above, false); // a tie does not beat it
  assert.equal(verdict(history).above, null);
  assert.equal(verdict([], { order: 5, accuracy: 0.37 }), null);
  assert.deepEqual(accuracyDomain(history, { accuracy: 0.37 }), [0.28, 0.42]); // 5% to spare, then round
  assert.deepEqual(accuracyDomain([{ epoch: 1, accuracy: 0.99 }], { accuracy: 0.02 }), [0, 1]);
  assert.equal(accuracyTsv(history), 'epoch\taccuracy\tloss\n1\t0.3\t1.3\n2\t0.41\t1.2\n');
});

test('every text the four views show has an English entry (t() keys, _plus/_minus variants, figure titles)', () => {
  const files = ['attention-map', 'profile-tracks', 'regression-scatter', 'token-accuracy', 'view-parts', 'chart-axes'];
  const missing = [];
  for (const name of files) {
    const source = readFileSync(new URL(`../../web/views/${name}.js`, import.meta.url), 'utf8');
    for (const [, key] of source.matchAll(/\bt\('(\w+)'/g)) if (!(key in en)) missing.push(`${name}: ${key}`);
    for (const [, prefix] of source.matchAll(/\bt\(`(\w+)\$\{s\}`/g))
      for (const strand of ['plus', 'minus']) if (!(prefix + strand in en)) missing.push(`${name}: ${prefix}${strand}`);
    for (const [, key] of source.matchAll(/option\('(\w+)'\)/g)) if (!(key in en)) missing.push(`${name}: ${key}`);
    for (const [, key] of source.matchAll(/figureShell\(\{\s*key: '(\w+)'/g))
      for (const part of ['Title', 'Intro']) if (!(key + part in en)) missing.push(`${name}: ${key}${part}`);
  }
  assert.deepEqual(missing, []);
});
