// js/genome/genome.js: a reference genome read by random access, never whole: FASTA with its .fai (plain, or
// bgzip with .fai and .gzi) through @gmod/indexedfasta, or .2bit through @gmod/twobit. The format is told by
// the file's first bytes, not its name. Every problem is a HelixInputError naming the file and what to do.
//   const genome = await openGenome('hg38.fa');                  // Node: hg38.fa.fai beside it
//   const genome = await openGenome(fastaFile, { fai: faiFile }); // browser: File objects
//   await genome.sequence('chr1', 1000, 1200, '-')                // 200 bases, upper case, reverse complement
import { IndexedFasta, BgzipIndexedFasta } from '@gmod/indexedfasta';
import { TwoBitFile } from '@gmod/twobit';
import { openSource, readHead, sourceExists, sourceName } from './file-source.js';
import { fileError } from './file-error.js';
import { unknownChromosome } from './chrom-names.js';
import { reverseComplement } from './dna.js';
import { checkFai } from './fai.js';

/**
 * Opens a genome. `source`: a path (Node) or File. Options: `fai`, `gzi` (paths or Files; in Node they default
 * to the files beside the genome, `<genome>.fai` and `<genome>.gzi`).
 */
export async function openGenome(source, { fai, gzi } = {}) {
  const src = await openSource(source, 'genome');
  const head = await readHead(src, 64);
  const format = sniffGenome(head, src.name, src.label);
  if (format === '2bit') return Genome.open(src, '2bit', await openTwoBit(src));
  const faiSource = fai ?? (typeof source === 'string' ? `${source}.fai` : undefined);
  if (faiSource === undefined || !(await sourceExists(faiSource))) throw missingIndex(src, format);
  const faiSrc = await openSource(faiSource, 'index');
  await checkFai(faiSrc, src, format);
  if (format === 'fasta') {
    return Genome.open(src, 'fasta', new IndexedFasta({ fasta: src.handle, fai: faiSrc.handle }));
  }
  const gziSource = gzi ?? (typeof source === 'string' ? `${source}.gzi` : undefined);
  if (gziSource === undefined || !(await sourceExists(gziSource))) {
    throw fileError(src.name, {
      field: 'gzi',
      message:
        `${src.label} is bgzip-compressed and needs its block index (${src.label}.gzi) beside its .fai: ` +
        `\`samtools faidx ${src.label}\` writes both`,
    });
  }
  const gziSrc = await openSource(gziSource, 'index');
  const reader = new BgzipIndexedFasta({ fasta: src.handle, fai: faiSrc.handle, gzi: gziSrc.handle });
  return Genome.open(src, 'bgzip-fasta', reader);
}

// 'fasta', 'bgzip-fasta' or '2bit' from the first bytes; anything else is an error saying what the file is.
function sniffGenome(head, name, label) {
  const le32 = head.length >= 4 ? head[0] | (head[1] << 8) | (head[2] << 16) | (head[3] << 24) : 0;
  if (le32 >>> 0 === 0x1a412743 || le32 >>> 0 === 0x4327411a) return '2bit';
  if (head[0] === 0x1f && head[1] === 0x8b) {
    // BGZF: a gzip member with the FEXTRA flag whose extra field is the 'BC' subfield (SAM spec, 4.1).
    const bgzf = head.length >= 14 && head[3] & 4 && head[12] === 0x42 && head[13] === 0x43;
    if (bgzf) return 'bgzip-fasta';
    throw fileError(name, {
      line: 1,
      column: 1,
      field: 'genome',
      message:
        `line 1, column 1: ${label} is gzip but not bgzip, so it cannot be read by random access: ` +
        `recompress it with \`gunzip -c ${label} | bgzip > ${label.replace(/\.gz$/, '')}.bgz.gz\` ` +
        'and index it with `samtools faidx`',
    });
  }
  const text = new TextDecoder().decode(head).replace(/^\uFEFF/, '');
  if (text.trimStart().startsWith('>')) return 'fasta';
  if (/^[^\t\n]+\t\d+\t\d+\t\d+\t\d+/.test(text)) {
    throw fileError(name, {
      field: 'genome',
      message: `${label} is a FASTA index (.fai), not a genome: pick the FASTA file it indexes (and this index beside it)`,
    });
  }
  throw fileError(name, {
    line: 1,
    column: 1,
    field: 'genome',
    message: `line 1, column 1: ${label} is not a FASTA ('>' first), bgzip FASTA or .2bit file`,
  });
}

