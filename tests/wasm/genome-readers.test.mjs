// tests/wasm/genome-readers.test.mjs: the genome readers of js/genome against the tools people trust, on a
// random genome made in a temp dir: bases of 1,000 random regions, both strands, from FASTA, bgzip FASTA and
// 2bit equal `samtools faidx` (-i for the minus strand); bigWig means and per-base values equal pyBigWig's;
// regions files are read with their summits; chromosome names match exactly, with near misses named.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeGenomeFiles, PYTHON } from './genome-fixtures.mjs';
import { openGenome, openBigWig, readRegions, buildFastaIndex, nearMisses } from '../../js/genome/index.js';
import { seededRandom, randomInt } from '../../js/genome/random.js';

const SIZES = { chr1: 120_000, chr2: 90_000, chr10: 60_000, chrX: 30_001 };
let files;
let regions; // 1,000 random [chrom, start, end, strand]
before(() => {
  files = makeGenomeFiles({ sizes: SIZES, seed: 11 });
  const random = seededRandom(5);
  const names = Object.keys(SIZES);
  regions = Array.from({ length: 1000 }, () => {
    const chrom = names[randomInt(random, names.length)];
    const len = 1 + randomInt(random, 700);
    const start = randomInt(random, SIZES[chrom] - len + 1);
    return [chrom, start, start + len, random() < 0.5 ? '+' : '-'];
  });
});

// samtools faidx's bases for `regions` (1-based inclusive region strings), upper case, one string per region.
function samtoolsBases(fasta, list, minus) {
  const regionFile = join(files.dir, `regions-${minus ? 'minus' : 'plus'}.txt`);
  writeFileSync(regionFile, list.map(([c, s, e]) => `${c}:${s + 1}-${e}\n`).join(''));
  const out = execFileSync('samtools', ['faidx', ...(minus ? ['-i'] : []), '-r', regionFile, fasta], {
    maxBuffer: 1 << 28,
  }).toString();
  return out
    .split('>')
    .slice(1)
    .map((rec) => rec.split('\n').slice(1).join('').toUpperCase());
}

for (const format of ['fasta', 'bgzip', 'twoBit']) {
  test(`${format}: 1,000 random regions on both strands equal samtools faidx`, async () => {
    const genome = await openGenome(files[format]);
    assert.deepEqual(Object.fromEntries(genome.sizes), SIZES);
    const plus = regions.filter((r) => r[3] === '+');
    const minus = regions.filter((r) => r[3] === '-');
    const want = [...samtoolsBases(files.fasta, plus, false), ...samtoolsBases(files.fasta, minus, true)];
    const got = await Promise.all([...plus, ...minus].map(([c, s, e, strand]) => genome.sequence(c, s, e, strand)));
    assert.equal(got.length, 1000);
    for (let i = 0; i < got.length; i++) assert.equal(got[i], want[i], `region ${i}`);
  });
}

test('bigWig window means and per-base values equal pyBigWig (uncovered bases as 0)', async () => {
  const signal = await openBigWig(files.bigWig);
  const windows = regions.slice(0, 300);
  const script = `
import sys, json, math, pyBigWig
bw = pyBigWig.open(sys.argv[1])
out = []
for c, s, e, _ in json.load(open(sys.argv[2])):
    v = [0.0 if math.isnan(x) else x for x in bw.values(c, s, e)]
    out.append([sum(v) / len(v), v[:20]])
print(json.dumps(out))`;
  const listFile = join(files.dir, 'windows.json');
  writeFileSync(listFile, JSON.stringify(windows));
  const want = JSON.parse(execFileSync(PYTHON, ['-c', script, files.bigWig, listFile], { maxBuffer: 1 << 28 }));
  for (let i = 0; i < windows.length; i++) {
    const [c, s, e] = windows[i];
    const mean = await signal.mean(c, s, e);
    assert.ok(
      Math.abs(mean - want[i][0]) <= 1e-5 * Math.max(1, Math.abs(want[i][0])),
      `${c}:${s}-${e}: ${mean} vs ${want[i][0]}`,
    );
    const values = await signal.values(c, s, Math.min(e, s + 20));
    assert.deepEqual(
      [...values].map((x) => x.toFixed(3)),
      want[i][1].map((x) => x.toFixed(3)),
      `${c}:${s}-${e} values`,
    );
  }
});

test('narrowPeak regions keep their summits; BED3 and BED6 (gzip) read too', async () => {
  const genome = await openGenome(files.fasta);
  const peaks = await readRegions(files.narrowPeak, genome);
  assert.equal(peaks.length, files.peaks.length);
  assert.deepEqual(
    peaks.map((p) => [p.chrom, p.start, p.end, p.peak]),
    files.peaks.map((p) => [p.chrom, p.start, p.end, p.peak]),
  );
  const bed6 = join(files.dir, 'regions.bed');
  writeFileSync(bed6, 'track name=x\n# comment\nchr1\t10\t20\ta\t0\t-\nchrX\t0\t30001\n\nchr2 5 9\n');
  execFileSync('gzip', ['-k', bed6]);
  for (const path of [bed6, `${bed6}.gz`]) {
    const got = await readRegions(path, genome);
    assert.deepEqual(
      got.map((r) => [r.chrom, r.start, r.end, r.strand, r.line]),
      [
        ['chr1', 10, 20, '-', 3],
        ['chrX', 0, 30001, '.', 4],
        ['chr2', 5, 9, '.', 6],
      ],
    );
  }
});

test('chromosome names match exactly; a miss names the near misses', async () => {
  const genome = await openGenome(files.twoBit);
  assert.deepEqual(nearMisses('1', genome.names), ['chr1']);
  assert.deepEqual(nearMisses('X', genome.names), ['chrX']);
  assert.deepEqual(nearMisses('CHR10', genome.names), ['chr10']);
  assert.throws(() => genome.length('10'), /'10' is not a chromosome of .*genome\.2bit: did you mean 'chr10'\?/);
  await assert.rejects(genome.sequence('chr1', 119_990, 120_001), /outside chr1 \(0-120000\)/);
});

test('buildFastaIndex writes the .fai samtools writes', async () => {
  const { readFileSync } = await import('node:fs');
  assert.equal(await buildFastaIndex(files.fasta), readFileSync(`${files.fasta}.fai`, 'utf8'));
});
