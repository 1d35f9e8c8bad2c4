#!/usr/bin/env node
// bin/helix.mjs: the `helix` command: batch training, prediction and evaluation in Node, on the same
// WebAssembly engine and JS API as the page (web/engine/helix.js).
import { parseArgs } from 'node:util';
import { readFile, writeFile, rename } from 'node:fs/promises';
import { loadHelix, HelixInputError } from '../web/engine/helix.js';
import { PRESETS, GRAPH_PRESETS, AUTOENCODER_PRESETS } from '../web/engine/presets.js';
import { gunzipSync } from 'node:zlib';

const USAGE = `Usage:
  helix train    --preset NAME | --spec spec.json  --data train.tsv  --out model.json
                 [--label COLUMN] [--epochs N] [--batch-size N] [--lr X] [--seed S] [--threads N]
  helix predict  --model model.json --input seqs.fa [--out predictions.tsv]
  helix evaluate --model model.json --data test.tsv [--label COLUMN]
  helix train    --preset gcn-node --nodes nodes.tsv --edges edges.tsv --out model.json [--epochs N] [--seed S]
  helix evaluate --model model.json --nodes nodes.tsv --edges edges.tsv   (graph models: accuracy on split=test)
  helix train    --preset autoencoder|dae-impute --matrix expr.tsv[.gz] --out model.json
                 [--labels-file cells.tsv --label-column COLUMN] [--epochs N] [--seed S] [--lr X] [--batch-size N]
  helix evaluate --model model.json --matrix expr.tsv[.gz] [--labels-file cells.tsv --label-column COLUMN]
                 (autoencoders: JSON with the imputation MSE on hidden test entries vs per-gene mean imputation)
  helix encode   --model model.json --matrix expr.tsv[.gz] [--labels-file cells.tsv --label-column COLUMN]
                 [--out latent.tsv]   (autoencoders: TSV of id, split, z1..zK [, label]: the latent map)
  helix simulate --kind motif-order|planted-motif [--count N] [--length L] [--seed S] [--out table.tsv]
  helix presets

Data: train/evaluate take a table (TSV or CSV with a header) with a 'sequence' column and a 0/1 label
column ('label', or the one --label names; class indices 0..K-1 for a K-class model such as cnn-splice); an 'id' or 'name' column names the records. predict takes
FASTA, such a table, or one sequence per line. Presets: ${Object.keys(PRESETS).join(', ')}.
Autoencoder presets (${Object.keys(AUTOENCODER_PRESETS).join(', ')}) take --matrix: TSV/CSV (or .gz) with a header, an id column
then one column per gene, one row per cell; --labels-file joins a metadata table by id (--label-column names the label).`;

class UsageError extends Error {}

const OPTIONS = {
  preset: { type: 'string' }, spec: { type: 'string' }, data: { type: 'string' }, out: { type: 'string' },
  model: { type: 'string' }, input: { type: 'string' }, label: { type: 'string' },
  epochs: { type: 'string' }, 'batch-size': { type: 'string' }, lr: { type: 'string' },
  seed: { type: 'string' }, threads: { type: 'string' }, help: { type: 'boolean', short: 'h' },
  quiet: { type: 'boolean', short: 'q' }, kind: { type: 'string' }, count: { type: 'string' },
  length: { type: 'string' },
  nodes: { type: 'string' }, edges: { type: 'string' },  // graph models
  matrix: { type: 'string' }, 'labels-file': { type: 'string' }, 'label-column': { type: 'string' },  // autoencoders
};

function need(args, name) {
  if (args[name] === undefined) throw new UsageError(`--${name} is required`);
  return args[name];
}

function number(args, name, { integer = false, min = 0 } = {}) {
  if (args[name] === undefined) return undefined;
  const v = Number(args[name]);
  if (!Number.isFinite(v) || v < min || (integer && !Number.isInteger(v))) {
    throw new UsageError(`--${name} must be ${integer ? 'an integer' : 'a number'} ≥ ${min}, got '${args[name]}'`);
  }
  return v;
}

