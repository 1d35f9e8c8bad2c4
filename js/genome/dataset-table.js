// js/genome/dataset-table.js: the rows of a built dataset as the TSV table `helix train` and the page read: the
// engine reads `id`, `sequence`, `label` and any numeric target column, and ignores the columns that say where
// each window came from (chrom, start, end, strand, split), which are there so one sees what was trained on.

const COLUMNS = ['id', 'chrom', 'start', 'end', 'strand', 'split', 'sequence', 'label'];

// A window's id: where it is (BED coordinates, as bedtools getfasta names them), and what was done to it.
function idOf(r) {
  let id = `${r.chrom}:${r.start}-${r.end}`;
  if (r.strand === '-') id += '(-)';
  if (r.shuffled) id += `/shuffle${r.shuffled}`;
  if (r.shifted) id += `/shift${r.shifted > 0 ? '+' : ''}${r.shifted}`;
  return id;
}

const number = (x) => (x === null || x === undefined ? '' : String(Number(x.toPrecision(7))));

const ROWS_PER_PIECE = 1000;

/**
 * TSV text as pieces of up to 1,000 lines (joined, they are the table: a header, then a line per row), so that
 * a table of 20,000 windows of 1,000 bases is written and hashed without one 20 MB string beside its rows.
 * `targets`: the names of the numeric target columns. Each row's `sequence` is let go once its line is made (the
 * line holds it): the rows and the table never both hold every sequence.
 */
export function datasetTablePieces(rows, targets = []) {
  const pieces = [];
  let lines = [[...COLUMNS, ...targets].join('\t')];
  for (const r of rows) {
    const cells = [idOf(r), r.chrom, r.start, r.end, r.strand, r.split, r.sequence, r.label];
    for (let t = 0; t < targets.length; t++) cells.push(number(r.targets?.[t]));
    lines.push(cells.join('\t'));
    delete r.sequence;
    if (lines.length === ROWS_PER_PIECE) {
      pieces.push(`${lines.join('\n')}\n`);
      lines = [];
    }
  }
  if (lines.length) pieces.push(`${lines.join('\n')}\n`);
  return pieces;
}
