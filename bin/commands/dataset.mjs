// bin/commands/dataset.mjs: `helix dataset`: a training table built from genome files by js/genome/dataset.js
// (the page and the JS API build it with the same module): the table (TSV) to --out and its manifest beside it.
import { basename } from 'node:path';
import { need } from '../cli/args.mjs';
import { sha256OfText } from '../../js/genome/checksum.js';
import { writeAtomically } from '../cli/atomic-write.mjs';
import { datasetOptions, datasetSummary, splitTables } from '../cli/genome-dataset.mjs';
import { buildDataset, DEFAULTS } from '../../js/genome/dataset.js';
import { DEFAULT_VALID, DEFAULT_TEST } from '../../js/genome/chrom-splits.js';

export const usage = () => `helix dataset --genome GENOME --peaks PEAKS --length N --out data.tsv
  [--negatives gc|shuffle|FILE.bed] [--ratio K] [--bigwig X.bw[,Y.bw]] [--valid CHR,...] [--test CHR,...]
  [--max-n X] [--seed S] [--reverse-complement] [--shift S] [--split-files] [--fai F] [--gzi F] [--no-checksums] [--quiet]
  GENOME: FASTA with its .fai beside it (samtools faidx), bgzip FASTA with .fai and .gzi, or .2bit; read by
  random access, never whole. PEAKS: BED3, BED6 or narrowPeak, plain or gzip: a window of N bases on each
  peak's summit (narrowPeak) or middle, label 1.
  --negatives: gc (default: windows outside the peaks with the positives' GC histogram, per split),
  shuffle (a dinucleotide shuffle of each positive) or a BED file's windows; --ratio: negatives per positive (1).
  --valid / --test: chromosomes of the validation and test splits (default ${DEFAULT_VALID.join(',')} and
  ${DEFAULT_TEST.join(',')}, without 'chr' for a genome named 1, 2, ...); the rest is training.
  --max-n: windows with a larger share of N are dropped and counted (${DEFAULTS.maxN}). --bigwig: a column per
  track with each window's mean signal (uncovered bases count 0), a regression target (helix train --targets).
  Augmentation of the training split, from the genome itself: --reverse-complement adds each window's other
  strand, --shift S each window moved by 1..S bases (random, seeded): real genome windows, not edits.
  Writes the table (id, chrom, start, end, strand, split, sequence, label, targets) to --out and a manifest
  (inputs with sizes and SHA-256, options, seed, counts per split, drops, GC histograms and their KS statistic)
  beside it as NAME.manifest.json. --split-files also writes NAME.train.tsv, NAME.valid.tsv and NAME.test.tsv
  (train on the first, hold the test chromosomes out for helix evaluate). The same inputs and seed give the
  same files, byte for byte.`;

const stem = (out) => out.replace(/\.(tsv|txt|csv)$/i, '');

/** data.tsv -> data.manifest.json (any other name gets .manifest.json appended). */
export const manifestPath = (out) => `${stem(out)}.manifest.json`;

export async function run(args) {
  const out = need(args, 'out');
  const options = datasetOptions(args);
  const t0 = Date.now();
  const built = await buildDataset(options);
  const { manifest, tablePieces } = built;
  manifest.table = { file: basename(out), ...manifest.table };
  if (args['split-files']) {
    manifest.splitFiles = {};
    for (const [split, text] of Object.entries(splitTables(built.table))) {
      const path = `${stem(out)}.${split}.tsv`;
      await writeAtomically(path, text);
      manifest.splitFiles[split] = {
        file: basename(path),
        rows: text.split('\n').length - 2,
        sha256: sha256OfText(text),
      };
    }
  }
  await writeAtomically(out, tablePieces);
  const mpath = manifestPath(out);
  await writeAtomically(mpath, manifestText(manifest));
  if (!args.quiet) {
    const seconds = ((Date.now() - t0) / 1000).toFixed(1);
    process.stderr.write(`${datasetSummary(manifest)}${out} and ${mpath} written in ${seconds} s\n`);
  }
}

/** The manifest as indented JSON, its arrays of numbers (GC histograms) on one line each. */
export const manifestText = (manifest) =>
  `${JSON.stringify(manifest, null, 2).replace(/\[\s*([-\d.e+,\s]+?)\s*\]/g, (_, inner) => `[${inner.split(/,\s*/).join(', ')}]`)}\n`;