async function readText(path, what) {
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read ${what} '${path}': ${e.code === 'ENOENT' ? 'no such file' : e.message}`);
  }
}

// Writes via a temporary name and a rename, so an interrupted run never leaves half a file.
async function writeAtomically(path, text) {
  const tmp = `${path}.tmp-${process.pid}`;
  await writeFile(tmp, text);
  await rename(tmp, path);
}

// Runs fn (sync or async) and tags an input error with the file it came from.
async function withFile(path, fn) {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof HelixInputError) e.file = path;
    throw e;
  }
}

function progressPrinter(quiet) {
  const tty = process.stderr.isTTY;
  return (p) => {
    if (quiet) return;
    const val = p.valAuroc != null ? ` · validation AUROC ${p.valAuroc.toFixed(3)} loss ${p.valLoss.toFixed(4)}` : '';
    if (p.type === 'epoch') {
      process.stderr.write(`${tty ? '\r\x1b[K' : ''}epoch ${p.epoch}/${p.epochs} · loss ${p.loss.toFixed(4)}${val} · ${p.seconds.toFixed(1)} s\n`);
    } else if (p.type === 'batch' && tty) {
      process.stderr.write(`\r\x1b[Kepoch ${p.epoch}/${p.epochs} · batch ${p.batch}/${p.batches} · loss ${p.loss.toFixed(4)}`);
    } else if (p.type === 'error') {
      process.stderr.write(`\n${p.message}\n`);
    }
  };
}

// Binary models: id, probability. K-class models: id, the predicted class (its name when the spec names
// the classes, else its index) and one p_<name> (p_<index>) column per class.
function predictionsTsv(rows, names) {
  const lines = [];
  if (rows.length && rows[0].probabilities) {
    const K = rows[0].probabilities.length;
    const name = (k) => names?.[k] ?? String(k);
    lines.push(['id', 'class', ...Array.from({ length: K }, (_, k) => `p_${name(k)}`)].join('\t'));
    for (const r of rows) lines.push([r.id, name(r.class), ...r.probabilities.map((p) => p.toFixed(6))].join('\t'));
  } else {
    lines.push('id\tprobability');
    for (const r of rows) lines.push(`${r.id}\t${r.probability.toFixed(6)}`);
  }
  return `${lines.join('\n')}\n`;
}

async function train(helix, args) {
  if (!args.preset && !args.spec) throw new UsageError('give a model: --preset NAME or --spec spec.json');
  const dataPath = need(args, 'data');
  const out = need(args, 'out');
  const specText = args.spec ? await readText(args.spec, 'spec') : args.preset;
  const model = await withFile(args.spec ?? '--preset', () => helix.createModel(specText));
  const data = await readText(dataPath, 'data');
  const controller = new AbortController();
  const onSigint = () => {
    process.stderr.write('\ncancelling: nothing will be written\n');
    controller.abort();
  };
  process.once('SIGINT', onSigint);
  const options = {
    epochs: number(args, 'epochs', { integer: true, min: 1 }),
    batchSize: number(args, 'batch-size', { integer: true, min: 1 }),
    learningRate: number(args, 'lr'),
    seed: number(args, 'seed', { integer: true }),
    labelColumn: args.label,
  };
  const summary = await withFile(dataPath, () => model.fit(data, {
    ...options, signal: controller.signal, onProgress: progressPrinter(args.quiet) }));
  process.off('SIGINT', onSigint);
  if (summary.cancelled) {
    process.exitCode = 130;
    return;
  }
  if (summary.error) {
    process.stderr.write(`helix: ${summary.error}\n`);
    process.exitCode = 1;
    return;
  }
  await writeAtomically(out, model.save({ data: dataPath }));
  const t = summary.test;
  const fmt = (x) => (x == null ? 'n/a' : x.toFixed(4));
  process.stderr.write(`best epoch ${summary.bestEpoch} of ${summary.epochsRun}${summary.stoppedEarly ? ' (stopped early)' : ''}; ` +
    `held-out test (${t.n} sequences): accuracy ${fmt(t.accuracy)}, AUROC ${fmt(t.auroc)}, AUPRC ${fmt(t.auprc)}\n` +
    `model written to ${out}\n`);
  model.dispose();
}

// --- graph models (GCN node classification): train and evaluate on a nodes table and an edges table ---
async function loadGraph(model, args) {
  const nodesPath = need(args, 'nodes');
  const edgesPath = need(args, 'edges');
  const nodes = await readText(nodesPath, 'nodes');
  const edges = await readText(edgesPath, 'edges');
  try {
    return model.load(nodes, edges);
  } catch (e) {
    if (e instanceof HelixInputError) e.file = e.source === 'edges' ? edgesPath : e.source === 'nodes' ? nodesPath : undefined;
    throw e;
  }
}

async function trainGraph(helix, args) {
  const out = need(args, 'out');
  const specText = args.spec ? await readText(args.spec, 'spec') : need(args, 'preset');
  const model = await withFile(args.spec ?? '--preset', () => helix.createGraphModel(specText));
  const info = await loadGraph(model, args);
  if (!args.quiet) {
    process.stderr.write(`graph: ${info.nodes} nodes, ${info.edges} edges, ${info.features} features, ${info.classes} classes; ` +
      `train ${info.split.train}, val ${info.split.val}, test ${info.split.test}\n`);
  }
  const controller = new AbortController();
  const onSigint = () => {
    process.stderr.write('\ncancelling: nothing will be written\n');
    controller.abort();
  };
  process.once('SIGINT', onSigint);
  const summary = await model.fit({
    epochs: number(args, 'epochs', { integer: true, min: 1 }), seed: number(args, 'seed', { integer: true }),
    learningRate: number(args, 'lr'), signal: controller.signal,
    onProgress: (p) => args.quiet || process.stderr.write(`epoch ${p.epoch}/${p.epochs} · loss ${p.loss.toFixed(4)}` +
      (p.valLoss == null ? '' : ` · validation accuracy ${p.valAccuracy.toFixed(3)} loss ${p.valLoss.toFixed(4)}`) + '\n'),
  });
  process.off('SIGINT', onSigint);
  if (summary.cancelled) {
    process.exitCode = 130;
    return;
  }
  await writeAtomically(out, model.save({ nodes: args.nodes, edges: args.edges }));
  const t = summary.test;
  process.stderr.write(`best epoch ${summary.bestEpoch} of ${summary.epochsRun}${summary.stoppedEarly ? ' (stopped early)' : ''}; ` +
    `test nodes (${t.n}): accuracy ${t.accuracy == null ? 'n/a' : t.accuracy.toFixed(4)} · ${summary.seconds.toFixed(1)} s\n` +
    `model written to ${out}\n`);
  model.dispose();
}

async function evaluateGraph(helix, args) {
  const modelPath = need(args, 'model');
  const modelText = await readText(modelPath, 'model file');
  const model = await withFile(modelPath, () => helix.loadGraphModel(modelText));
  await loadGraph(model, args);
  process.stdout.write(`${JSON.stringify(model.evaluate(), null, 2)}\n`);
  model.dispose();
}
// --- end graph models ---

// --- autoencoders on expression matrices: train, evaluate and encode on a cells × genes matrix ---
// A .gz file (gzip magic 1f 8b) is decompressed here: the engine takes text.
async function readMatrixText(path, what) {
  let bytes;
  try {
    bytes = await readFile(path);
  } catch (e) {
    throw new UsageError(`cannot read ${what} '${path}': ${e.code === 'ENOENT' ? 'no such file' : e.message}`);
  }
  if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      bytes = gunzipSync(bytes);
    } catch (e) {
      throw new UsageError(`cannot decompress ${what} '${path}': ${e.message}`);
    }
  }
  return bytes.toString('utf8');
}

async function loadMatrix(model, args) {
  const matrixPath = need(args, 'matrix');
  const matrix = await readMatrixText(matrixPath, 'matrix');
  const labelsPath = args['labels-file'];
  const labels = labelsPath ? await readMatrixText(labelsPath, 'labels file') : '';
  try {
    return model.load(matrix, { labels, labelColumn: args['label-column'] ?? 'label' });
  } catch (e) {
    if (e instanceof HelixInputError) e.file = e.source === 'labels' ? labelsPath : matrixPath;
    throw e;
  }
}

async function trainAutoencoder(helix, args) {
  const out = need(args, 'out');
  const specText = args.spec ? await readText(args.spec, 'spec') : need(args, 'preset');
  const model = await withFile(args.spec ?? '--preset', () => helix.createAutoencoder(specText));
  const info = await loadMatrix(model, args);
  if (!args.quiet) {
    process.stderr.write(`matrix: ${info.cells} cells × ${info.genes} genes; train ${info.split.train}, ` +
      `validation ${info.split.validation}, test ${info.split.test}${info.labelled ? `; ${info.labelled} labelled (${info.classes} classes)` : ''}\n`);
  }
  const controller = new AbortController();
  const onSigint = () => {
    process.stderr.write('\ncancelling: nothing will be written\n');
    controller.abort();
  };
  process.once('SIGINT', onSigint);
  const tty = process.stderr.isTTY;
  const summary = await model.fit({
    epochs: number(args, 'epochs', { integer: true, min: 1 }), seed: number(args, 'seed', { integer: true }),
    learningRate: number(args, 'lr'), batchSize: number(args, 'batch-size', { integer: true, min: 1 }),
    signal: controller.signal,
    onProgress: (p) => {
      if (args.quiet) return;
      if (p.type === 'epoch') {
        process.stderr.write(`${tty ? '\r\x1b[K' : ''}epoch ${p.epoch}/${p.epochs} · loss ${p.loss.toFixed(4)}` +
          `${p.valLoss == null ? '' : ` · validation loss ${p.valLoss.toFixed(4)}`} · ${p.seconds.toFixed(1)} s\n`);
      } else if (p.type === 'batch' && tty) {
        process.stderr.write(`\r\x1b[Kepoch ${p.epoch}/${p.epochs} · batch ${p.batch}/${p.batches} · loss ${p.loss.toFixed(4)}`);
      } else if (p.type === 'error') process.stderr.write(`\n${p.message}\n`);
    },
  });
  process.off('SIGINT', onSigint);
  if (summary.cancelled) {
    process.exitCode = 130;
    return;
  }
  if (summary.error) {
    process.stderr.write(`helix: ${summary.error}\n`);
    process.exitCode = 1;
    return;
  }
  await writeAtomically(out, model.save({ matrix: args.matrix, labels: args['labels-file'] ?? null }));
  const t = summary.test;
  const knn = summary.latentKnn;
  process.stderr.write(`best epoch ${summary.bestEpoch} of ${summary.epochsRun}${summary.stoppedEarly ? ' (stopped early)' : ''}` +
    ` · ${summary.seconds.toFixed(1)} s\n` +
    (t ? `test cells (${t.cells}), ${t.hidden} hidden entries: imputation MSE ${t.maskedMse.toFixed(4)} vs per-gene mean ` +
      `${t.meanImputationMse.toFixed(4)} (${(100 * t.improvement).toFixed(1)}% lower)\n` : '') +
    (knn ? `latent kNN (k = ${knn.k}) cell-type accuracy on test cells ${knn.accuracy.toFixed(3)} (majority class ${knn.majorityRate.toFixed(3)})\n` : '') +
    `model written to ${out}\n`);
  model.dispose();
}

async function evaluateAutoencoder(helix, args) {
  const modelPath = need(args, 'model');
  const modelText = await readText(modelPath, 'model file');
  const model = await withFile(modelPath, () => helix.loadAutoencoder(modelText));
  await loadMatrix(model, args);
  process.stdout.write(`${JSON.stringify(model.evaluateImputation(), null, 2)}\n`);
  model.dispose();
}

async function encodeAutoencoder(helix, args) {
  const modelPath = need(args, 'model');
  const modelText = await readText(modelPath, 'model file');
  const model = await withFile(modelPath, () => helix.loadAutoencoder(modelText));
  await loadMatrix(model, args);
  const { ids, codes, split, labels } = model.encode();
  const K = codes[0]?.length ?? 0;
  const header = ['id', 'split', ...Array.from({ length: K }, (_, k) => `z${k + 1}`), ...(labels ? [args['label-column'] ?? 'label'] : [])];
  const lines = [header.join('\t')];
  ids.forEach((id, i) => lines.push([id, split[i], ...codes[i].map((v) => v.toPrecision(6)), ...(labels ? [labels[i]] : [])].join('\t')));
  const tsv = `${lines.join('\n')}\n`;
  if (args.out) await writeAtomically(args.out, tsv);
  else process.stdout.write(tsv);
  model.dispose();
}
// --- end autoencoders ---

async function main(argv) {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  let args;
  try {
    ({ values: args } = parseArgs({ args: rest, options: OPTIONS, strict: true }));
  } catch (e) {
    throw new UsageError(e.message);
  }
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (command === 'presets') {
    for (const [name, spec] of Object.entries(PRESETS)) process.stdout.write(`${name}\t${spec.description}\n`);
    for (const [name, spec] of Object.entries(AUTOENCODER_PRESETS)) process.stdout.write(`${name}\t${spec.description}\n`);
    return;
  }
  if (!['train', 'predict', 'evaluate', 'simulate', 'encode'].includes(command)) throw new UsageError(`unknown command '${command}'`);
  const helix = await loadHelix({ threads: number(args, 'threads', { integer: true, min: 1 }) });
  if (command === 'train' && (args.nodes || GRAPH_PRESETS[args.preset])) return trainGraph(helix, args);
  if (command === 'train' && (args.matrix || AUTOENCODER_PRESETS[args.preset])) return trainAutoencoder(helix, args);
  if (command === 'evaluate' && args.matrix) return evaluateAutoencoder(helix, args);
  if (command === 'encode') return encodeAutoencoder(helix, args);
  if (command === 'evaluate' && args.nodes) return evaluateGraph(helix, args);
  if (command === 'train') return train(helix, args);
  if (command === 'simulate') {
    const options = { count: number(args, 'count', { integer: true, min: 2 }),
      length: number(args, 'length', { integer: true, min: 1 }), seed: number(args, 'seed', { integer: true }) };
    const table = await withFile('--kind', () => helix.simulate(need(args, 'kind'), JSON.parse(JSON.stringify(options))));
    if (args.out) await writeAtomically(args.out, table);
    else process.stdout.write(table);
    return;
  }

  const modelPath = need(args, 'model');
  const modelText = await readText(modelPath, 'model file');
  const model = await withFile(modelPath, () => helix.loadModel(modelText));
  if (command === 'predict') {
    const inputPath = need(args, 'input');
    const text = await readText(inputPath, 'input');
    const rows = await withFile(inputPath, () => model.predict(text));
    const tsv = predictionsTsv(rows, model.spec.classes);
    if (args.out) await writeAtomically(args.out, tsv);
    else process.stdout.write(tsv);
  } else {
    const dataPath = need(args, 'data');
    const text = await readText(dataPath, 'data');
    const scores = await withFile(dataPath, () => model.evaluate(text, { labelColumn: args.label ?? 'label' }));
    process.stdout.write(`${JSON.stringify(scores, null, 2)}\n`);
  }
  model.dispose();
}

main(process.argv.slice(2)).then(
  () => process.exit(process.exitCode ?? 0),
  (e) => {
    if (e instanceof UsageError) {
      process.stderr.write(`helix: ${e.message}\n\n${USAGE}\n`);
      process.exit(2);
    }
    if (e instanceof HelixInputError) {
      const where = e.file ? `${e.file}: ` : '';
      for (const err of e.errors) process.stderr.write(`helix: ${where}${err.message}\n`);
      if (e.moreErrors) process.stderr.write(`helix: ${where}and ${e.moreErrors} more\n`);
      process.exit(1);
    }
    process.stderr.write(`helix: ${e.stack ?? e}\n`);
    process.exit(1);
  },
);
