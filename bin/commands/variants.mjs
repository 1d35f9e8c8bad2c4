// bin/commands/variants.mjs: `helix variants`: how much each variant (reference vs alternative allele) changes
// a saved sequence model's score, largest change first, as TSV or JSON.
import { number, count, present, need, UsageError } from '../cli/args.mjs';
import { askModel } from '../cli/sequence-input.mjs';
import { writeOutput, tsv, cell } from '../cli/output.mjs';
import { engine } from '../cli/engine.mjs';
import { openModel, withFile } from '../cli/files.mjs';
import { openGenome } from '../../js/genome/genome.js';
import { vcfAllelePairs } from '../../js/genome/vcf-variants.js';
import { HelixInputError } from '../../js/helix.js';

export const usage =
  () => `helix variants --model model.json --input variants.tsv [--head NAME] [--class K] [--json] [--out FILE]
  variants.tsv: id sequence position ref alt (position 1-based) or id ref_sequence alt_sequence;
  TSV: id position ref alt refScore altScore difference logOddsRatio, largest |difference| first
helix variants --model model.json --vcf calls.vcf[.gz] --genome GENOME [--length N] [--head NAME] [--json] [--out FILE]
  each ALT allele scored on the window of the model's length (or --length) centred on the variant, read from
  the genome (an indel re-centred); TSV: id chrom pos ref alt refScore altScore difference logOddsRatio. A
  variant whose REF disagrees with the genome (or on an unknown chromosome, or a symbolic ALT) is reported at
  its line on stderr and skipped; the others are scored`;

export async function run(args) {
  const options = present({ head: args.head, class: number(args, 'class', { integer: true }) });
  if (args.vcf) return fromVcf(args, options);
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

// --vcf: allele pairs from the genome (js/genome/vcf-variants.js), scored in the two-allele layout.
async function fromVcf(args, options) {
  if (args.input) throw new UsageError('give either --input or --vcf, not both');
  const genome = await openGenome(need(args, 'genome'), { fai: args.fai, gzi: args.gzi });
  const helix = await engine(args);
  const model = await openModel(args, (text) => helix.loadModel(text));
  const length = count(args, 'length') ?? model.spec.input?.length ?? null;
  if (!length) throw new UsageError('--length is required: this model takes any length');
  const pairs = await vcfAllelePairs(args.vcf, genome, { length });
  for (const p of pairs.problems) process.stderr.write(`helix: ${pairs.file}: ${p.message}\n`);
  if (!pairs.variants.length) {
    const e = new HelixInputError(
      pairs.problems.length
        ? pairs.problems
        : [{ line: 1, column: 1, field: 'vcf', message: 'line 1, column 1: no variants to score' }],
    );
    e.file = pairs.file;
    throw e;
  }
  const result = await withFile(args.vcf, () => model.variants(pairs.table, options));
  model.dispose();
  const where = new Map(pairs.variants.map((v) => [v.id, v]));
  await writeOutput(
    args.out,
    args.json
      ? `${JSON.stringify({ ...result, skipped: pairs.problems })}\n`
      : tsv(
          ['id', 'chrom', 'pos', 'ref', 'alt', 'refScore', 'altScore', 'difference', 'logOddsRatio'],
          result.variants.map((v) => {
            const w = where.get(v.id);
            return [
              v.id,
              w.chrom,
              w.pos,
              w.ref,
              w.alt,
              cell(v.refScore),
              cell(v.altScore),
              cell(v.difference),
              cell(v.logOddsRatio),
            ];
          }),
        ),
  );
}
