// bin/commands/explain.mjs: `helix explain`: why a saved sequence model scores each sequence as it does:
// attributions per base (saliency, integrated gradients) or in-silico mutagenesis, as TSV or JSON.
import { number, count, present } from '../cli/args.mjs';
import { askModel } from '../cli/sequence-input.mjs';
import { writeOutput, tsv, cell } from '../cli/output.mjs';

export const usage =
  () => `helix explain --model model.json --input seqs.fa [--method saliency|ig|ism] [--head NAME] [--class K]
  [--probability] [--baseline uniform|shuffled] [--steps N] [--seed S] [--json] [--out FILE]
  TSV: saliency, ig: id position base attribution; ism: id position ref A C G T (score changes)`;

export async function run(args) {
  const options = present({
    method: args.method,
    head: args.head,
    class: number(args, 'class', { integer: true }),
    output: args.probability ? 'probability' : undefined,
    baseline: args.baseline,
    steps: count(args, 'steps'),
    seed: number(args, 'seed', { integer: true }),
  });
  const result = await askModel(args, (model, text) => model.explain(text, options));
  await writeOutput(args.out, args.json ? `${JSON.stringify(result)}\n` : explanationsTsv(result));
}

function explanationsTsv(result) {
  const ism = result.method === 'ism';
  const rows = [];
  for (const e of result.explanations) {
    for (let l = 0; l < e.attributions.length; l++) {
      rows.push([e.id, l + 1, e.sequence[l], ...(ism ? e.ism[l].map(cell) : [cell(e.attributions[l])])]);
    }
  }
  return tsv(ism ? ['id', 'position', 'ref', 'A', 'C', 'G', 'T'] : ['id', 'position', 'base', 'attribution'], rows);
}
