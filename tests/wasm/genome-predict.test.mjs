// tests/wasm/genome-predict.test.mjs: `helix predict --bed regions --genome GENOME`: one BED6+ line per region,
// scored on the window of the model's length on its summit, with the probability `helix predict` gives the same
// bases as FASTA; a window that leaves its chromosome is an error at the region's line.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeGenomeFiles } from './genome-fixtures.mjs';
import { openGenome } from '../../js/genome/index.js';

const CLI = fileURLToPath(new URL('../../bin/helix.mjs', import.meta.url));
const helix = (...args) => spawnSync(process.execPath, [CLI, ...args, '--threads', '1'], { encoding: 'utf8' });
let files;
let model;
before(() => {
  files = makeGenomeFiles({ sizes: { chr1: 200_000, chr2: 150_000, chr3: 150_000 }, seed: 5, peaksPerChrom: 40 });
  const data = join(files.dir, 'd.tsv');
  const made = helix(
    'dataset',
    '--genome',
    files.fasta,
    '--peaks',
    files.narrowPeak,
    '--length',
    '200',
    '--valid',
    'chr2',
    '--test',
    'chr3',
    '--out',
    data,
    '-q',
  );
  assert.equal(made.status, 0, made.stderr);
  model = join(files.dir, 'm.json');
  const trained = helix('train', '--preset', 'cnn-binding', '--data', data, '--epochs', '1', '--out', model, '-q');
  assert.equal(trained.status, 0, trained.stderr);
});

test('a score per region, on the summit window, equal to helix predict on the same bases', async () => {
  const r = helix(
    'predict',
    '--model',
    model,
    '--bed',
    files.narrowPeak,
    '--genome',
    files.twoBit,
    '--length',
    '200',
    '-q',
  );
  assert.equal(r.status, 0, r.stderr);
  const [header, ...lines] = r.stdout.trimEnd().split('\n');
  assert.equal(header, '#chrom\tstart\tend\tname\tscore\tstrand\tprobability');
  assert.equal(lines.length, files.peaks.length);
  const genome = await openGenome(files.fasta);
  let fasta = '';
  lines.forEach((line, i) => {
    const [chrom, start, end, name, score, , p] = line.split('\t');
    const peak = files.peaks[i];
    assert.equal(chrom, peak.chrom);
    assert.equal(Number(start), peak.start + peak.peak - 100);
    assert.equal(Number(end) - Number(start), 200);
    assert.equal(name, `peak${i}`);
    assert.equal(Number(score), Math.round(Number(p) * 1000));
    fasta += `>${name}\n`;
  });
  const seqs = await Promise.all(
    lines.map((l) => l.split('\t')).map(([c, s, e]) => genome.sequence(c, Number(s), Number(e))),
  );
  const fastaPath = join(files.dir, 'windows.fa');
  writeFileSync(fastaPath, seqs.map((s, i) => `>peak${i}\n${s}\n`).join(''));
  const plain = helix('predict', '--model', model, '--input', fastaPath, '-q');
  assert.equal(plain.status, 0, plain.stderr);
  const want = plain.stdout
    .trimEnd()
    .split('\n')
    .slice(1)
    .map((l) => l.split('\t')[1]);
  assert.deepEqual(
    lines.map((l) => l.split('\t')[6]),
    want,
  );
});

test('--out writes the file; a window leaving its chromosome is an error at the region line', () => {
  const out = join(files.dir, 'scores.bed');
  assert.equal(
    helix(
      'predict',
      '--model',
      model,
      '--bed',
      files.narrowPeak,
      '--genome',
      files.fasta,
      '--length',
      '200',
      '--out',
      out,
      '-q',
    ).status,
    0,
  );
  assert.equal(readFileSync(out, 'utf8').trimEnd().split('\n').length, files.peaks.length + 1);
  const edge = join(files.dir, 'edge.bed');
  writeFileSync(edge, 'chr1\t1000\t1100\nchr2\t10\t60\n');
  const r = helix('predict', '--model', model, '--bed', edge, '--genome', files.fasta, '--length', '200', '-q');
  assert.equal(r.status, 1);
  assert.match(r.stderr, /edge\.bed: line 2, column 1: the 200-base window on chr2:10-60 leaves chr2/);
});

test(
  'helix train --genome: trains on the training and validation chromosomes and scores the held-out ones',
  { timeout: 300_000 },
  () => {
    const planted = makeGenomeFiles({
      sizes: { chr1: 300_000, chr2: 250_000, chr3: 200_000, chr4: 200_000 },
      seed: 13,
      peaksPerChrom: 150,
      motif: 'AGATAAGG',
    });
    const out = join(planted.dir, 'model.json');
    const r = helix(
      'train',
      '--preset',
      'cnn-binding',
      '--genome',
      planted.fasta,
      '--peaks',
      planted.narrowPeak,
      '--length',
      '200',
      '--valid',
      'chr3',
      '--test',
      'chr4',
      '--epochs',
      '8',
      '--seed',
      '2',
      '--out',
      out,
    );
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /windows \(positives \+ negatives\): train \d+ \+ \d+, valid \d+ \+ \d+, test \d+ \+ \d+/);
    const heldOut = /held-out chromosomes chr4 \((\d+) windows\): accuracy [\d.]+, AUROC ([\d.]+)/.exec(r.stderr);
    assert.ok(heldOut, r.stderr);
    assert.ok(Number(heldOut[2]) > 0.8, `held-out chromosome AUROC ${heldOut[2]}`);
    const saved = JSON.parse(readFileSync(out, 'utf8'));
    assert.deepEqual(saved.metadata.dataset.options.test, ['chr4']);
  },
);
