// bin/commands/motifs.mjs: `helix motifs`: the first conv1d layer's filters of a saved sequence model as motifs,
// each with its best matches in a motif database: a TSV row per filter, or the whole answer as JSON.
import { count, number, present } from '../cli/args.mjs';
import { engine } from '../cli/engine.mjs';
import { openModel, readText } from '../cli/files.mjs';
import { printJson, tsv } from '../cli/output.mjs';
import { HelixInputError } from '../../js/helix.js';

export const usage =
  () => `helix motifs --model model.json [--input seqs.fa] [--db motifs.jaspar|.meme] [--top N] [--threshold X] [--json]
  (first conv1d filters as motifs from the windows of --input, or 2000 random sequences, with their best
  matches in --db, default JASPAR 2020 CORE vertebrates; TSV: filter, sites, IC, consensus, best match id,
  name, score, strand; --json: everything, with the matrices)`;

export async function run(args) {
  const helix = await engine(args);
  const model = await openModel(args, (text) => helix.loadModel(text));
  const options = present({ top: count(args, 'top'), threshold: number(args, 'threshold') });
  if (args.input) options.sequences = await readText(args.input, 'input');
  if (args.db) Object.assign(options, { db: await readText(args.db, 'motif database'), dbName: args.db });
  let r;
  try {
    r = await model.motifs(options);
  } catch (e) {
    if (e instanceof HelixInputError) e.file = { db: args.db, model: args.model }[e.errors[0]?.field] ?? args.input;
    throw e;
  }
  model.dispose();
  if (args.json) {
    printJson(r);
    return;
  }
  process.stdout.write(
    tsv(
      ['filter', 'sites', 'ic', 'consensus', 'match_id', 'match_name', 'score', 'strand'],
      r.filters.map((f) => {
        const best = f.matches[0];
        return [
          f.name,
          f.sites,
          f.informationContent.toFixed(2),
          f.consensus,
          best?.id ?? '',
          best?.name ?? '',
          best ? best.score.toFixed(3) : '',
          best?.strand ?? '',
        ];
      }),
    ),
  );
}
