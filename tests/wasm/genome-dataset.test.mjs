// tests/wasm/genome-dataset.test.mjs: datasets built from genome files (js/genome/dataset.js), on a random genome
// made in a temp dir: GC-matched negatives (KS statistic ≤ 0.05), splits by chromosome, N-heavy windows dropped
// and counted, dinucleotide-shuffled negatives, bigWig targets, and byte-identical output for one seed, through
// the JS API and `helix dataset`.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync, appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeGenomeFiles } from './genome-fixtures.mjs';
import { buildDataset, ksStatistic, dinucleotideShuffle } from '../../js/genome/index.js';
import { seededRandom } from '../../js/genome/random.js';

const CLI = fileURLToPath(new URL('../../bin/helix.mjs', import.meta.url));
const SIZES = { chr1: 400_000, chr2: 300_000, chr3: 250_000, chr4: 250_000, chr5: 200_000 };
const SPLIT = { valid: ['chr3'], test: ['chr4', 'chr5'] };
let files;
before(() => {
  files = makeGenomeFiles({ sizes: SIZES, seed: 21, peaksPerChrom: 120 });
});

const rowsOf = (table) => {
  const [header, ...lines] = table.replace(/\n$/, '').split('\n');
  const cols = header.split('\t');
  return lines.map((l) => Object.fromEntries(l.split('\t').map((v, i) => [cols[i], v])));
};
const gcOf = (s) => {
  const acgt = s.replace(/[^ACGT]/g, '').length;
  return acgt ? s.replace(/[^GC]/g, '').length / acgt : 0;
};

test('GC-matched negatives: KS statistic between positive and negative GC ≤ 0.05, none on a peak', async () => {
  const { table, manifest } = await buildDataset({
    genome: files.fasta,
    peaks: files.narrowPeak,
    length: 400,
    ...SPLIT,
    seed: 4,
  });
  const rows = rowsOf(table);
  const pos = rows.filter((r) => r.label === '1').map((r) => gcOf(r.sequence));
  const neg = rows.filter((r) => r.label === '0').map((r) => gcOf(r.sequence));
  assert.ok(pos.length > 400, `${pos.length} positives`);
  assert.equal(neg.length, pos.length, 'one negative per positive');
  const ks = ksStatistic(pos, neg);
  assert.ok(ks <= 0.05, `KS ${ks}`);
  assert.equal(manifest.gc.ks, Number(ks.toFixed(6)));
  // The genome's own GC (0.3-0.7 per stretch) is far from the peaks' (> 0.55): matching did something.
  const background = rows.filter((r) => r.label === '0').length;
  assert.ok(background > 0);
  for (const r of rows.filter((x) => x.label === '0')) {
    const overlaps = files.peaks.some((p) => p.chrom === r.chrom && p.start < Number(r.end) && p.end > Number(r.start));
    assert.ok(!overlaps, `negative ${r.id} overlaps a peak`);
  }
});

test('splits by chromosome: no test or validation window on a training chromosome, counts per split', async () => {
  const { table, manifest } = await buildDataset({
    genome: files.twoBit,
    peaks: files.narrowPeak,
    length: 300,
    ...SPLIT,
  });
  const rows = rowsOf(table);
  const want = (chrom) => (SPLIT.test.includes(chrom) ? 'test' : SPLIT.valid.includes(chrom) ? 'valid' : 'train');
  for (const r of rows) assert.equal(r.split, want(r.chrom), `${r.id} in ${r.split}`);
  const trainChroms = new Set(rows.filter((r) => r.split === 'train').map((r) => r.chrom));
  for (const r of rows.filter((x) => x.split !== 'train')) assert.ok(!trainChroms.has(r.chrom));
  for (const split of ['train', 'valid', 'test']) {
    const n = (label) => rows.filter((r) => r.split === split && r.label === label).length;
    assert.deepEqual(manifest.counts[split], { positives: n('1'), negatives: n('0') });
    assert.ok(n('1') > 0, `${split} has positives`);
  }
});

