// bin/cli/genome-dataset.mjs: the options of a dataset built from genome files (js/genome/dataset.js), shared by
// `helix dataset` (which writes it) and `helix train --genome` (which trains on it): their parsing, the table cut
// by split, the summary lines and the progress on stderr.
import { UsageError, list, need, number, count } from './args.mjs';
import { DEFAULTS } from '../../js/genome/dataset.js';

/** buildDataset's options from the command line; `length` is the window length when --length is absent. */
export function datasetOptions(args, { length } = {}) {
  const options = {
    genome: need(args, 'genome'),
    fai: args.fai,
    gzi: args.gzi,
    peaks: need(args, 'peaks'),
    length: count(args, 'length') ?? length ?? missingLength(),
    negatives: args.negatives ?? DEFAULTS.negatives,
    ratio: count(args, 'ratio') ?? DEFAULTS.ratio,
    bigwig: list(args.bigwig),
    valid: list(args.valid),
    test: list(args.test),
    maxN: number(args, 'max-n') ?? DEFAULTS.maxN,
    seed: number(args, 'seed', { integer: true }) ?? DEFAULTS.seed,
    reverseComplement: Boolean(args['reverse-complement']),
    shift: count(args, 'shift', 0) ?? 0,
    checksums: !args['no-checksums'],
    onProgress: progressPrinter(args.quiet),
  };
  if (options.maxN > 1) throw new UsageError(`--max-n must be a share from 0 to 1, got '${args['max-n']}'`);
  return options;
}

function missingLength() {
  throw new UsageError("--length is required: the window length in bases (the model's input length)");
}

/** The table's rows by their split column: {train, valid, test}, each a table with the header. */
export function splitTables(table) {
  const [header, ...lines] = table.replace(/\n$/, '').split('\n');
  const at = header.split('\t').indexOf('split');
  const out = { train: [], valid: [], test: [] };
  for (const line of lines) out[line.split('\t')[at]].push(line);
  return Object.fromEntries(Object.entries(out).map(([s, rows]) => [s, `${[header, ...rows].join('\n')}\n`]));
}

/** "windows (positives + negatives): train 80 + 80, ..." and what was dropped: the lines a build prints. */
export function datasetSummary(m) {
  const c = m.counts;
  const split = (s) => `${s} ${c[s].positives} + ${c[s].negatives}`;
  const d = m.dropped;
  return (
    `windows (positives + negatives): ${split('train')}, ${split('valid')}, ${split('test')}\n` +
    `dropped: ${d.tooManyN.positives + d.tooManyN.negatives} with more than ${m.options.maxN * 100}% N, ` +
    `${d.offChromosome} past a chromosome end` +
    (m.options.negatives === 'gc' ? `, ${d.unmatchedGc} negatives not GC-matched; GC KS statistic ${m.gc.ks}` : '') +
    '\n'
  );
}

// One line per stage on stderr (the current count rewritten in place on a terminal).
function progressPrinter(quiet) {
  if (quiet) return undefined;
  const tty = process.stderr.isTTY;
  let stage = null;
  return (p) => {
    if (p.stage !== stage) {
      if (stage && tty) process.stderr.write('\n');
      stage = p.stage;
      if (!tty) process.stderr.write(`${p.stage}...\n`);
    }
    if (tty) process.stderr.write(`\r\x1b[K${p.stage}: ${p.done}/${p.total}`);
  };
}
