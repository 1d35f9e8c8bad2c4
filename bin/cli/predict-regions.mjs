// bin/cli/predict-regions.mjs: `helix predict --bed regions.bed --genome GENOME`: a sequence model's score for
// each region of a BED or narrowPeak file, its bases read from the genome (js/genome). Each region is scored on
// the window of the model's input length (or --length) on its summit or middle; a model that takes any length
// scores the region's own bases. Output is BED6+ (a genome browser opens it): chrom, start, end, name, score
// (the probability × 1000, as BED's 0-1000 score), strand, then the prediction's columns as `helix predict`
// writes them. Regions are read and predicted 1,000 at a time, so memory holds one batch.
import { createWriteStream } from 'node:fs';
import { rename, unlink } from 'node:fs/promises';
import { need, count } from './args.mjs';
import { removeOnInterrupt } from './atomic-write.mjs';
import { openGenome } from '../../js/genome/genome.js';
import { readRegions } from '../../js/genome/regions.js';
import { windowAround } from '../../js/genome/narrow-peak.js';
import { fileError } from '../../js/genome/file-error.js';

const BATCH = 1000;

/** Writes the scores of every region of --bed; `toTsv(rows)` gives the prediction columns (header first). */
export async function predictRegions(model, args, toTsv) {
  const genome = await openGenome(need(args, 'genome'), { fai: args.fai, gzi: args.gzi });
  const bedPath = need(args, 'bed');
  const regions = await readRegions(bedPath, genome, { role: 'regions' });
  const length = count(args, 'length') ?? model.spec.input?.length ?? null;
  const tmp = args.out ? `${args.out}.tmp-${process.pid}` : null;
  const unregister = tmp ? removeOnInterrupt(tmp) : () => {};
  const out = tmp ? createWriteStream(tmp) : process.stdout;
  let header = true;
  try {
    for (let i = 0; i < regions.length; i += BATCH) {
      const batch = regions.slice(i, i + BATCH);
      const windows = batch.map((r) => windowOf(r, length, genome, bedPath));
      const seqs = await Promise.all(windows.map((w, k) => genome.sequence(batch[k].chrom, w.start, w.end, w.strand)));
      const fasta = seqs.map((s, k) => `>r${i + k}\n${s}\n`).join('');
      const rows = model.predict(fasta);
      const [head, ...lines] = toTsv(rows).trimEnd().split('\n');
      const cols = head.split('\t').slice(1);
      let text = header ? `#chrom\tstart\tend\tname\tscore\tstrand\t${cols.join('\t')}\n` : '';
      header = false;
      lines.forEach((line, k) => {
        const r = batch[k];
        const w = windows[k];
        const cells = line.split('\t').slice(1);
        const p = rows[k].probability ?? rows[k].probabilities?.[rows[k].class] ?? null;
        const score = p === null ? 0 : Math.round(p * 1000);
        const name = r.name && r.name !== '.' ? r.name : `${r.chrom}:${w.start}-${w.end}`;
        text += `${r.chrom}\t${w.start}\t${w.end}\t${name}\t${score}\t${r.strand}\t${cells.join('\t')}\n`;
      });
      if (!out.write(text)) await new Promise((resolve) => out.once('drain', resolve));
      if (!args.quiet) process.stderr.write(`${Math.min(i + BATCH, regions.length)}/${regions.length} regions\n`);
    }
    if (tmp) {
      await new Promise((resolve, reject) => out.end((err) => (err ? reject(err) : resolve())));
      await rename(tmp, args.out);
    }
  } catch (e) {
    if (tmp) {
      out.destroy();
      await unlink(tmp).catch(() => {});
    }
    throw e;
  } finally {
    unregister();
  }
}

// The window a region is scored on: `length` bases on its summit or middle, or the region itself.
function windowOf(r, length, genome, bedPath) {
  const strand = r.strand === '-' ? '-' : '+';
  if (!length) return { start: r.start, end: r.end, strand };
  const w = windowAround(r, length, genome.sizes.get(r.chrom));
  if (!w) {
    throw fileError(bedPath, {
      line: r.line,
      column: 1,
      field: 'chrom',
      message: `line ${r.line}, column 1: the ${length}-base window on ${r.chrom}:${r.start}-${r.end} leaves ${r.chrom} (${genome.sizes.get(r.chrom)} bases)`,
    });
  }
  return { start: w.start, end: w.end, strand };
}