test('the same seed gives the same table and manifest byte for byte (FASTA, bgzip, 2bit agree); another seed does not', async () => {
  const build = (genome, seed) =>
    buildDataset({ genome, peaks: files.narrowPeak, bigwig: files.bigWig, length: 250, ...SPLIT, seed });
  const a = await build(files.fasta, 9);
  const b = await build(files.fasta, 9);
  assert.equal(a.table, b.table);
  assert.equal(JSON.stringify(a.manifest), JSON.stringify(b.manifest));
  assert.equal((await build(files.twoBit, 9)).table, a.table);
  assert.equal((await build(files.bgzip, 9)).table, a.table);
  assert.notEqual((await build(files.fasta, 10)).table, a.table);
});

test('windows with more Ns than maxN are dropped and counted', async () => {
  const peaks = join(files.dir, 'n-peaks.bed');
  const nRun = files.chroms.chr1.indexOf('N'.repeat(500));
  assert.ok(nRun > 0, 'the test genome has an N run on chr1');
  writeFileSync(peaks, `chr1\t${nRun}\t${nRun + 100}\nchr1\t${nRun + 2000}\t${nRun + 2100}\n`);
  appendFileSync(peaks, readFileSync(files.narrowPeak, 'utf8'));
  const { manifest, table } = await buildDataset({ genome: files.fasta, peaks, length: 200, ...SPLIT, maxN: 0.1 });
  const rows = rowsOf(table);
  assert.ok(manifest.dropped.tooManyN.positives >= 1);
  for (const r of rows) assert.ok(r.sequence.split('N').length - 1 <= 20, `${r.chrom}:${r.start} has too many N`);
  const all = await buildDataset({ genome: files.fasta, peaks, length: 200, ...SPLIT, maxN: 1 });
  assert.equal(all.manifest.dropped.tooManyN.positives, 0);
});

test('shuffled negatives keep each positive dinucleotide counts; bigWig columns hold window means', async () => {
  const { table } = await buildDataset({
    genome: files.fasta,
    peaks: files.narrowPeak,
    bigwig: files.bigWig,
    length: 200,
    ...SPLIT,
    negatives: 'shuffle',
  });
  const pairs = (s) => {
    const m = {};
    for (let i = 0; i + 1 < s.length; i++) m[s.slice(i, i + 2)] = (m[s.slice(i, i + 2)] ?? 0) + 1;
    return m;
  };
  const rows = rowsOf(table);
  const pos = rows.filter((r) => r.label === '1');
  const neg = rows.filter((r) => r.label === '0');
  assert.equal(neg.length, pos.length);
  for (let i = 0; i < pos.length; i++) {
    assert.deepEqual(pairs(neg[i].sequence), pairs(pos[i].sequence));
    assert.notEqual(neg[i].sequence, pos[i].sequence);
    assert.equal(neg[i].id, `${pos[i].id}/shuffle1`);
    assert.equal(neg[i].signal, '', 'a shuffled window has no signal');
    assert.ok(Number.isFinite(Number(pos[i].signal)) && pos[i].signal !== '');
  }
  const s = dinucleotideShuffle('ACGTTGCAACGGTACCA', seededRandom(1));
  assert.deepEqual(pairs(s), pairs('ACGTTGCAACGGTACCA'));
});

