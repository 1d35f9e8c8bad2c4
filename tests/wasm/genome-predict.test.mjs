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

test('helix variants --vcf --genome: allele pairs centred on each variant, REF disagreements reported per variant', async () => {
  const s = files.chroms.chr1.toUpperCase();
  const at = (pos) => s[pos - 1];
  const other = (b) => (b === 'A' ? 'C' : 'A');
  const vcf = join(files.dir, 'calls.vcf');
  const lines = [
    '##fileformat=VCFv4.2',
    '##contig=<ID=chr1>',
    '#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO',
    `chr1\t5000\tsnv1\t${at(5000)}\t${other(at(5000))}\t.\tPASS\t.`,
    `chr1\t6000\tbadref\t${other(at(6000))}\tG\t.\tPASS\t.`,
    `chr1\t7000\tins\t${at(7000)}\t${at(7000)}GGGG\t.\tPASS\t.`,
    `chr1\t8000\tdel\t${s.slice(7999, 8005)}\t${at(8000)}\t.\tPASS\t.`,
    `chrZ\t100\tnochrom\tA\tC\t.\tPASS\t.`,
    `chr1\t9000\tsym\t${at(9000)}\t<DEL>\t.\tPASS\t.`,
    `chr1\t9500\tmulti\t${at(9500)}\t${other(at(9500))},T\t.\tPASS\t.`,
  ];
  writeFileSync(vcf, `${lines.join('\n')}\n`);
  const genome = await openGenome(files.fasta);
  const { vcfAllelePairs } = await import('../../js/genome/vcf-variants.js');
  const pairs = await vcfAllelePairs(vcf, genome, { length: 100 });
  assert.deepEqual(
    pairs.variants.map((v) => v.id),
    ['snv1', 'ins', 'del', 'multi:' + other(at(9500)), 'multi:T'].filter((id, i, a) => a.indexOf(id) === i),
  );
  assert.deepEqual(
    pairs.problems.map((p) => [p.line, p.field]),
    [
      [5, 'REF'],
      [8, 'CHROM'],
      [9, 'ALT'],
    ],
  );
  assert.match(
    pairs.problems[0].message,
    /line 5, column \d+: REF '.' disagrees with genome\.fa, which has '.' at chr1:6000/,
  );
  const rows = pairs.table
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split('\t'));
  for (const [, ref, alt] of rows) assert.deepEqual([ref.length, alt.length], [100, 100]);
  // The SNV: the reference window is the genome's, centred on the variant; the alternative differs there only.
  assert.equal(rows[0][1], s.slice(4999 - 50, 4999 + 50));
  assert.equal(rows[0][2], s.slice(4999 - 50, 4999) + other(at(5000)) + s.slice(5000, 4999 + 50));
  // The insertion: the allele in the middle, flanks from the genome.
  assert.equal(rows[1][2], s.slice(6999 - 48, 6999) + at(7000) + 'GGGG' + s.slice(7000, 7000 + 47));

  const r = helix('variants', '--model', model, '--vcf', vcf, '--genome', files.fasta, '--length', '100');
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /calls\.vcf: line 5, column \d+: REF '.' disagrees/);
  const [header, ...out] = r.stdout.trim().split('\n');
  assert.equal(header, 'id\tchrom\tpos\tref\talt\trefScore\taltScore\tdifference\tlogOddsRatio');
  assert.equal(out.length, pairs.variants.length);
});
