// tests/wasm/genome-fuzz.test.mjs: the genome readers on mangled files (the JS side of the fuzz targets): seeded
// random byte flips, cuts, insertions of tabs, newlines, signs and digits into a clean BED, narrowPeak, .fai,
// FASTA and .2bit (tests/bad-inputs/genome/), and a VCF. Every case either reads or throws HelixInputError naming the file:
// never another exception, never a hang.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HelixInputError } from '../../js/helix.js';
import { openGenome, readRegions, vcfAllelePairs } from '../../js/genome/index.js';
import { seededRandom, randomInt } from '../../js/genome/random.js';
import { corpusPath } from '../bad-inputs/surfaces.mjs';

const CASES = 300;
const NOISE = [...'\t\n\r -+.0123456789eNn#>', 'chr', 'track', '\u0000', '\u00e9'];

function mangle(bytes, random) {
  let b = Buffer.from(bytes);
  for (let k = 1 + randomInt(random, 4); k > 0; k--) {
    const at = randomInt(random, b.length + 1);
    const what = randomInt(random, 4);
    if (what === 0 && b.length) b[Math.min(at, b.length - 1)] = randomInt(random, 256);
    else if (what === 1)
      b = Buffer.concat([b.subarray(0, at), b.subarray(Math.min(b.length, at + randomInt(random, 20)))]);
    else b = Buffer.concat([b.subarray(0, at), Buffer.from(NOISE[randomInt(random, NOISE.length)]), b.subarray(at)]);
  }
  return b;
}

async function expectReadOrInputError(what, fn) {
  try {
    await fn();
  } catch (e) {
    assert.ok(e instanceof HelixInputError, `${what}: ${e.stack}`);
    assert.ok(e.file, `${what}: the error names its file`);
    for (const err of e.errors) assert.ok(err.line > 0 || err.field, `${what}: unlocated error ${err.message}`);
  }
}

test(`${CASES} mangled BED and narrowPeak files: read, or a HelixInputError at a line`, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'helix-genome-fuzz-'));
  const genome = await openGenome(corpusPath('genome/clean.fa'));
  const random = seededRandom(17);
  const sources = ['genome/clean.bed', 'genome/clean.narrowPeak'].map((f) => readFileSync(corpusPath(f)));
  for (let i = 0; i < CASES; i++) {
    const path = join(dir, `r${i}.bed`);
    writeFileSync(path, mangle(sources[i % 2], random));
    await expectReadOrInputError(`case ${i}`, () => readRegions(path, genome));
  }
});

test(`${CASES} mangled genomes (.fai beside a FASTA, FASTA, .2bit): open and read, or a HelixInputError`, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'helix-genome-fuzz-'));
  const random = seededRandom(23);
  const fasta = readFileSync(corpusPath('genome/clean.fa'));
  const fai = readFileSync(corpusPath('genome/clean.fa.fai'));
  const twoBit = readFileSync(corpusPath('genome/clean.2bit'));
  for (let i = 0; i < CASES; i++) {
    const kind = i % 3;
    const path = join(dir, `g${i}.${kind === 2 ? '2bit' : 'fa'}`);
    if (kind === 0) {
      copyFileSync(corpusPath('genome/clean.fa'), path);
      writeFileSync(`${path}.fai`, mangle(fai, random));
    } else if (kind === 1) {
      writeFileSync(path, mangle(fasta, random));
      writeFileSync(`${path}.fai`, fai);
    } else writeFileSync(path, mangle(twoBit, random));
    await expectReadOrInputError(`case ${i} (${['fai', 'fasta', '2bit'][kind]})`, async () => {
      const genome = await openGenome(path);
      for (const name of genome.names) await genome.sequence(name, 0, Math.min(30, genome.sizes.get(name)));
    });
  }
});

test(`${CASES} mangled VCFs: allele pairs and per-variant problems, or a HelixInputError`, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'helix-genome-fuzz-'));
  const genome = await openGenome(corpusPath('genome/clean.fa'));
  const chr1 = await genome.sequence('chr1', 0, 120);
  const clean = Buffer.from(
    [
      '##fileformat=VCFv4.2',
      '##INFO=<ID=DP,Number=1,Type=Integer,Description="depth">',
      '#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO',
      `chr1\t40\trs1\t${chr1[39]}\tA,T\t50\tPASS\tDP=10`,
      `chr1\t60\t.\t${chr1.slice(59, 62)}\t${chr1[59]}\t.\t.\t.`,
      `chr1\t70\trs3\t${chr1[69]}\t${chr1[69]}GG\t.\tPASS\tDP=3`,
    ].join('\n') + '\n',
  );
  const random = seededRandom(29);
  for (let i = 0; i < CASES; i++) {
    const path = join(dir, `v${i}.vcf`);
    writeFileSync(path, mangle(clean, random));
    await expectReadOrInputError(`case ${i}`, async () => {
      const r = await vcfAllelePairs(path, genome, { length: 20 });
      for (const p of r.problems) assert.ok(p.line > 0 && p.field, `case ${i}: ${p.message}`);
    });
  }
});
