// bin/cli/output.mjs: what a command prints: to --out (through a temporary file and a rename) or to stdout.
import { writeAtomically } from './atomic-write.mjs';

/** Writes `text` to the file `out` when given, else to stdout. */
export async function writeOutput(out, text) {
  if (out) await writeAtomically(out, text);
  else process.stdout.write(text);
}

/** Rows (arrays of cells) as TSV text, a line each, the header first. */
export const tsv = (header, rows) => `${[header, ...rows].map((r) => r.join('\t')).join('\n')}\n`;

/** `value` as indented JSON on stdout (evaluate's scores, motifs --json). */
export const printJson = (value) => process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);

/** A number with 6 significant digits, or an empty cell. */
export const cell = (x) => (x == null ? '' : Number(x).toPrecision(6));
