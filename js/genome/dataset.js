// js/genome/dataset.js: a training table built from genome files, one module for the page, the JS API and
// `helix dataset`. Seeded: the same files, options and seed give the same table and manifest, byte for byte.
//   positives   a window of `length` bases on each peak's summit (narrowPeak) or middle
//   negatives   'gc': windows outside the peaks with the positives' GC histogram, per split;
//               'shuffle': a dinucleotide shuffle of each positive; or a BED file (its regions' windows)
//   splits      by chromosome (chrom-splits.js); windows with more than maxN Ns are dropped and counted
//   targets     with bigWigs, each window's mean signal as a numeric column (regression heads)
//   const { table, manifest } = await buildDataset({ genome: 'hg38.fa', peaks: 'p.narrowPeak', length: 1000 });
import { openGenome, Genome } from './genome.js';
import { readRegions } from './regions.js';
import { windowAround } from './narrow-peak.js';
import { composition, reverseComplement } from './dna.js';
import { chromosomeSplits } from './chrom-splits.js';
import { IntervalSet } from './interval-set.js';
import { gcMatchedNegatives } from './gc-negatives.js';
import { dinucleotideShuffle } from './dinucleotide-shuffle.js';
import { gcHistogram, ksStatistic, GC_BINS } from './gc-histogram.js';
import { openBigWig } from './signal.js';
import { seededRandom } from './random.js';
import { datasetTablePieces } from './dataset-table.js';
import { datasetManifest } from './dataset-manifest.js';
import { fieldError } from '../errors.js';
import { fileError } from './file-error.js';

export const SPLITS = ['train', 'valid', 'test'];
export const DEFAULTS = { negatives: 'gc', ratio: 1, maxN: 0.05, seed: 1, reverseComplement: false, shift: 0 };
const BATCH = 64; // window reads in flight at once

/**
 * Builds the dataset. Options: genome (path or File; `fai`, `gzi` beside it), peaks (path or File), length
 * (bases), negatives ('gc' | 'shuffle' | a BED path or File), ratio (negatives per positive, 1), valid and test
 * (chromosome lists), maxN (largest share of N in a kept window, 0.05), seed (1), bigwig (a path or File, or a
 * list: one target column each), reverseComplement (add each training window's reverse complement, false),
 * shift (S > 0: add each training window, of the genome, moved by a random 1..S bases left or right: a real
 * genome window, read from the genome; 0),
 * checksums (SHA-256 of every input in the manifest, true), onProgress({stage, done, total}), signal.
 * Returns {table (TSV text, joined when asked for), tablePieces (the same text in pieces of 1,000 lines, to write
 * without joining), manifest, rows (each window's chrom, start, end, strand, split, label, targets and base
 * composition `c`; its bases are in the table only)}.
 */
