// tests/wasm/genome-fixtures.mjs: a small random genome made in a temp dir for the genome tests (never
// committed): FASTA with 60-base lines, soft-masked (lower case) stretches and N runs, its .fai (samtools), a
// bgzip copy with .fai and .gzi (bgzip, samtools), a .2bit (written here: Debian has no faToTwoBit), narrowPeak
// peaks in GC-rich stretches (so GC matching has something to do) and a bigWig (pyBigWig) with gaps.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seededRandom, randomInt } from '../../js/genome/random.js';

export const PYTHON = '/usr/bin/python3';
const SEGMENT = 2000; // bases of one GC level

/**
 * Writes the files; returns their paths, the chromosomes' sequences (as written, mixed case) and the peaks.
 * `sizes`: {chrom: length}; `motif`: bases planted four times around each peak's summit.
 */
export function makeGenomeFiles({ sizes, seed = 7, peaksPerChrom = 60, nRuns = true, motif = null } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'helix-genome-'));
  const random = seededRandom(seed);
  const chroms = {};
  const gcOfSegment = {};
  for (const [name, length] of Object.entries(sizes)) {
    const levels = [];
    let s = '';
    for (let at = 0; at < length; at += SEGMENT) {
      const gc = 0.3 + 0.4 * random();
      levels.push(gc);
      const n = Math.min(SEGMENT, length - at);
      let seg = '';
      for (let i = 0; i < n; i++) {
        const r = random();
        seg += r < gc ? (random() < 0.5 ? 'G' : 'C') : random() < 0.5 ? 'A' : 'T';
      }
      if (random() < 0.3) seg = seg.slice(0, 200) + seg.slice(200, 700).toLowerCase() + seg.slice(700);
      if (nRuns && random() < 0.1) seg = seg.slice(0, 1000) + 'N'.repeat(Math.min(500, n - 1000)) + seg.slice(1500);
      s += seg.slice(0, n);
    }
    chroms[name] = s;
    gcOfSegment[name] = levels;
  }
  // Peaks: in the GC-richest segments, each 200-600 bases with a summit.
  const peaks = [];
  for (const [name, levels] of Object.entries(gcOfSegment)) {
    const rich = levels
      .map((gc, i) => [gc, i])
      .filter(([gc, i]) => gc > 0.55 && (i + 1) * SEGMENT <= chroms[name].length)
      .map(([, i]) => i);
    for (let k = 0; k < peaksPerChrom && rich.length; k++) {
      const seg = rich[randomInt(random, rich.length)];
      const start = seg * SEGMENT + randomInt(random, SEGMENT - 600);
      const end = start + 200 + randomInt(random, 400);
      peaks.push({ chrom: name, start, end, peak: randomInt(random, end - start) });
    }
  }
  // A motif planted around each summit (its copies 20-60 bases apart): something a model can learn.
  if (motif) {
    const bytes = Object.fromEntries(Object.entries(chroms).map(([n, s]) => [n, Buffer.from(s)]));
    for (const p of peaks) {
      for (const offset of [-60, -20, 20, 50]) {
        const at = p.start + p.peak + offset;
        if (at >= 0 && at + motif.length <= bytes[p.chrom].length) bytes[p.chrom].write(motif, at, 'latin1');
      }
    }
    for (const n of Object.keys(chroms)) chroms[n] = bytes[n].toString('latin1');
  }
  const fasta = join(dir, 'genome.fa');
  writeFileSync(
    fasta,
    Object.entries(chroms)
      .map(([n, s]) => `>${n} test chromosome\n${wrap(s, 60)}`)
      .join(''),
  );
  execFileSync('samtools', ['faidx', fasta]);
  const bgzip = join(dir, 'genome.fa.gz');
  writeFileSync(bgzip, execFileSync('bgzip', ['-c', fasta], { maxBuffer: 1 << 30 }));
  execFileSync('samtools', ['faidx', bgzip]);
  const twoBit = join(dir, 'genome.2bit');
  writeFileSync(twoBit, twoBitBytes(chroms));

  const narrowPeak = join(dir, 'peaks.narrowPeak');
  writeFileSync(
    narrowPeak,
    peaks.map((p, i) => `${p.chrom}\t${p.start}\t${p.end}\tpeak${i}\t100\t.\t5.5\t10.2\t8.1\t${p.peak}\n`).join(''),
  );

  // bigWig: runs of 1-50 bases with values, gaps between some of them.
  const bedGraph = join(dir, 'signal.bedGraph');
  const lines = [];
  for (const [name, s] of Object.entries(chroms)) {
    for (let at = randomInt(random, 50); at < s.length;) {
      const span = 1 + randomInt(random, 50);
      const end = Math.min(at + span, s.length);
      lines.push(`${name}\t${at}\t${end}\t${(random() * 20).toFixed(3)}`);
      at = end + (random() < 0.3 ? randomInt(random, 100) : 0);
    }
  }
  writeFileSync(bedGraph, `${lines.join('\n')}\n`);
  const bigWig = join(dir, 'signal.bw');
  const chromList = JSON.stringify(Object.entries(chroms).map(([n, s]) => [n, s.length]));
  execFileSync(PYTHON, ['-c', BEDGRAPH_TO_BIGWIG, bedGraph, bigWig, chromList]);
  return { dir, fasta, bgzip, twoBit, narrowPeak, bigWig, chroms, peaks };
}