test('augmentation from the genome: --shift adds each training window moved 1..S bases (real windows), --reverse-complement its other strand', async () => {
  const base = { genome: files.twoBit, peaks: files.narrowPeak, length: 150, ...SPLIT, negatives: 'shuffle', seed: 5 };
  const plain = rowsOf((await buildDataset(base)).table);
  const { table, manifest } = await buildDataset({ ...base, shift: 20, reverseComplement: true });
  const rows = rowsOf(table);
  const shifted = rows.filter((r) => r.id.includes('/shift') && r.strand === '+');
  const trainOfGenome = plain.filter((r) => r.split === 'train' && !r.id.includes('/shuffle'));
  // One moved copy of each (a copy leaving its chromosome or heavy in N is dropped).
  assert.ok(
    shifted.length <= trainOfGenome.length && shifted.length >= 0.9 * trainOfGenome.length,
    `${shifted.length}`,
  );
  for (const r of shifted) {
    const by = Number(/\/shift([+-]\d+)/.exec(r.id)[1]);
    assert.ok(Math.abs(by) >= 1 && Math.abs(by) <= 20 && r.split === 'train');
    const bases = files.chroms[r.chrom].slice(Number(r.start), Number(r.end)).toUpperCase();
    if (r.strand === '+') assert.equal(r.sequence, bases, r.id);
  }
  // Validation and test rows are never augmented; each training row also has its reverse complement.
  for (const s of ['valid', 'test'])
    assert.equal(rows.filter((r) => r.split === s).length, plain.filter((r) => r.split === s).length);
  const train = rows.filter((r) => r.split === 'train');
  assert.equal(train.filter((r) => r.strand === '-').length, train.length / 2);
  assert.equal(manifest.options.shift, 20);
});

test('helix dataset writes the table and its manifest; a second run is byte-identical', () => {
  const run = (out, ...more) =>
    spawnSync(
      process.execPath,
      [
        CLI,
        'dataset',
        '--genome',
        files.bgzip,
        '--peaks',
        files.narrowPeak,
        '--bigwig',
        files.bigWig,
        '--length',
        '300',
        '--valid',
        'chr3',
        '--test',
        'chr4,chr5',
        '--seed',
        '3',
        '--out',
        out,
        ...more,
      ],
      { encoding: 'utf8' },
    );
  const r1 = run(join(files.dir, 'a.tsv'));
  assert.equal(r1.status, 0, r1.stderr);
  assert.match(r1.stderr, /windows \(positives \+ negatives\): train \d+ \+ \d+, valid \d+ \+ \d+, test \d+ \+ \d+/);
  const table = readFileSync(join(files.dir, 'a.tsv'), 'utf8');
  const manifest = JSON.parse(readFileSync(join(files.dir, 'a.manifest.json'), 'utf8'));
  assert.equal(table.split('\n')[0], 'id\tchrom\tstart\tend\tstrand\tsplit\tsequence\tlabel\tsignal');
  assert.equal(manifest.table.file, 'a.tsv');
  assert.equal(manifest.inputs.genome.format, 'bgzip-fasta');
  assert.equal(manifest.inputs.genome.sha256, execFileSync('sha256sum', [files.bgzip]).toString().split(' ')[0]);
  assert.ok(manifest.gc.ks <= 0.05);
  const r2 = run(join(files.dir, 'b.tsv'), '--split-files');
  assert.equal(r2.status, 0, r2.stderr);
  assert.equal(readFileSync(join(files.dir, 'b.tsv'), 'utf8'), table);
  const m2 = JSON.parse(readFileSync(join(files.dir, 'b.manifest.json'), 'utf8'));
  assert.deepEqual(
    { ...m2, table: { ...m2.table, file: 'a.tsv' }, splitFiles: undefined },
    { ...manifest, splitFiles: undefined },
  );
  // --split-files: one table per split, each with the header, together the rows of the whole table.
  const parts = ['train', 'valid', 'test'].map((s) => readFileSync(join(files.dir, `b.${s}.tsv`), 'utf8'));
  const header = table.split('\n')[0];
  for (const [k, s] of ['train', 'valid', 'test'].entries()) {
    const lines = parts[k].trimEnd().split('\n');
    assert.equal(lines[0], header);
    assert.ok(lines.slice(1).every((l) => l.split('\t')[5] === s));
    assert.equal(m2.splitFiles[s].rows, lines.length - 1);
  }
  assert.equal(
    parts.reduce((a, p) => a + p.trimEnd().split('\n').length - 1, 0),
    table.trimEnd().split('\n').length - 1,
  );
});
