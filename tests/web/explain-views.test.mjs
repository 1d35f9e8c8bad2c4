// tests/web/explain-views.test.mjs: the pure parts of the explain panel, in Node without a browser: which
// record of a paste a prediction row is, the position window, the letters of the attribution track, the
// letter heights of filter logos, the order of filters and the TSV exports.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { recordText } from '../../web/record-text.js';
import { moveWindow, initialWindow } from '../../web/views/position-window.js';
import { trackLetters, strongestPosition, formatValue } from '../../web/views/attribution-track.js';
import { rulerTicks, tickStep, GLYPHS } from '../../web/views/logo-glyphs.js';
import { largestChange, changeColor } from '../../web/views/ism-map.js';
import { informationContent, logoColumns, sortFilters, matchesTsv } from '../../web/views/filter-logos.js';
import { variantsTsv } from '../../web/views/variant-table.js';
import { fileSafe } from '../../web/views/explain-panel.js';

test('recordText cuts one FASTA record, header and all lines', () => {
  const fasta = '>a\nACGT\nAC\n>b desc\nGGGG\n\n>c\nTT\n';
  assert.equal(recordText(fasta, 1, 'b'), '>b desc\nGGGG\n\n');
  assert.equal(recordText(fasta, 0, 'a'), '>a\nACGT\nAC\n');
  assert.equal(recordText(fasta, 3, 'd'), null);
});

test('recordText keeps a table header with its row, skipping blank lines', () => {
  const table = 'id\tsequence\taccessibility\nx\tACGT\t0.5\n\ny\tGGCC\t0.1\n';
  assert.equal(recordText(table, 1, 'y'), 'id\tsequence\taccessibility\ny\tGGCC\t0.1\n');
  assert.equal(recordText('sequence,label\nACGT,1\n', 0, 'seq1'), 'sequence,label\nACGT,1\n');
});

test('recordText names a bare line with the row id, as FASTA', () => {
  assert.equal(recordText('ACGT\n\nGGCC\n', 1, 'seq2'), '>seq2\nGGCC\n');
  assert.equal(recordText('  \n', 0, 'seq1'), null);
});

test('the position window zooms around its centre and never leaves the sequence', () => {
  assert.deepEqual(initialWindow(101), { start: 0, size: 101 });
  assert.deepEqual(initialWindow(1000), { start: 0, size: 250 });
  assert.deepEqual(initialWindow(101, 60), { start: 0, size: 60 }); // a narrow screen
  assert.deepEqual(initialWindow(101, 3), { start: 0, size: 10 });
  assert.deepEqual(moveWindow({ start: 0, size: 100 }, 100, 'in'), { start: 25, size: 50 });
  assert.deepEqual(moveWindow({ start: 25, size: 50 }, 100, 'out'), { start: 0, size: 100 });
  assert.deepEqual(moveWindow({ start: 0, size: 20 }, 100, 'left'), { start: 0, size: 20 });
  assert.deepEqual(moveWindow({ start: 75, size: 20 }, 100, 'right'), { start: 80, size: 20 });
  assert.deepEqual(moveWindow({ start: 40, size: 10 }, 100, 'in'), { start: 40, size: 10 }); // 10 positions at least
  assert.deepEqual(moveWindow({ start: 0, size: 6 }, 6, 'in'), { start: 0, size: 6 }); // a sequence shorter than that
  assert.deepEqual(moveWindow({ start: 30, size: 10 }, 100, 'all'), { start: 0, size: 100 });
});

test('track letters: height share of the largest |attribution|, sign picks the side, N and zero draw nothing', () => {
  const { letters, max } = trackLetters('ACNGt', [0.5, -1, 2, 0, 0.25], 0, 5);
  assert.equal(max, 2); // the N's attribution still sets the scale: the scale is the whole sequence's
  assert.deepEqual(
    letters.map((l) => [l.position, l.base, l.up, l.share]),
    [
      [1, 'A', true, 0.25],
      [2, 'C', false, 0.5],
      [5, 'T', true, 0.125],
    ],
  );
  assert.deepEqual(
    trackLetters('ACGT', [1, 2, 3, 4], 2, 4).letters.map((l) => l.column),
    [0, 1],
  );
  assert.equal(strongestPosition([0.1, -0.9, 0.5]), 2);
  assert.equal(trackLetters('AC', [0, 0], 0, 2).max, 1); // all-zero attributions: no division by zero
});

