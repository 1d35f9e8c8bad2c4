// bin/commands/train.mjs: `helix train`, one command for every family. The preset or spec says the family
// (bin/families/); the family says which data it reads and which options it takes, builds the model, feeds it
// and words its summary. The run itself is the same for all: Ctrl-C cancels it and nothing is written; a
// diverged run exits 1 and writes nothing; the model file goes through a temporary name and a rename.
import { need, number, count, present } from '../cli/args.mjs';
import { specSource, withFile } from '../cli/files.mjs';
import { engine } from '../cli/engine.mjs';
import { fitWithCtrlC } from '../cli/cancel.mjs';
import { writeAtomically } from '../cli/atomic-write.mjs';
import { FAMILIES, trainingFamily, refuseOtherOptions, presetsOf } from '../families/index.mjs';

// The options of training runs, by the engine API's names (a family takes some of them: family.train.options).
const RUN_OPTIONS = {
  epochs: (args) => ['epochs', count(args, 'epochs')],
  steps: (args) => ['steps', count(args, 'steps')],
  'batch-size': (args) => ['batchSize', count(args, 'batch-size')],
  lr: (args) => ['learningRate', number(args, 'lr')],
  seed: (args) => ['seed', number(args, 'seed', { integer: true })],
  label: (args) => ['labelColumn', args.label],
  motif: (args) => ['motif', args.motif],
};

export const usage = () =>
  'helix train --preset NAME | --spec spec.json  --out model.json  [--quiet] [--threads N]\n' +
  "  and the family's data and options (the preset or the spec's shape says the family):\n" +
  FAMILIES.map(
    (f) => `  ${f.what} (${Object.keys(presetsOf(f)).join(', ')}):\n    ${f.train.usage.replaceAll('\n', '\n    ')}`,
  ).join('\n');

export async function run(args) {
  const spec = await specSource(args);
  const family = trainingFamily(args, spec.text);
  for (const name of family.train.required) need(args, name);
  family.train.checkArgs?.(args);
  const out = need(args, 'out');
  refuseOtherOptions(family, args);
  const options = present(
    Object.fromEntries(family.train.options.filter((o) => RUN_OPTIONS[o]).map((o) => RUN_OPTIONS[o](args))),
  );

  const helix = await engine(args);
  const model = await withFile(spec.source, () =>
    helix.create(spec.text, { family: family.name, ...family.train.createOptions?.(args) }),
  );
  const prepared = await family.train.prepare(model, args); // graphs and matrices are read into the model here
  const summary = await fitWithCtrlC((signal) =>
    withFile(prepared.file, () =>
      model.fit(prepared.input, { ...options, signal, onProgress: family.train.progress(args) }),
    ),
  );
  if (!summary) return;
  const after = (await prepared.afterFit?.(model)) ?? ''; // e.g. the held-out chromosomes' scores (--genome)
  await writeAtomically(out, model.save(prepared.metadata));
  process.stderr.write(`${family.train.summary(summary, prepared)}${after}model written to ${out}\n`);
  model.dispose();
}
