// js/genome/signal.js: a bigWig track (read counts or fold change) through @gmod/bbi, for regression targets (a
// window's mean) and profile targets (a value per base). Bases the file does not cover count as 0, as
// `bigWigAverageOverBed`'s mean0 does: a window without reads has no signal, not an unknown one.
//   const signal = await openBigWig('treat.bw');
//   await signal.mean('chr1', 1000, 2000);      // one number
//   await signal.values('chr1', 1000, 1010);    // Float32Array of 10
import { BigWig } from '@gmod/bbi';
import { openSource, readHead } from './file-source.js';
import { fileError } from './file-error.js';
import { unknownChromosome } from './chrom-names.js';

/** Opens a bigWig (path or File); a file that is not one is an error naming it. */
export async function openBigWig(source) {
  const src = await openSource(source, 'bigwig');
  const head = await readHead(src, 4);
  const magic = head.length === 4 ? new DataView(head.buffer, head.byteOffset, 4).getUint32(0, true) : 0;
  if (magic !== 0x888ffc26 && magic !== 0x26fc8f88) {
    throw fileError(src.name, {
      field: 'bigwig',
      message: `${src.label} is not a bigWig file (it does not start with the bigWig signature)`,
    });
  }
  const bw = new BigWig({ filehandle: src.handle });
  let header;
  try {
    header = await bw.getHeader();
  } catch (e) {
    throw fileError(src.name, { field: 'bigwig', message: `its header cannot be read (${e.message})` });
  }
  return new Signal(src, bw, header);
}

class Signal {
  #bw;
  constructor(src, bw, header) {
    this.name = src.name;
    this.size = src.size;
    this.source = src;
    this.#bw = bw;
    this.chromosomes = new Map(
      Object.entries(header.refsByName).map(([name, id]) => [name, header.refsByNumber[id].length]),
    );
  }

  /** Whether the file has any data on `chrom` (a genome's chromosome may be absent from a track). */
  has(chrom) {
    return this.chromosomes.has(chrom);
  }

  /** The value of every base of [start, end) (0 where the file has none). */
  async values(chrom, start, end) {
    const out = new Float32Array(end - start);
    if (!this.has(chrom)) return out;
    const features = await this.#bw.getFeatures(chrom, start, end, { scale: 1 });
    for (const f of features) {
      const a = Math.max(f.start, start);
      const b = Math.min(f.end, end);
      for (let i = a; i < b; i++) out[i - start] = f.score;
    }
    return out;
  }

  /** The mean over the bases of [start, end), uncovered bases counting as 0. */
  async mean(chrom, start, end) {
    if (!this.has(chrom) || end <= start) return 0;
    const features = await this.#bw.getFeatures(chrom, start, end, { scale: 1 });
    let sum = 0;
    for (const f of features) {
      const overlap = Math.min(f.end, end) - Math.max(f.start, start);
      if (overlap > 0) sum += f.score * overlap;
    }
    return sum / (end - start);
  }

  /** A message when the track names none of `genomeNames` (a chr1 / 1 mismatch), else null. */
  namingProblem(genomeNames) {
    const names = [...this.chromosomes.keys()];
    if (names.some((n) => genomeNames.includes(n))) return null;
    return `${this.source.label} shares no chromosome name with the genome: ${unknownChromosome(names[0], 'the genome', genomeNames)}`;
  }
}
