// js/genome/regions.js: BED3, BED6 and narrowPeak regions (plain or gzip), each line parsed by @gmod/bed and
// checked against the genome: exact chromosome names (near misses named), 0 ≤ start < end ≤ the chromosome's
// length, strand + - or ., a summit inside its peak. Errors name the file, line, column and field; up to 20,
// then a count. `track`, `browser`, `#` and blank lines are skipped, as genome browsers do.
//   const regions = await readRegions('peaks.narrowPeak', genome); // [{chrom, start, end, name, strand, peak, line}]
import BED from '@gmod/bed';
import { openSource } from './file-source.js';
import { readTextFile } from './text-lines.js';
import { fileErrors } from './file-error.js';
import { nearMisses, unknownChromosome } from './chrom-names.js';
import { summitProblem } from './narrow-peak.js';

const MAX_ERRORS = 20;
const bed = new BED({ columnNames: ['chrom', 'chromStart', 'chromEnd', 'name', 'score', 'strand'] });
const narrowPeak = new BED({ type: 'bigNarrowPeak' }); // chrom ... strand, signalValue, pValue, qValue, peak
const FIELD_NAMES = ['chrom', 'start', 'end', 'name', 'score', 'strand', 'signalValue', 'pValue', 'qValue', 'peak'];
const isSkipped = (line) => !line.trim() || /^(#|track(\s|$)|browser(\s|$))/.test(line);

/**
 * The regions of a BED or narrowPeak `source` (path or File), checked against `genome` (js/genome/genome.js).
 * A line of 10 fields is narrowPeak (its summit kept as `peak`); BED3 to BED6 otherwise (more columns are kept
 * unread). Throws one HelixInputError with every problem found (the first 20, and how many more).
 */
export async function readRegions(source, genome, { role = 'regions' } = {}) {
  const src = await openSource(source, role);
  const text = await readTextFile(src);
  const regions = [];
  const errors = [];
  let more = 0;
  const lines = text.split('\n');
  const mixed = mixedNaming(lines);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].replace(/\r$/, '');
    if (isSkipped(line)) continue;
    const problems = [];
    const region = parseRegion(line, i + 1, genome, problems, mixed);
    if (problems.length) {
      for (const p of problems) errors.length < MAX_ERRORS ? errors.push(p) : more++;
    } else regions.push(region);
  }
  if (errors.length) throw fileErrors(src.name, errors, more);
  if (!regions.length)
    throw fileErrors(src.name, [
      {
        line: 1,
        column: 1,
        field: 'chrom',
        message: 'line 1, column 1: no regions found (expected BED lines: chrom, start, end)',
      },
    ]);
  return regions;
}

// "chr1 ... 1 ...": the first line of each naming style when a file names chromosomes both ways, else null.
function mixedNaming(lines) {
  let chr = 0;
  let plain = 0;
  for (let i = 0; i < lines.length && !(chr && plain); i++) {
    if (isSkipped(lines[i])) continue;
    if (/^chr/i.test(lines[i])) chr ||= i + 1;
    else plain ||= i + 1;
  }
  return chr && plain ? { chr, plain } : null;
}

function parseRegion(line, lineNo, genome, problems, mixed) {
  // UCSC allows spaces between fields when a line has no tab.
  const cells = line.includes('\t') ? line.split('\t') : line.trim().split(/ +/);
  const columns = [];
  let at = 1;
  for (const c of cells) {
    columns.push(at);
    at += c.length + 1;
  }
  const problem = (field, message) => {
    const f = FIELD_NAMES.indexOf(field);
    const column = columns[f] ?? 1;
    problems.push({ line: lineNo, column, field, message: `line ${lineNo}, column ${column}: ${message}` });
  };
  if (cells.length < 3) {
    problem('chrom', `a BED line has at least 3 fields (chrom, start, end), this one has ${cells.length}`);
    return null;
  }
  const isPeak = cells.length === 10;
  const f = (isPeak ? narrowPeak : bed).parseLine(cells);
  // @gmod/bed leaves a '.' or empty field unset; a chromosome is always named (and matched exactly).
  f.chrom ??= cells[0];
  const whole = (x) => typeof x === 'number' && Number.isInteger(x) && x >= 0;
  if (!whole(f.chromStart)) problem('start', `start '${cells[1]}' is not a whole number ≥ 0`);
  if (!whole(f.chromEnd)) problem('end', `end '${cells[2]}' is not a whole number ≥ 0`);
  else if (whole(f.chromStart) && f.chromEnd <= f.chromStart) {
    problem('end', `end ${f.chromEnd} is not after start ${f.chromStart} (BED is 0-based, end exclusive)`);
  }
  const strandText = cells[5];
  if (strandText !== undefined && !['+', '-', '.'].includes(strandText)) {
    problem('strand', `strand '${strandText}' is not +, - or .`);
  }
  const length = genome.sizes.get(f.chrom);
  if (!f.chrom.trim()) problem('chrom', 'the chromosome name is empty');
  else if (length === undefined) {
    let message = unknownChromosome(f.chrom, genome.label, genome.names);
    if (mixed && nearMisses(f.chrom, genome.names).length)
      message += `; this file names chromosomes both with 'chr' (line ${mixed.chr}) and without (line ${mixed.plain})`;
    problem('chrom', message);
  } else if (whole(f.chromEnd) && f.chromEnd > length) {
    problem(
      'end',
      `end ${f.chromEnd} is past the end of ${f.chrom} (${length} bases in ${genome.label}): is the file for another assembly?`,
    );
  }
  let peak;
  if (isPeak) {
    peak = Number(cells[9]);
    const why = whole(f.chromStart) && whole(f.chromEnd) ? summitProblem(peak, f.chromStart, f.chromEnd) : null;
    if (why) problem('peak', why);
  }
  if (problems.length) return null;
  return {
    chrom: f.chrom,
    start: f.chromStart,
    end: f.chromEnd,
    name: f.name,
    strand: strandText === '-' ? '-' : strandText === '+' ? '+' : '.',
    peak,
    line: lineNo,
  };
}
