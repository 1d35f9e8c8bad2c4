// js/genome/fai.js: the FASTA index (.fai, as `samtools faidx` writes it: name, length, offset, line bases, line
// bytes) checked against its FASTA before @gmod/indexedfasta trusts it, and built here for a small FASTA that
// has none (a large one should be indexed by samtools: this reads the whole file).
import { openSource, readAll } from './file-source.js';
import { fileError, fileErrors } from './file-error.js';

const FIELDS = ['name', 'length', 'offset', 'line bases', 'line bytes'];

/**
 * Checks the .fai `faiSrc` of `fastaSrc`: five tab-separated fields a line, whole numbers, and (plain FASTA) every
 * sequence ending inside the FASTA, which catches an index of another file or a FASTA cut short.
 */
export async function checkFai(faiSrc, fastaSrc, format) {
  const text = new TextDecoder().decode(await readAll(faiSrc));
  const errors = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length && errors.length < 20; i++) {
    const line = lines[i].replace(/\r$/, '');
    if (!line) continue;
    const cells = line.split('\t');
    if (cells.length < 5) {
      errors.push({
        line: i + 1,
        column: 1,
        field: 'index',
        message: `line ${i + 1}, column 1: a .fai line has 5 tab-separated fields (${FIELDS.join(', ')}), this one ${cells.length}`,
      });
      continue;
    }
    let column = cells[0].length + 2;
    for (let f = 1; f < 5; f++) {
      if (!/^\d+$/.test(cells[f])) {
        errors.push({
          line: i + 1,
          column,
          field: FIELDS[f],
          message: `line ${i + 1}, column ${column}: ${FIELDS[f]} '${cells[f]}' is not a whole number`,
        });
        break;
      }
      column += cells[f].length + 1;
    }
    if (errors.length || format !== 'fasta') continue;
    const [length, offset, lineBases, lineBytes] = cells.slice(1, 5).map(Number);
    const end = offset + Math.floor(length / Math.max(lineBases, 1)) * lineBytes + (length % Math.max(lineBases, 1));
    if (end > fastaSrc.size + 1) {
      errors.push({
        line: i + 1,
        column: cells[0].length + cells[1].length + 3,
        field: 'offset',
        message: `line ${i + 1}: '${cells[0]}' would end at byte ${end} of ${fastaSrc.label}, which has ${fastaSrc.size}: the index is not this FASTA's, or the FASTA is truncated (\`samtools faidx\` remakes it)`,
      });
    }
  }
  if (errors.length) throw fileErrors(faiSrc.name, errors);
  if (!lines.some((l) => l.trim()))
    throw fileError(faiSrc.name, {
      line: 1,
      column: 1,
      field: 'index',
      message: 'line 1, column 1: the .fai index is empty',
    });
}

/**
 * The .fai text of a small uncompressed FASTA (read whole: up to `maxBytes`), as `samtools faidx` would write it.
 * Lines of a record must have one length but the last (as samtools requires); a record breaking that is an error.
 */
export async function buildFastaIndex(source, { maxBytes = 200e6 } = {}) {
  const src = await openSource(source, 'genome');
  if (src.size > maxBytes) {
    throw fileError(src.name, {
      field: 'index',
      message: `${src.label} is ${(src.size / 1e6).toFixed(0)} MB: index it with \`samtools faidx ${src.label}\``,
    });
  }
  const bytes = await readAll(src);
  const out = [];
  let rec = null;
  let pos = 0;
  let lineNo = 0;
  const finish = () => rec && out.push([rec.name, rec.length, rec.offset, rec.lineBases, rec.lineBytes].join('\t'));
  while (pos < bytes.length) {
    let nl = bytes.indexOf(10, pos);
    if (nl < 0) nl = bytes.length;
    lineNo++;
    const lineBytes = nl - pos + (nl < bytes.length ? 1 : 0);
    const cr = nl > pos && bytes[nl - 1] === 13 ? 1 : 0;
    const bases = nl - pos - cr;
    if (bytes[pos] === 62) {
      finish();
      const header = new TextDecoder().decode(bytes.subarray(pos + 1, nl - cr));
      rec = { name: header.split(/\s/)[0], length: 0, offset: nl + 1, lineBases: 0, lineBytes: 0, short: 0 };
    } else if (rec && bases > 0) {
      if (rec.short) {
        throw fileError(src.name, {
          line: rec.short,
          column: 1,
          field: 'genome',
          message: `line ${rec.short}, column 1: a line of '${rec.name}' is shorter than the lines around it; an indexed FASTA needs lines of one length`,
        });
      }
      if (!rec.lineBases) Object.assign(rec, { lineBases: bases, lineBytes });
      else if (bases < rec.lineBases) rec.short = lineNo;
      if (bases > rec.lineBases) {
        throw fileError(src.name, {
          line: lineNo,
          column: rec.lineBases + 1,
          field: 'genome',
          message: `line ${lineNo}, column ${rec.lineBases + 1}: a line of '${rec.name}' is longer than the lines before it; an indexed FASTA needs lines of one length`,
        });
      }
      rec.length += bases;
    } else if (!rec && bases > 0) {
      throw fileError(src.name, {
        line: lineNo,
        column: 1,
        field: 'genome',
        message: `line ${lineNo}, column 1: bases before the first '>' header`,
      });
    }
    pos = nl + 1;
  }
  finish();
  return `${out.join('\n')}\n`;
}