function missingIndex(src, format) {
  const small = src.size <= 200e6;
  return fileError(src.name, {
    field: 'index',
    message:
      `${src.label} has no index (${src.label}.fai${format === 'bgzip-fasta' ? ' and .gzi' : ''}): a genome is read ` +
      `by random access, never whole. Make one with \`samtools faidx ${src.label}\`` +
      (small && format === 'fasta' ? ', or build one here with buildFastaIndex() (the file is small)' : '') +
      (format === 'fasta' ? ', or convert it with `faToTwoBit`' : ''),
  });
}

// A 2bit reader whose file is whole: a truncated file would read as zero bytes (TTTT...) without this check.
async function openTwoBit(src) {
  const reader = new TwoBitFile({ filehandle: src.handle });
  const truncated = (what) =>
    fileError(src.name, { field: 'genome', message: `${src.label} is a truncated .2bit file: ${what}` });
  let index;
  try {
    await reader.getHeader();
    index = await reader.getIndex();
  } catch (e) {
    throw truncated(`its header or index cannot be read (${e.message})`);
  }
  const offsets = Object.entries(index);
  if (!offsets.length) throw truncated('it lists no sequences');
  const [lastName, lastOffset] = offsets.reduce((a, b) => (b[1] > a[1] ? b : a));
  if (lastOffset >= src.size) throw truncated(`sequence '${lastName}' starts at byte ${lastOffset}, past its end`);
  let record;
  try {
    record = await reader.getSequenceRecord(lastOffset);
  } catch {
    throw truncated(`the record of '${lastName}' is cut`);
  }
  const end = record.dnaPosition + Math.ceil(record.dnaSize / 4);
  if (end > src.size) {
    throw truncated(`'${lastName}' needs ${end} bytes, the file has ${src.size}`);
  }
  return reader;
}

// Anything but the IUPAC nucleotide codes, in a genome's bases, means a damaged file or a stale index.
const NOT_A_BASE = /[^ACGTNRYKMSWBDHVU]/;

/** An open genome: names and sizes of its chromosomes, and their bases by random access. */
export class Genome {
  #reader;
  constructor(src, format, reader, sizes) {
    this.name = src.name;
    this.label = src.label;
    this.size = src.size;
    this.format = format;
    this.source = src;
    this.#reader = reader;
    this.sizes = sizes; // Map name -> length, in file order
    this.names = [...sizes.keys()];
  }

  static async open(src, format, reader) {
    let sizes;
    try {
      sizes = await reader.getSequenceSizes();
    } catch (e) {
      throw fileError(src.name, {
        field: 'genome',
        message: `cannot read its sequence names (${e.message})`,
      });
    }
    return new Genome(src, format, reader, new Map(Object.entries(sizes)));
  }

  /** The length of `chrom`, or a HelixInputError listing near misses. */
  length(chrom) {
    const n = this.sizes.get(chrom);
    if (n === undefined)
      throw fileError(this.name, { field: 'chrom', message: unknownChromosome(chrom, this.label, this.names) });
    return n;
  }

  /**
   * Bases [start, end) of `chrom` (0-based, half-open, as BED), upper case; strand '-' gives the reverse
   * complement. The range must lie in the chromosome.
   */
  async sequence(chrom, start, end, strand = '+') {
    const n = this.length(chrom);
    if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= n)) {
      throw fileError(this.name, {
        field: 'range',
        message: `${chrom}:${start}-${end} is outside ${chrom} (0-${n}) in ${this.label}`,
      });
    }
    if (start === end) return '';
    const damaged = (what) =>
      fileError(this.name, {
        field: 'genome',
        message: `${chrom}:${start}-${end} ${what}: the file is damaged or its index (.fai) is not this file's (\`samtools faidx\` remakes it)`,
      });
    let bases;
    try {
      bases = (await this.#reader.getSequence(chrom, start, end)).toUpperCase();
    } catch (e) {
      throw damaged(`cannot be read (${e.message})`);
    }
    if (bases.length !== end - start) throw damaged(`gave ${bases.length} bases, not ${end - start}`);
    const bad = NOT_A_BASE.exec(bases);
    if (bad) throw damaged(`has '${bad[0]}' at ${start + bad.index}, which is not a base`);
    return strand === '-' ? reverseComplement(bases) : bases;
  }
}

export { sourceName };
