// bin/families/gan.mjs: GANs that write DNA in the `helix` command. They train on sequences of one length
// (--data: FASTA, a table or one per line), counted in generator steps; with --motif, training and sampling
// report how often the motif occurs in samples against the same samples shuffled.
import { count, number, present } from '../cli/args.mjs';
import { readText, openModel } from '../cli/files.mjs';
import { stepPrinter } from '../cli/progress.mjs';
import { writeOutput } from '../cli/output.mjs';

export const gan = {
  name: 'gan',
  what: 'GANs',
  marks: [],
  train: {
    usage: '--data seqs.fa [--epochs N] [--steps N] [--batch-size N] [--lr X] [--seed S] [--motif TGATAA]',
    required: ['data'],
    options: ['data', 'epochs', 'steps', 'batch-size', 'lr', 'seed', 'motif'],
    prepare: async (model, args) => ({
      input: await readText(args.data, 'data'),
      file: args.data,
      metadata: { data: args.data },
    }),
    progress: (args) =>
      stepPrinter(
        args.quiet,
        (p) =>
          `step ${p.step}/${p.steps} · epoch ${p.epoch} · ` +
          `D loss ${p.dLoss.toFixed(4)} · G loss ${p.gLoss.toFixed(4)} · D(real) ${p.dReal.toFixed(3)} · ` +
          `D(fake) ${p.dFake.toFixed(3)} · ${p.seconds.toFixed(1)} s`,
      ),
    summary: (s) =>
      `${s.stepsRun} steps on ${s.records} sequences · ${s.seconds.toFixed(1)} s\n` +
      (s.enrichment ? enrichmentLine(s.enrichment) : ''),
  },
  sample: {
    usage: '--model gan.json [--count N] [--seed S] [--temperature T] [--out samples.fa] [--motif TGATAA]',
    run: sample,
  },
};

function enrichmentLine(e) {
  const ratio = e.ratio == null ? 'n/a (no shuffle made the motif)' : `${e.ratio.toFixed(1)}x`;
  return (
    `motif ${e.motif} (${e.strands} strand): ${e.observed} occurrences in ${e.sequences} samples ` +
    `(${e.withMotif} carry it) vs ${e.shuffled.toFixed(1)} when each sample is shuffled; observed/shuffled ${ratio}\n`
  );
}

// FASTA of `--count` samples (>gan1, >gan2, ...); with --motif, their enrichment on stderr.
async function sample(helix, args) {
  const model = await openModel(args, (text) => helix.loadGan(text));
  const n = count(args, 'count') ?? 100;
  const options = present({ seed: number(args, 'seed', { integer: true }), temperature: number(args, 'temperature') });
  const { sequences } = model.sample(n, options);
  await writeOutput(args.out, sequences.map((s, i) => `>gan${i + 1}\n${s}\n`).join(''));
  if (args.motif) process.stderr.write(enrichmentLine(model.motifEnrichment(args.motif, { count: n, ...options })));
  model.dispose();
}
