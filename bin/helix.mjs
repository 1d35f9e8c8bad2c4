#!/usr/bin/env node
// bin/helix.mjs: the `helix` command: training, prediction and evaluation in Node, on the same WebAssembly
// engine and JS API as the page (js/helix.js). This file is the table of commands and the dispatch: each
// command is a module of bin/commands/ ({usage(), run(args)}); what differs by model family lives in
// bin/families/, the helpers every command shares in bin/cli/.
import { parseOptions, UsageError } from './cli/args.mjs';
import { exitAfterFlush, exitWithError } from './cli/exit.mjs';

// name: [module, one line of help]. `helix --help` lists them; `helix COMMAND --help` shows the command's usage.
const COMMANDS = {
  train: ['train.mjs', 'train a model of any family (sequence, graph, autoencoder, GAN) and save it'],
  predict: ['predict.mjs', 'predictions of a saved sequence or graph model, as TSV'],
  evaluate: ['evaluate.mjs', "a saved model's scores on labelled data, as JSON"],
  explain: ['explain.mjs', 'per-base attributions or in-silico mutagenesis of a sequence model'],
  variants: ['variants.mjs', 'the score changes of sequence variants (reference vs alternative)'],
  motifs: ['motifs.mjs', "a sequence model's first-layer filters as motifs, matched to a motif database"],
  encode: ['encode.mjs', "an autoencoder's latent codes of the cells of a matrix"],
  sample: ['sample.mjs', 'sequences from a saved GAN'],
  dataset: ['dataset.mjs', 'a training table from a genome and peaks (FASTA/2bit, BED/narrowPeak, bigWig)'],
  simulate: ['simulate.mjs', 'simulated labelled data: sequence tables, FASTA or graphs'],
  export: ['export.mjs', 'a model as a PyTorch project or an ONNX file'],
  import: ['import.mjs', 'weights trained in PyTorch back into a Helix model file'],
  presets: ['presets.mjs', 'every preset with its description'],
};

const OVERVIEW = `Usage: helix COMMAND [options]   (helix COMMAND --help: its options)

${Object.entries(COMMANDS)
  .map(([name, [, help]]) => `  ${name.padEnd(9)} ${help}`)
  .join('\n')}

Training stops at once on Ctrl-C (the process ends by the signal: status 130) and writes nothing; a run whose
loss, gradient or weights become NaN or infinite stops with the epoch, batch and learning rate named (exit 1)
and writes nothing. Every file written goes through a temporary name and a rename: no command leaves half a
file. Errors in input files name the file, line and column (exit 1); bad usage exits with 2.

Data: sequence models train on and are evaluated on a table (TSV or CSV with a header) with a 'sequence' column
and a 0/1 label column ('label', or the one --label names; class indices 0..K-1 for a K-class model); an 'id'
or 'name' column names the records. predict takes FASTA, such a table, or one sequence per line, of any size
(streamed); train and evaluate hold their table (or its .gz) in memory and take up to 100 MB. A profile model
(bpnet-profile) reads per-strand count columns (counts_plus, counts_minus) instead of labels. --labels a,b: one 0/1 column
per task (an empty cell is a missing label); --features a,b: the numeric columns of the model's second input;
--init-from copies the weights of the layers two models share (or --transfer-layers), --freeze keeps layers
fixed while the rest is fine-tuned. Graph models read a nodes table (node, label, [split], [graph], features)
and an edges table (source, target). Autoencoders read a cells × genes matrix (TSV/CSV or .gz: an id column,
then a column per gene); --labels-file joins a metadata table by id. GANs train on sequences of one length.`;

const load = (name) => import(`./commands/${COMMANDS[name][0]}`);

async function main([name, ...rest]) {
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${OVERVIEW}\n`);
    return;
  }
  if (!Object.hasOwn(COMMANDS, name)) throw new UsageError(`unknown command '${name}'`);
  const command = await load(name);
  const args = parseOptions(rest);
  if (args.help) {
    process.stdout.write(`${command.usage()}\n`);
    return;
  }
  await command.run(args);
}

// The usage a UsageError shows: the command's, or the overview.
const usageOf = async (name) => (Object.hasOwn(COMMANDS, name ?? '') ? (await load(name)).usage() : OVERVIEW);

const argv = process.argv.slice(2);
main(argv).then(
  () => exitAfterFlush(process.exitCode ?? 0),
  async (e) => exitWithError(e, await usageOf(argv[0])),
);