export async function buildDataset(options) {
  const o = { ...DEFAULTS, checksums: true, ...options };
  checkOptions(o);
  const progress = o.onProgress ?? (() => {});
  const genome = o.genome instanceof Genome ? o.genome : await openGenome(o.genome, { fai: o.fai, gzi: o.gzi });
  const splits = chromosomeSplits(genome, { valid: o.valid, test: o.test });
  const random = seededRandom(o.seed);
  const peaks = await readRegions(o.peaks, genome, { role: 'peaks' });
  const signals = await openSignals(o.bigwig, genome);
  const dropped = { offChromosome: 0, tooManyN: { positives: 0, negatives: 0 }, unmatchedGc: 0 };

  progress({ stage: 'positives', done: 0, total: peaks.length });
  const positives = [];
  const windows = [];
  for (const p of peaks) {
    const w = windowAround(p, o.length, genome.sizes.get(p.chrom));
    if (w) windows.push({ chrom: p.chrom, start: w.start, end: w.end, strand: p.strand === '-' ? '-' : '+' });
    else dropped.offChromosome++;
  }
  await readWindows(genome, windows, o, progress, 'positives');
  for (const w of windows) {
    if (w.c.n > o.maxN * o.length) dropped.tooManyN.positives++;
    else positives.push({ ...w, split: splits.of(w.chrom), label: 1 });
  }

  progress({ stage: 'negatives', done: 0, total: positives.length * o.ratio });
  let negatives;
  if (o.negatives === 'gc') {
    const exclude = new IntervalSet([...peaks, ...positives]);
    const used = new Set();
    negatives = [];
    let reads = 0;
    for (const split of SPLITS) {
      const mine = positives.filter((p) => p.split === split);
      const chroms = genome.names.filter((c) => splits.of(c) === split);
      const r = await gcMatchedNegatives(genome, {
        positiveGc: mine.map(gcOf),
        chroms,
        length: o.length,
        ratio: o.ratio,
        maxN: o.maxN,
        exclude,
        random,
        used,
        signal: o.signal,
        onRead: (found) =>
          progress({
            stage: 'negatives',
            done: negatives.length + found,
            total: positives.length * o.ratio,
            reads: ++reads,
          }),
      });
      dropped.unmatchedGc += r.unmatched;
      for (const n of r.negatives) negatives.push({ ...n, strand: '+', split, label: 0, c: composition(n.sequence) });
    }
  } else if (o.negatives === 'shuffle') {
    negatives = [];
    for (const p of positives) {
      for (let k = 0; k < o.ratio; k++) {
        const sequence = dinucleotideShuffle(p.sequence, random);
        negatives.push({ ...p, sequence, label: 0, shuffled: k + 1, c: composition(sequence) });
      }
    }
  } else {
    const regions = await readRegions(o.negatives, genome, { role: 'negatives' });
    const ws = [];
    for (const r of regions) {
      const w = windowAround(r, o.length, genome.sizes.get(r.chrom));
      if (w) ws.push({ chrom: r.chrom, start: w.start, end: w.end, strand: r.strand === '-' ? '-' : '+' });
      else dropped.offChromosome++;
    }
    await readWindows(genome, ws, o, progress, 'negatives');
    negatives = [];
    for (const w of ws) {
      if (w.c.n > o.maxN * o.length) dropped.tooManyN.negatives++;
      else negatives.push({ ...w, split: splits.of(w.chrom), label: 0 });
    }
  }

  let rows = [...positives, ...negatives];
  if (o.shift > 0) rows = [...rows, ...(await shiftedCopies(genome, rows, o, random, dropped))];
  if (o.reverseComplement) {
    const flipped = rows
      .filter((r) => r.split === 'train')
      .map((r) => ({
        ...r,
        strand: r.strand === '-' ? '+' : '-',
        sequence: reverseComplement(r.sequence),
        augmented: true,
      }));
    rows = [...rows, ...flipped];
  }
  if (signals.length) {
    progress({ stage: 'signal', done: 0, total: rows.length });
    for (let i = 0; i < rows.length; i += BATCH) {
      o.signal?.throwIfAborted();
      const batch = rows.slice(i, i + BATCH);
      await Promise.all(
        batch.map(async (r) => {
          // A shuffled sequence is not the genome's: it has no signal (an empty cell: a missing target).
          r.targets = await Promise.all(
            signals.map((s) => (r.shuffled ? null : s.track.mean(r.chrom, r.start, r.end))),
          );
        }),
      );
      progress({ stage: 'signal', done: Math.min(i + BATCH, rows.length), total: rows.length });
    }
  }

  const pieces = datasetTablePieces(
    rows,
    signals.map((s) => s.column),
  );
  const gc = {
    bins: GC_BINS,
    binWidth: 1 / GC_BINS,
    positives: gcHistogram(positives.map(gcOf)),
    negatives: gcHistogram(negatives.map(gcOf)),
    ks: Number(ksStatistic(positives.map(gcOf), negatives.map(gcOf)).toFixed(6)),
  };
  const counts = Object.fromEntries(
    SPLITS.map((s) => [s, { positives: count(rows, s, 1), negatives: count(rows, s, 0) }]),
  );
  progress({ stage: 'manifest', done: 0, total: 1 });
  const manifest = await datasetManifest({
    o,
    genome,
    signals,
    pieces,
    counts,
    dropped,
    gc,
    splits,
    peaks: peaks.length,
  });
  return {
    manifest,
    rows,
    tablePieces: pieces,
    get table() {
      return pieces.join('');
    },
  };
}

