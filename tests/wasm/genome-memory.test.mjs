// tests/wasm/genome-memory.test.mjs: a dataset of 20,000 windows (10,000 peaks of 1,000 bases and as many
// GC-matched negatives) from a 2 GB FASTA made here (random blocks of several GC levels, written in 4 MB pieces,
// removed at the end) keeps `helix dataset` under 300 MB of resident memory: the genome is read by random access,
// never whole, and hashed a piece at a time. Measured: 213-240 MB and 6-9 s (SHA-256 of the 2 GB included).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, openSync, writeSync, closeSync, writeFileSync, rmSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { seededRandom, randomInt } from '../../js/genome/random.js';

const CLI = fileURLToPath(new URL('../../bin/helix.mjs', import.meta.url));
const CHROMS = 16;
const BLOCK_BASES = 60 * 70_000; // one block of 70,000 lines of 60 bases, 4.27 MB
const CHROM_LENGTH = 30 * BLOCK_BASES; // 126 Mb a chromosome, 2.05 GB of FASTA in all

// Blocks of random 60-base lines at GC 0.3 .. 0.65, cycled through the genome in a seeded order.
function writeGenome(path, random) {
  const blocks = Array.from({ length: 8 }, (_, b) => {
    const gc = 0.3 + 0.05 * b;
    const bytes = Buffer.alloc((BLOCK_BASES / 60) * 61);
    for (let i = 0, k = 0; i < BLOCK_BASES; i++) {
      const r = random();
      bytes[k++] = r < gc ? (random() < 0.5 ? 71 : 67) : random() < 0.5 ? 65 : 84;
      if (i % 60 === 59) bytes[k++] = 10;
    }
    return bytes;
  });
  const fd = openSync(path, 'w');
  for (let c = 1; c <= CHROMS; c++) {
    writeSync(fd, `>chr${c}\n`);
    for (let b = 0; b < CHROM_LENGTH / BLOCK_BASES; b++) writeSync(fd, blocks[randomInt(random, blocks.length)]);
  }
  closeSync(fd);
}

test('helix dataset: 20,000 windows from a 2 GB FASTA in under 300 MB', { timeout: 600_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'helix-big-genome-'));
  try {
    const random = seededRandom(3);
    const fasta = join(dir, 'big.fa');
    writeGenome(fasta, random);
    execFileSync('samtools', ['faidx', fasta]);
    const peaks = [];
    for (let i = 0; i < 10_000; i++) {
      const start = randomInt(random, CHROM_LENGTH - 2000);
      const len = 200 + randomInt(random, 600);
      peaks.push(
        `chr${1 + randomInt(random, CHROMS)}\t${start}\t${start + len}\tp${i}\t0\t.\t1\t1\t1\t${randomInt(random, len)}\n`,
      );
    }
    writeFileSync(join(dir, 'peaks.narrowPeak'), peaks.join(''));
    // The child reports its own peak resident memory (getrusage's maxrss, in kB) on its last line.
    const script = `
      process.argv.splice(1, 0, ${JSON.stringify(CLI)});
      process.on('exit', () => process.stderr.write('maxrss ' + process.resourceUsage().maxRSS + '\\n'));
      await import(${JSON.stringify(CLI)});`;
    const t0 = Date.now();
    const r = spawnSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        script,
        'dataset',
        '--genome',
        fasta,
        '--peaks',
        join(dir, 'peaks.narrowPeak'),
        '--length',
        '1000',
        '--valid',
        'chr8,chr9',
        '--test',
        'chr1,chr2',
        '--out',
        join(dir, 'data.tsv'),
        '--quiet',
      ],
      { encoding: 'utf8' },
    );
    const seconds = (Date.now() - t0) / 1000;
    assert.equal(r.status, 0, r.stderr);
    const maxRssMb = Number(/maxrss (\d+)/.exec(r.stderr)[1]) / 1024;
    const manifest = JSON.parse(readFileSync(join(dir, 'data.manifest.json'), 'utf8'));
    const rows = Object.values(manifest.counts).reduce((a, c) => a + c.positives + c.negatives, 0);
    assert.equal(rows, 20_000);
    assert.ok(manifest.inputs.genome.size > 2e9, `${manifest.inputs.genome.size} bytes`);
    process.stderr.write(
      `20,000 windows from ${(manifest.inputs.genome.size / 1e9).toFixed(2)} GB: ${maxRssMb.toFixed(0)} MB, ${seconds.toFixed(1)} s\n`,
    );
    assert.ok(maxRssMb < 300, `peak resident memory ${maxRssMb.toFixed(0)} MB`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