test('rulers label the first position and round steps', () => {
  assert.equal(tickStep(101), 20);
  assert.equal(tickStep(30), 5);
  assert.deepEqual(rulerTicks(0, 101), [1, 20, 40, 60, 80, 100]);
  assert.deepEqual(rulerTicks(42, 62), [43, 44, 46, 48, 50, 52, 54, 56, 58, 60, 62]);
});

test('glyphs stay inside their 100 × 100 box', () => {
  for (const [base, d] of Object.entries(GLYPHS)) {
    const numbers = d.match(/-?\d+(\.\d+)?/g).map(Number);
    assert.ok(
      numbers.every((v) => v >= 0 && v <= 100),
      `${base}: ${d}`,
    );
  }
});

test('ISM colours: white at no change, symmetric scale', () => {
  assert.equal(
    largestChange([
      [0, -0.5, 0.2, 0],
      [0.1, 0, 0, 0],
    ]),
    0.5,
  );
  assert.equal(changeColor(0, 0.5), 'rgb(247,247,247)');
  assert.notEqual(changeColor(-0.5, 0.5), changeColor(0.5, 0.5));
});

test('logo letters are frequency × information content, the commonest on top', () => {
  assert.equal(informationContent([1, 0, 0, 0]), 2);
  assert.equal(informationContent([0.25, 0.25, 0.25, 0.25]), 0);
  const [column] = logoColumns([[0.5, 0.5, 0, 0]]);
  assert.deepEqual(column.map((l) => l.base).slice(2), ['A', 'C']);
  assert.deepEqual(
    column.map((l) => l.bits),
    [0, 0, 0.5, 0.5],
  );
  assert.equal(logoColumns([[0.7, 0.1, 0.1, 0.1]], [1.5])[0][3].bits, 0.7 * 1.5); // the engine's IC when given
});

test('filters sort by best match score, unmatched last by information content', () => {
  const filters = [
    { index: 0, name: 'conv1/0', informationContent: 9, matches: [] },
    { index: 1, name: 'conv1/1', informationContent: 4, matches: [{ score: 0.6 }, { score: 0.5 }] },
    { index: 2, name: 'conv1/2', informationContent: 5, matches: [{ score: 0.9 }] },
    { index: 3, name: 'conv1/3', informationContent: 12 },
  ];
  assert.deepEqual(
    sortFilters(filters).map((f) => f.index),
    [2, 1, 3, 0],
  );
});

test('TSV exports keep ids with tabs or newlines in one cell', () => {
  const tsv = matchesTsv([
    {
      name: 'conv1/0',
      consensus: 'GATAA',
      sites: 40,
      informationContent: 7.5,
      matches: [{ id: 'MA0035.4', name: 'Gata1\tx', score: 0.9, strand: '-', offset: 1 }],
    },
  ]);
  assert.equal(tsv.split('\n')[1], 'conv1/0\tGATAA\t40\t7.5\t1\tMA0035.4\tGata1 x\t0.9\t-\t1');
  const variants = variantsTsv([
    {
      id: 'rs\n1',
      position: 5,
      ref: 'A',
      alt: 'G',
      refScore: 0.8,
      altScore: 0.2,
      difference: -0.6,
      logOddsRatio: -2.77,
    },
  ]);
  assert.equal(variants.split('\n')[1], 'rs 1\t5\tA\tG\t0.8\t0.2\t-0.6\t-2.77');
  assert.equal(fileSafe('peak <a>/b'), 'peak_a_b');
  assert.equal(formatValue(0.01234), '0.012');
});