// One copy of each training window of the genome (not a shuffle) moved by ±1..shift bases, read from the genome;
// a copy that would leave its chromosome or hold too many N is dropped (and counted).
async function shiftedCopies(genome, rows, o, random, dropped) {
  const wanted = [];
  for (const r of rows) {
    if (r.split !== 'train' || r.shuffled) continue;
    const by = (1 + Math.floor(random() * o.shift)) * (random() < 0.5 ? -1 : 1);
    const start = r.start + by;
    if (start < 0 || start + o.length > genome.sizes.get(r.chrom)) dropped.offChromosome++;
    else wanted.push({ ...r, start, end: start + o.length, shifted: by });
  }
  await readWindows(genome, wanted, o, () => {}, 'shifts');
  return wanted.filter((w) => {
    const keep = w.c.n <= o.maxN * o.length;
    if (!keep) dropped.tooManyN[w.label === 1 ? 'positives' : 'negatives']++;
    return keep;
  });
}

const gcOf = (r) => (r.c.acgt ? r.c.gc / r.c.acgt : 0);
const count = (rows, split, label) => rows.filter((r) => r.split === split && r.label === label).length;

// Fills w.sequence and w.c (its composition) for each window, BATCH reads at a time, in order.
async function readWindows(genome, windows, o, progress, stage) {
  for (let i = 0; i < windows.length; i += BATCH) {
    o.signal?.throwIfAborted();
    const batch = windows.slice(i, i + BATCH);
    const seqs = await Promise.all(batch.map((w) => genome.sequence(w.chrom, w.start, w.end, w.strand)));
    batch.forEach((w, k) => {
      w.sequence = seqs[k];
      w.c = composition(seqs[k]);
    });
    progress({ stage, done: Math.min(i + BATCH, windows.length), total: windows.length });
  }
}

// Each bigWig with its column name: the file's name without directories and extension, made a valid header.
async function openSignals(bigwig, genome) {
  const list = bigwig === undefined || bigwig === null ? [] : Array.isArray(bigwig) ? bigwig : [bigwig];
  const out = [];
  for (const source of list) {
    const track = await openBigWig(source);
    const problem = track.namingProblem(genome.names);
    if (problem) throw fileError(track.name, { field: 'bigwig', message: problem });
    let column =
      track.name
        .replace(/^.*[\\/]/, '')
        .replace(/\.(bw|bigwig)$/i, '')
        .replace(/[^A-Za-z0-9_.-]/g, '_') || 'signal';
    while (
      ['id', 'chrom', 'start', 'end', 'strand', 'split', 'sequence', 'label', ...out.map((s) => s.column)].includes(
        column.toLowerCase(),
      )
    )
      column += '_signal';
    out.push({ track, column });
  }
  return out;
}

function checkOptions(o) {
  if (!Number.isInteger(o.shift) || o.shift < 0 || o.shift > 10_000)
    throw fieldError('shift', `shift: ${o.shift} is not a whole number of bases from 0 to 10,000`);
  if (o.genome === undefined) throw fieldError('genome', 'genome: no genome file given');
  if (o.peaks === undefined) throw fieldError('peaks', 'peaks: no peaks file given');
  if (!Number.isInteger(o.length) || o.length < 1 || o.length > 1e6)
    throw fieldError('length', `length: ${o.length} is not a whole number of bases from 1 to 1,000,000`);
  if (!Number.isInteger(o.ratio) || o.ratio < 1 || o.ratio > 100)
    throw fieldError('ratio', `ratio: ${o.ratio} is not a whole number from 1 to 100`);
  if (!(o.maxN >= 0 && o.maxN <= 1)) throw fieldError('maxN', `maxN: ${o.maxN} is not a share from 0 to 1`);
  if (!Number.isInteger(o.seed) || o.seed < 0) throw fieldError('seed', `seed: ${o.seed} is not a whole number ≥ 0`);
  if (typeof o.negatives === 'string' && !['gc', 'shuffle'].includes(o.negatives) && !/[./\\]/.test(o.negatives)) {
    throw fieldError('negatives', `negatives: '${o.negatives}' is not gc, shuffle or a BED file`);
  }
}
