// bin/commands/variants.mjs: `helix variants`: how much each variant (reference vs alternative allele) changes
// a saved sequence model's score, largest change first, as TSV or JSON.
import { number, present } from '../cli/args.mjs';
import { askModel } from '../cli/sequence-input.mjs';
import { writeOutput, tsv, cell } from '../cli/output.mjs';

export const usage =
  () => `helix variants --model model.json --input variants.tsv [--head NAME] [--class K] [--json] [--out FILE]
  variants.tsv: id sequence position ref alt (position 1-based) or id ref_sequence alt_sequence;
  TSV: id position ref alt refScore altScore difference logOddsRatio, largest |difference| first`;

export async function run(args) {
  const options = present({ head: args.head, class: number(args, 'class', { integer: true }) });
  const result = await askModel(args, (model, text) => model.variants(text, options));
  await writeOutput(
    args.out,
    args.json
      ? `${JSON.stringify(result)}\n`
      : tsv(
          ['id', 'position', 'ref', 'alt', 'refScore', 'altScore', 'difference', 'logOddsRatio'],
          result.variants.map((v) => [
            v.id,
            v.position ?? '',
            v.ref ?? '',
            v.alt ?? '',
            cell(v.refScore),
            cell(v.altScore),
            cell(v.difference),
            cell(v.logOddsRatio),
          ]),
        ),
  );
}