const wrap = (s, width) => {
  let out = '';
  for (let i = 0; i < s.length; i += width) out += `${s.slice(i, i + width)}\n`;
  return out;
};

const BEDGRAPH_TO_BIGWIG = `
import sys, json, pyBigWig
src, dst, chroms = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
bw = pyBigWig.open(dst, "w")
bw.addHeader([(c, n) for c, n in chroms])
rows = [l.split("\\t") for l in open(src).read().split("\\n") if l]
bw.addEntries([r[0] for r in rows], [int(r[1]) for r in rows], ends=[int(r[2]) for r in rows], values=[float(r[3]) for r in rows])
bw.close()
`;

/**
 * A .2bit file of `chroms` ({name: bases}, mixed case, N runs): the UCSC format (magic 0x1A412743, version 0,
 * an index of name -> offset, then per sequence its size, N blocks, mask (lower case) blocks and 2-bit bases
 * T=0 C=1 A=2 G=3, the first base in the high bits).
 */
export function twoBitBytes(chroms) {
  const names = Object.keys(chroms);
  const enc = new TextEncoder();
  const records = names.map((n) => twoBitRecord(chroms[n]));
  const indexSize = names.reduce((a, n) => a + 1 + enc.encode(n).length + 4, 0);
  let offset = 16 + indexSize;
  const head = [u32(0x1a412743), u32(0), u32(names.length), u32(0)];
  const index = [];
  names.forEach((n, i) => {
    const b = enc.encode(n);
    index.push(Uint8Array.of(b.length), b, u32(offset));
    offset += records[i].length;
  });
  return Buffer.concat([...head, ...index, ...records]);
}

function blocks(s, test) {
  const starts = [];
  const sizes = [];
  for (let i = 0; i < s.length;) {
    if (!test(s[i])) {
      i++;
      continue;
    }
    let j = i;
    while (j < s.length && test(s[j])) j++;
    starts.push(i);
    sizes.push(j - i);
    i = j;
  }
  return { starts, sizes };
}

function twoBitRecord(s) {
  const nb = blocks(s, (c) => c === 'N' || c === 'n');
  const mb = blocks(s, (c) => c >= 'a' && c <= 'z');
  const code = { T: 0, C: 1, A: 2, G: 3 };
  const packed = new Uint8Array(Math.ceil(s.length / 4));
  for (let i = 0; i < s.length; i++) packed[i >> 2] |= (code[s[i].toUpperCase()] ?? 0) << (6 - 2 * (i & 3));
  return Buffer.concat([
    u32(s.length),
    u32(nb.starts.length),
    ...nb.starts.map(u32),
    ...nb.sizes.map(u32),
    u32(mb.starts.length),
    ...mb.starts.map(u32),
    ...mb.sizes.map(u32),
    u32(0),
    packed,
  ]);
}

function u32(x) {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(x >>> 0);
  return b;
}
