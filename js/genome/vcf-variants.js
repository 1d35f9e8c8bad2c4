// js/genome/vcf-variants.js: the variants of a VCF (plain, gzip or bgzip; parsed by @gmod/vcf) as allele pairs a
// sequence model scores: for each ALT allele, the reference window of `length` bases centred on the variant, and
// the same stretch with REF replaced by ALT, re-centred so an insertion or deletion keeps the window's length.
// A variant whose REF disagrees with the genome, on a chromosome the genome lacks, too near a chromosome end or
// with a symbolic ALT (<DEL>, *) is reported at its line and skipped, not fatal: the others are still scored.
//   const { table, variants, problems } = await vcfAllelePairs('calls.vcf.gz', genome, { length: 200 });
//   model.variants(table)   // id, ref_sequence, alt_sequence: the engine's two-allele layout
import VCF from '@gmod/vcf';
import { openSource } from './file-source.js';
import { readTextFile } from './text-lines.js';
import { fileError } from './file-error.js';
import { unknownChromosome } from './chrom-names.js';

const ALLELE = /^[ACGTN]+$/;

/**
 * {table, variants: [{id, chrom, pos, ref, alt, line}], problems: [{line, column, field, message}], file}: `table`
 * holds one row per scorable allele (id = the VCF ID, else chrom:pos:ref>alt).
 */
export async function vcfAllelePairs(source, genome, { length }) {
  const src = await openSource(source, 'vcf');
  const text = await readTextFile(src);
  const lines = text.split('\n');
  const headerEnd = lines.findIndex((l) => !l.startsWith('#'));
  const header = lines.slice(0, headerEnd < 0 ? lines.length : headerEnd);
  if (!header.some((l) => l.startsWith('##fileformat=VCF')) || !header.some((l) => l.startsWith('#CHROM'))) {
    throw fileError(src.name, {
      line: 1,
      column: 1,
      field: 'vcf',
      message: 'line 1, column 1: not a VCF: it needs a ##fileformat=VCF line and a #CHROM header line',
    });
  }
  let parser;
  try {
    parser = new VCF({ header: header.join('\n'), strict: false });
  } catch (e) {
    const line = header.findIndex((l) => l.startsWith('#CHROM')) + 1;
    throw fileError(src.name, { line, column: 1, field: 'vcf', message: `line ${line}, column 1: ${e.message}` });
  }
  const rows = ['id\tref_sequence\talt_sequence'];
  const variants = [];
  const problems = [];
  const seen = new Set();
  for (let i = header.length; i < lines.length; i++) {
    const line = lines[i].replace(/\r$/, '');
    if (!line.trim()) continue;
    const lineNo = i + 1;
    const cells = line.split('\t');
    const column = (k) => cells.slice(0, k).reduce((a, c) => a + c.length + 1, 1);
    const problem = (k, field, message) =>
      problems.push({
        line: lineNo,
        column: column(k),
        field,
        message: `line ${lineNo}, column ${column(k)}: ${message}`,
      });
    let v;
    try {
      v = parser.parseLine(line);
    } catch (e) {
      problem(0, 'vcf', `not a VCF record (${e.message})`);
      continue;
    }
    const chrom = v.CHROM;
    const pos = Number(v.POS);
    const ref = String(v.REF ?? '').toUpperCase();
    if (!genome.sizes.has(chrom)) {
      problem(0, 'CHROM', unknownChromosome(chrom, genome.label, genome.names));
      continue;
    }
    if (!Number.isInteger(pos) || pos < 1) {
      problem(1, 'POS', `POS '${cells[1]}' is not a position (1-based)`);
      continue;
    }
    if (!ALLELE.test(ref)) {
      problem(3, 'REF', `REF '${v.REF}' is not a sequence of bases`);
      continue;
    }
    const start = pos - 1;
    const size = genome.sizes.get(chrom);
    if (start < length || start + ref.length + length > size) {
      problem(1, 'POS', `${chrom}:${pos} is too near the end of ${chrom} for a ${length}-base window`);
      continue;
    }
    const onGenome = await genome.sequence(chrom, start, start + ref.length);
    if (onGenome !== ref) {
      problem(3, 'REF', `REF '${ref}' disagrees with ${genome.label}, which has '${onGenome}' at ${chrom}:${pos}`);
      continue;
    }
    for (const altRaw of v.ALT ?? []) {
      const alt = String(altRaw).toUpperCase();
      if (!ALLELE.test(alt)) {
        problem(4, 'ALT', `ALT '${altRaw}' is not a sequence of bases (symbolic alleles are not scored)`);
        continue;
      }
      const refWindow = await centred(genome, chrom, start, ref, ref, length);
      const altWindow = await centred(genome, chrom, start, ref, alt, length);
      let id = v.ID?.[0] ? `${v.ID[0]}${v.ALT.length > 1 ? `:${alt}` : ''}` : `${chrom}:${pos}:${ref}>${alt}`;
      if (seen.has(id)) id += `@line${lineNo}`; // ids name the rows of the answer: each one once
      seen.add(id);
      rows.push(`${id}\t${refWindow}\t${altWindow}`);
      variants.push({ id, chrom, pos, ref, alt, line: lineNo });
    }
  }
  return { table: `${rows.join('\n')}\n`, variants, problems, file: src.name };
}

// `length` bases with `allele` in place of the reference's `ref` at `start`, the allele in the middle (the extra
// base of an odd flank on the left: a SNV sits at base length/2, as a peak's summit does in windowAround).
async function centred(genome, chrom, start, ref, allele, length) {
  const flanks = Math.max(0, length - allele.length);
  const left = Math.ceil(flanks / 2);
  const right = flanks - left;
  const before = await genome.sequence(chrom, start - left, start);
  const after = await genome.sequence(chrom, start + ref.length, start + ref.length + right);
  return (before + allele + after).slice(0, length);
}
