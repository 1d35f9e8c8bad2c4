// bin/cli/args.mjs: the command line of every `helix` command: one table of options (node:util parseArgs,
// strict), and the checks that turn an option's text into a value. A bad option is a UsageError: the command
// prints it with its usage and exits with 2.
import { parseArgs } from 'node:util';

export class UsageError extends Error {}

// Every option of every command: a command ignores the ones it does not read (`helix train` refuses those of
// other families: bin/commands/train.mjs).
const OPTIONS = {
  preset: { type: 'string' },
  spec: { type: 'string' },
  data: { type: 'string' },
  out: { type: 'string' },
  model: { type: 'string' },
  input: { type: 'string' },
  label: { type: 'string' },
  epochs: { type: 'string' },
  'batch-size': { type: 'string' },
  lr: { type: 'string' },
  seed: { type: 'string' },
  threads: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  quiet: { type: 'boolean', short: 'q' },
  kind: { type: 'string' },
  count: { type: 'string' },
  length: { type: 'string' },
  noise: { type: 'string' },
  missing: { type: 'string' },
  nodes: { type: 'string' },
  edges: { type: 'string' }, // graph models
  labels: { type: 'string' },
  features: { type: 'string' }, // multi-task, multimodal
  'init-from': { type: 'string' },
  'transfer-layers': { type: 'string' },
  freeze: { type: 'string' }, // transfer
  steps: { type: 'string' },
  temperature: { type: 'string' },
  motif: { type: 'string' }, // GANs
  'motif-fraction': { type: 'string' },
  'one-site-fraction': { type: 'string' },
  format: { type: 'string' }, // simulate
  'output-length': { type: 'string' }, // simulate --kind profile
  'out-nodes': { type: 'string' },
  'out-edges': { type: 'string' }, // simulate --kind graph-motifs
  matrix: { type: 'string' },
  'labels-file': { type: 'string' },
  'label-column': { type: 'string' }, // autoencoders
  method: { type: 'string' },
  head: { type: 'string' },
  class: { type: 'string' },
  probability: { type: 'boolean' },
  baseline: { type: 'string' },
  json: { type: 'boolean' }, // explain, variants, motifs
  db: { type: 'string' },
  top: { type: 'string' },
  threshold: { type: 'string' }, // motifs
  from: { type: 'string' },
  weights: { type: 'string' }, // export, import
  genome: { type: 'string' },
  fai: { type: 'string' },
  gzi: { type: 'string' },
  peaks: { type: 'string' },
  bigwig: { type: 'string' },
  negatives: { type: 'string' },
  ratio: { type: 'string' },
  valid: { type: 'string' },
  test: { type: 'string' },
  'max-n': { type: 'string' },
  'reverse-complement': { type: 'boolean' },
  shift: { type: 'string' },
  'no-checksums': { type: 'boolean' },
  'split-files': { type: 'boolean' }, // dataset
  bed: { type: 'string' }, // predict --bed
  vcf: { type: 'string' }, // variants --vcf
};

/** The options after the command's name, as {name: text | true}. */
export function parseOptions(argv) {
  try {
    return parseArgs({ args: argv, options: OPTIONS, strict: true }).values;
  } catch (e) {
    throw new UsageError(e.message);
  }
}

/** "a,b" -> ['a', 'b'] (undefined when absent). */
export function list(value) {
  if (value === undefined) return undefined;
  const items = value
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
  if (!items.length) throw new UsageError(`expected a comma-separated list of column or layer names, got '${value}'`);
  return items;
}

/** The option's text, or a UsageError saying it is required. */
export function need(args, name) {
  if (args[name] === undefined) throw new UsageError(`--${name} is required`);
  return args[name];
}

/** The option as a number ≥ min (an integer when asked), undefined when absent. */
export function number(args, name, { integer = false, min = 0 } = {}) {
  if (args[name] === undefined) return undefined;
  const v = Number(args[name]);
  if (!Number.isFinite(v) || v < min || (integer && !Number.isInteger(v))) {
    throw new UsageError(`--${name} must be ${integer ? 'an integer' : 'a number'} ≥ ${min}, got '${args[name]}'`);
  }
  return v;
}

/** An integer option ≥ min (1 by default): counts, epochs, steps. */
export const count = (args, name, min = 1) => number(args, name, { integer: true, min });

/** The options without the absent ones (the engine reads an absent option as its default, a null as an error). */
export const present = (options) => Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
