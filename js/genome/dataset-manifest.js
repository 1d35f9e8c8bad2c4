// js/genome/dataset-manifest.js: what a built dataset came from, to go beside its table: every input file with
// its size and SHA-256, the options and seed, the counts per split, what was dropped and why, and the GC
// histograms of positives and negatives with their KS statistic. Nothing in it depends on the time or the
// machine, so one seed gives one manifest, byte for byte.
import { openSource } from './file-source.js';
import { sha256OfSource, digestOfPieces } from './checksum.js';

async function describe(src, checksums, signal) {
  const entry = { file: src.name, size: src.size };
  if (checksums) entry.sha256 = await sha256OfSource(src, { signal });
  return entry;
}

/** The manifest object (see the file's header); `o` are the build's options, `pieces` the table's text. */
export async function datasetManifest({ o, genome, signals, pieces, counts, dropped, gc, splits, peaks }) {
  const inputs = { genome: { ...(await describe(genome.source, o.checksums, o.signal)), format: genome.format } };
  inputs.peaks = { ...(await describe(await openSource(o.peaks, 'peaks'), o.checksums, o.signal)), regions: peaks };
  if (o.negatives !== 'gc' && o.negatives !== 'shuffle') {
    inputs.negatives = await describe(await openSource(o.negatives, 'negatives'), o.checksums, o.signal);
  }
  if (signals.length) {
    inputs.bigwig = [];
    for (const s of signals)
      inputs.bigwig.push({ ...(await describe(s.track.source, o.checksums, o.signal)), column: s.column });
  }
  const rows = Object.values(counts).reduce((a, c) => a + c.positives + c.negatives, 0);
  return {
    format: 'helix-dataset',
    version: 1,
    table: { rows, ...(await digestOfPieces(pieces)) },
    inputs,
    options: {
      length: o.length,
      negatives: o.negatives === 'gc' || o.negatives === 'shuffle' ? o.negatives : 'bed',
      ratio: o.ratio,
      valid: [...splits.valid],
      test: [...splits.test],
      maxN: o.maxN,
      seed: o.seed,
      reverseComplement: o.reverseComplement,
      shift: o.shift,
    },
    counts,
    dropped,
    gc,
  };
}
