#!/usr/bin/env node
// bin/helix.mjs: the `helix` command: batch training, prediction and evaluation in Node, on the same
// WebAssembly engine and JS API as the page (js/helix.js).
import { parseArgs } from 'node:util';
import { readFile, mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { loadHelix, HelixInputError } from '../js/helix.js';
import { PRESETS, GRAPH_PRESETS, GAN_PRESETS, AUTOENCODER_PRESETS } from '../js/presets.js';
import { gunzipSync } from 'node:zlib';
import { exportOrImport, EXPORT_USAGE } from './export-commands.mjs';
import { predictFile } from './predict-stream.mjs';
import { writeAtomically, dieOfSigint } from './atomic-write.mjs';

const USAGE = `Usage:
  helix train    --preset NAME | --spec spec.json  --data train.tsv  --out model.json
                 [--label COLUMN | --labels A,B] [--features X,Y] [--epochs N] [--batch-size N] [--lr X] [--seed S]
                 [--init-from pretrained.json [--transfer-layers L1,L2]] [--freeze L1,L2] [--threads N]
  helix predict  --model model.json --input seqs.fa [--out predictions.tsv]
  helix evaluate --model model.json --data test.tsv [--label COLUMN]
  helix explain  --model model.json --input seqs.fa [--method saliency|ig|ism] [--head NAME] [--class K]
                 [--probability] [--baseline uniform|shuffled] [--steps N] [--seed S] [--json] [--out FILE]
                 TSV: saliency, ig: id position base attribution; ism: id position ref A C G T (score changes)
  helix variants --model model.json --input variants.tsv [--head NAME] [--class K] [--json] [--out FILE]
                 variants.tsv: id sequence position ref alt (position 1-based) or id ref_sequence alt_sequence;
                 TSV: id position ref alt refScore altScore difference logOddsRatio, largest |difference| first
  helix train    --preset gcn-node --nodes nodes.tsv --edges edges.tsv --out model.json [--epochs N] [--seed S]
  helix evaluate --model model.json --nodes nodes.tsv --edges edges.tsv   (graph models: accuracy on split=test)
  helix simulate --kind KIND [--count N] [--length L] [--seed S] [--noise X] [--missing X] [--out table.tsv]
                 KIND: motif-order, planted-motif (id, sequence, label);
                 splice-features (intron features, label; no --length); multitask (sequence, gata1, tal1;
                 --missing: share of empty label cells); multimodal (sequence, accessibility, conservation,
                 label); transfer-pretrain, transfer-finetune (sequence, label). --noise: share of labels flipped
                 [--motif TGATAA] [--motif-fraction F] [--format table|fasta]   (planted-motif; an --out ending in .fa is FASTA)
  helix train    --preset gan-dna --data seqs.fa --out gan.json [--epochs N] [--steps N] [--seed S] [--motif TGATAA]
  helix sample   --model gan.json [--count N] [--seed S] [--temperature T] [--out samples.fa] [--motif TGATAA]
  helix train    --preset gcn-graph --nodes nodes.tsv --edges edges.tsv --out model.json   (a label per graph)
  helix predict  --model model.json --nodes nodes.tsv --edges edges.tsv [--out predictions.tsv]
  helix simulate --kind graph-motifs [--count N] [--seed S] --out-nodes nodes.tsv --out-edges edges.tsv | --out DIR
  helix train    --preset autoencoder|dae-impute --matrix expr.tsv[.gz] --out model.json
                 [--labels-file cells.tsv --label-column COLUMN] [--epochs N] [--seed S] [--lr X] [--batch-size N]
  helix evaluate --model model.json --matrix expr.tsv[.gz] [--labels-file cells.tsv --label-column COLUMN]
                 (autoencoders: JSON with the imputation MSE on hidden test entries vs per-gene mean imputation)
  helix encode   --model model.json --matrix expr.tsv[.gz] [--labels-file cells.tsv --label-column COLUMN]
                 [--out latent.tsv]   (autoencoders: TSV of id, split, z1..zK [, label]: the latent map)
  helix motifs   --model model.json [--input seqs.fa] [--db motifs.jaspar|.meme] [--top N] [--threshold X] [--json]
                 (first conv1d filters as motifs from the windows of --input, or 2000 random sequences, with
                 their best matches in --db, default JASPAR 2020 CORE vertebrates; TSV: filter, sites, IC,
                 consensus, best match id, name, score, strand; --json: everything, with the matrices)
${EXPORT_USAGE}
  helix presets

Training stops at once on Ctrl-C (the process ends by the signal: status 130) and writes nothing; a run whose loss, gradient or weights become NaN
or infinite stops with the epoch, batch and learning rate named (exit 1) and writes nothing. Every file written
goes through a temporary name and a rename: no command leaves half a file.

Data: train/evaluate take a table (TSV or CSV with a header) with a 'sequence' column and a 0/1 label
column ('label', or the one --label names; class indices 0..K-1 for a K-class model such as cnn-splice); an 'id' or 'name' column names the records. predict takes
FASTA, such a table, or one sequence per line, of any size: it reads the file a piece of records at a time and
writes each piece's rows before reading on (progress on stderr); train and evaluate hold their table in memory
and take up to 100 MB. Multi-task: --labels gata1,tal1 reads one 0/1 column per
task (an empty cell is a missing label). Multimodal: --features a,b names the numeric columns of the
model's second input. Transfer: --init-from copies the weights of the layers the two models share
(or --transfer-layers), --freeze keeps layers fixed while the rest is fine-tuned (--lr).
Presets: ${Object.keys(PRESETS).join(', ')}.
GANs (${Object.keys(GAN_PRESETS).join(', ')}) train on sequences of one length (FASTA, a table or one per line) and
print D and G losses; with --motif, train and sample report the motif's occurrences (forward strand) in samples
against the same samples shuffled (observed/shuffled ratio) on stderr.

Graph models (${Object.keys(GRAPH_PRESETS).join(', ')}) read a nodes table (node, label, [split], features) and an
edges table (source, target); a 'graph' column in the nodes table groups nodes into graphs, one label per graph
(gcn-graph). graph-motifs writes such tables (--out DIR: DIR/nodes.tsv and DIR/edges.tsv).
Autoencoder presets (${Object.keys(AUTOENCODER_PRESETS).join(', ')}) take --matrix: TSV/CSV (or .gz) with a header, an id column
then one column per gene, one row per cell; --labels-file joins a metadata table by id (--label-column names the label).`;

class UsageError extends Error {}

const OPTIONS = {
  preset: { type: 'string' }, spec: { type: 'string' }, data: { type: 'string' }, out: { type: 'string' },
  model: { type: 'string' }, input: { type: 'string' }, label: { type: 'string' },
  epochs: { type: 'string' }, 'batch-size': { type: 'string' }, lr: { type: 'string' },
  seed: { type: 'string' }, threads: { type: 'string' }, help: { type: 'boolean', short: 'h' },
  quiet: { type: 'boolean', short: 'q' }, kind: { type: 'string' }, count: { type: 'string' },
  length: { type: 'string' }, noise: { type: 'string' }, missing: { type: 'string' },
  nodes: { type: 'string' }, edges: { type: 'string' },  // graph models
  labels: { type: 'string' }, features: { type: 'string' },  // multi-task, multimodal
  'init-from': { type: 'string' }, 'transfer-layers': { type: 'string' }, freeze: { type: 'string' },  // transfer
  steps: { type: 'string' }, temperature: { type: 'string' }, motif: { type: 'string' },  // GANs
  'motif-fraction': { type: 'string' }, format: { type: 'string' },  // simulate
  'out-nodes': { type: 'string' }, 'out-edges': { type: 'string' },  // simulate --kind graph-motifs
  matrix: { type: 'string' }, 'labels-file': { type: 'string' }, 'label-column': { type: 'string' },  // autoencoders
  method: { type: 'string' }, head: { type: 'string' }, class: { type: 'string' }, probability: { type: 'boolean' },
  baseline: { type: 'string' }, json: { type: 'boolean' },  // explain, variants, motifs
  db: { type: 'string' }, top: { type: 'string' }, threshold: { type: 'string' },  // motifs
  from: { type: 'string' }, weights: { type: 'string' },  // export, import
};

// "a,b" -> ['a', 'b'] (undefined when absent).
function list(value) {
  if (value === undefined) return undefined;
  const items = value.split(',').map((x) => x.trim()).filter(Boolean);
  if (!items.length) throw new UsageError(`expected a comma-separated list of column or layer names, got '${value}'`);
  return items;
}

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

// Training and evaluation hold the whole table in the engine's memory (the threaded build's heap is 512 MB):
// a 100 MB table of 100-base sequences fits (measured: its run starts in 30 s), a 160 MB one aborts the
// engine. A larger file is refused before it is read, with the limit. (predict streams: no limit.)
const MAX_TABLE_MB = 100;
async function checkTableSize(path) {
  let size;
  try {
    size = (await stat(path)).size;
  } catch {
    return; // readText says what is wrong with the path
  }
  if (size <= MAX_TABLE_MB * 1e6) return;
  const e = new HelixInputError([{ message: `${(size / 1e6).toFixed(1)} MB is more than the ${MAX_TABLE_MB} MB that training and ` +
    `evaluation hold in memory; use a sample of the table (helix predict takes files of any size)` }]);
  e.file = path;
  throw e;
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

// Runs fit(signal); Ctrl-C stops it at once (the process dies of the signal, the shell sees 130): nothing has been
// written yet and nothing will be, so the process leaves without waiting for the run's summary. The summary, or null when there is nothing to write:
// the run diverged (exit 1, the message printed; no model is written, though the API's model keeps the weights
// from before the bad step).
async function fitWithCtrlC(fit) {
  const controller = new AbortController();
  const onSigint = () => {
    controller.abort();
    process.stderr.write('\ncancelled: nothing was written\n');
    dieOfSigint();
  };
  process.once('SIGINT', onSigint);
  let summary;
  try {
    summary = await fit(controller.signal);
  } finally {
    process.off('SIGINT', onSigint);
  }
  if (summary.cancelled) {
    process.exitCode = 130;
    return null;
  }
  if (summary.error) {
    process.stderr.write(`${process.stderr.isTTY ? '\n' : ''}helix: ${summary.error}\nhelix: nothing was written\n`);
    process.exitCode = 1;
    return null;
  }
  return summary;
}

function progressPrinter(quiet) {
  const tty = process.stderr.isTTY;
  return (p) => {
    if (quiet) return;
    const val = p.valAuroc != null ? ` · validation AUROC ${p.valAuroc.toFixed(3)} loss ${p.valLoss.toFixed(4)}`
      : p.valLoss != null ? ` · validation loss ${p.valLoss.toFixed(4)}` : '';
    if (p.type === 'epoch') {
      process.stderr.write(`${tty ? '\r\x1b[K' : ''}epoch ${p.epoch}/${p.epochs} · loss ${p.loss.toFixed(4)}${val} · ${p.seconds.toFixed(1)} s\n`);
    } else if (p.type === 'batch' && tty) {
      process.stderr.write(`\r\x1b[Kepoch ${p.epoch}/${p.epochs} · batch ${p.batch}/${p.batches} · loss ${p.loss.toFixed(4)}`);
    }  // an 'error' event (divergence) is printed once, by fitWithCtrlC
  };
}

// Binary models: id, probability. K-class models: id, the predicted class (its name when the spec names
// the classes, else its index) and one p_<name> (p_<index>) column per class.
function predictionsTsv(rows, names) {
  const lines = [];
  if (rows.length && rows[0].heads) {  // multi-head: a probability (or a class) per head
    const heads = Object.keys(rows[0].heads);
    const cell = (h) => (h.probabilities ? (h.label ?? String(h.class)) : h.probability.toFixed(6));
    lines.push(['id', ...heads].join('\t'));
    for (const r of rows) lines.push([r.id, ...heads.map((n) => cell(r.heads[n]))].join('\t'));
  } else if (rows.length && rows[0].probabilities) {
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
  const model = await withFile(args.spec ?? '--preset', () => helix.createModel(specText,
    { labels: list(args.labels), features: list(args.features) }));
  if (args['init-from']) {
    const pretrained = await readText(args['init-from'], 'pretrained model');
    const layers = await withFile(args['init-from'], () => model.loadWeightsFrom(pretrained, list(args['transfer-layers']) ?? null));
    if (!args.quiet) process.stderr.write(`weights of ${layers.join(', ')} taken from ${args['init-from']}\n`);
  }
  if (args.freeze) {
    await withFile('--freeze', () => model.freeze(list(args.freeze)));
    if (!args.quiet) process.stderr.write(`frozen: ${list(args.freeze).join(', ')}\n`);
  }
  await checkTableSize(dataPath);
  const data = await readText(dataPath, 'data');
  const options = {
    epochs: number(args, 'epochs', { integer: true, min: 1 }),
    batchSize: number(args, 'batch-size', { integer: true, min: 1 }),
    learningRate: number(args, 'lr'),
    seed: number(args, 'seed', { integer: true }),
    labelColumn: args.label,
  };
  const summary = await fitWithCtrlC((signal) => withFile(dataPath, () => model.fit(data, {
    ...options, signal, onProgress: progressPrinter(args.quiet) })));
  if (!summary) return;
  await writeAtomically(out, model.save({ data: dataPath }));
  const t = summary.test;
  const fmt = (x) => (x == null ? 'n/a' : x.toFixed(4));
  process.stderr.write(`best epoch ${summary.bestEpoch} of ${summary.epochsRun}${summary.stoppedEarly ? ' (stopped early)' : ''}; ` +
    `held-out test (${t.n} sequences): accuracy ${fmt(t.accuracy)}, AUROC ${fmt(t.auroc)}, AUPRC ${fmt(t.auprc)}\n` +
    Object.entries(t.heads ?? {}).map(([name, h]) =>
      `  ${name} (${h.n} labelled): accuracy ${fmt(h.accuracy)}, AUROC ${fmt(h.auroc)}, AUPRC ${fmt(h.auprc)}\n`).join('') +
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
    process.stderr.write(`${info.graphs === undefined ? 'graph: ' : `${info.graphs} graphs: `}` +
      `${info.nodes} nodes, ${info.edges} edges, ${info.features} features, ${info.classes} classes; ` +
      `train ${info.split.train}, val ${info.split.val}, test ${info.split.test}\n`);
  }
  const summary = await fitWithCtrlC((signal) => model.fit({
    epochs: number(args, 'epochs', { integer: true, min: 1 }), seed: number(args, 'seed', { integer: true }),
    learningRate: number(args, 'lr'), signal,
    onProgress: (p) => args.quiet || p.type !== 'epoch' || process.stderr.write(`epoch ${p.epoch}/${p.epochs} · loss ${p.loss.toFixed(4)}` +
      (p.valLoss == null ? '' : ` · validation accuracy ${p.valAccuracy.toFixed(3)} loss ${p.valLoss.toFixed(4)}`) + '\n'),
  }));
  if (!summary) return;
  await writeAtomically(out, model.save({ nodes: args.nodes, edges: args.edges }));
  const t = summary.test;
  const fmt = (x) => (x == null ? 'n/a' : x.toFixed(4));
  process.stderr.write(`best epoch ${summary.bestEpoch} of ${summary.epochsRun}${summary.stoppedEarly ? ' (stopped early)' : ''}; ` +
    `test ${info.graphs === undefined ? 'nodes' : 'graphs'} (${t.n}): accuracy ${fmt(t.accuracy)}` +
    `${info.graphs === undefined ? '' : `, AUROC ${fmt(t.auroc)}`} · ${summary.seconds.toFixed(1)} s\n` +
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

// One row per graph (graph classification: graph id, class, p_<class>...) or per node (node classification).
async function predictGraph(helix, args) {
  const modelPath = need(args, 'model');
  const modelText = await readText(modelPath, 'model file');
  const model = await withFile(modelPath, () => helix.loadGraphModel(modelText));
  await loadGraph(model, args);
  const rows = model.predict();
  const K = rows[0]?.probabilities.length ?? 0;
  const key = model.spec.task === 'graph_classification' ? 'graph' : 'node';
  const lines = [[key, 'class', ...Array.from({ length: K }, (_, k) => `p_${k}`)].join('\t')];
  for (const r of rows) lines.push([r.id, r.class, ...r.probabilities.map((p) => p.toFixed(6))].join('\t'));
  const tsv = `${lines.join('\n')}\n`;
  if (args.out) await writeAtomically(args.out, tsv);
  else process.stdout.write(tsv);
  model.dispose();
}

// helix simulate --kind graph-motifs: two tables, to --out-nodes and --out-edges or into the directory --out.
async function simulateGraphs(helix, args) {
  const options = { count: number(args, 'count', { integer: true, min: 2 }), seed: number(args, 'seed', { integer: true }) };
  let nodesPath = args['out-nodes'];
  let edgesPath = args['out-edges'];
  if (args.out) {
    await mkdir(args.out, { recursive: true });
    nodesPath ??= join(args.out, 'nodes.tsv');
    edgesPath ??= join(args.out, 'edges.tsv');
  }
  if (!nodesPath || !edgesPath) throw new UsageError('graph-motifs writes two tables: give --out-nodes and --out-edges, or --out DIR');
  const tables = await withFile('--kind', () => helix.simulateGraphs(args.kind, JSON.parse(JSON.stringify(options))));
  await writeAtomically(nodesPath, tables.nodes);
  await writeAtomically(edgesPath, tables.edges);
}
// --- end graph models ---

// --- GANs: train on sequences, sample from a saved GAN, motif enrichment of the samples ---
const isGanSpec = (text) => {
  try {
    return JSON.parse(text)?.type === 'gan';
  } catch {
    return false;
  }
};

function enrichmentLine(e) {
  const ratio = e.ratio == null ? 'n/a (no shuffle made the motif)' : `${e.ratio.toFixed(1)}x`;
  return `motif ${e.motif} (${e.strands} strand): ${e.observed} occurrences in ${e.sequences} samples ` +
    `(${e.withMotif} carry it) vs ${e.shuffled.toFixed(1)} when each sample is shuffled; observed/shuffled ${ratio}\n`;
}

async function trainGan(helix, args) {
  const dataPath = need(args, 'data');
  const out = need(args, 'out');
  const specText = args.spec ? await readText(args.spec, 'spec') : args.preset;
  const gan = await withFile(args.spec ?? '--preset', () => helix.createGan(specText));
  const data = await readText(dataPath, 'data');
  const tty = process.stderr.isTTY;
  const show = (p) => `step ${p.step}/${p.steps} · epoch ${p.epoch} · D loss ${p.dLoss.toFixed(4)} · G loss ${p.gLoss.toFixed(4)} · ` +
    `D(real) ${p.dReal.toFixed(3)} · D(fake) ${p.dFake.toFixed(3)} · ${p.seconds.toFixed(1)} s`;
  const summary = await fitWithCtrlC((signal) => withFile(dataPath, () => gan.fit(data, {
    epochs: number(args, 'epochs', { integer: true, min: 1 }), steps: number(args, 'steps', { integer: true, min: 1 }),
    batchSize: number(args, 'batch-size', { integer: true, min: 1 }), learningRate: number(args, 'lr'),
    seed: number(args, 'seed', { integer: true }), motif: args.motif, signal,
    onProgress: (p) => {
      if (args.quiet) return;
      if (p.type === 'error') return;  // printed by fitWithCtrlC
      const every = Math.max(1, Math.round(p.steps / 20));  // ~20 lines per run
      if (p.step % every === 0 || p.step === p.steps) process.stderr.write(`${tty ? '\r\x1b[K' : ''}${show(p)}\n`);
      else if (tty) process.stderr.write(`\r\x1b[K${show(p)}`);
    },
  })));
  if (!summary) return;
  await writeAtomically(out, gan.save({ data: dataPath }));
  process.stderr.write(`${summary.stepsRun} steps on ${summary.records} sequences · ${summary.seconds.toFixed(1)} s\n`);
  if (summary.enrichment) process.stderr.write(enrichmentLine(summary.enrichment));
  process.stderr.write(`GAN written to ${out}\n`);
  gan.dispose();
}

async function sampleGan(helix, args) {
  const modelPath = need(args, 'model');
  const gan = await withFile(modelPath, async () => helix.loadGan(await readText(modelPath, 'GAN file')));
  const count = number(args, 'count', { integer: true, min: 1 }) ?? 100;
  const options = { seed: number(args, 'seed', { integer: true }), temperature: number(args, 'temperature') };
  const { sequences } = gan.sample(count, options);
  const fasta = sequences.map((s, i) => `>gan${i + 1}\n${s}\n`).join('');
  if (args.out) await writeAtomically(args.out, fasta);
  else process.stdout.write(fasta);
  if (args.motif) process.stderr.write(enrichmentLine(gan.motifEnrichment(args.motif, { count, ...options })));
  gan.dispose();
}
// --- end GANs ---

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
  const summary = await fitWithCtrlC((signal) => model.fit({
    epochs: number(args, 'epochs', { integer: true, min: 1 }), seed: number(args, 'seed', { integer: true }),
    learningRate: number(args, 'lr'), batchSize: number(args, 'batch-size', { integer: true, min: 1 }),
    signal, onProgress: progressPrinter(args.quiet),
  }));
  if (!summary) return;
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

// --- interpretation: explain (attributions, in-silico mutagenesis) and variants ---
const cell = (x) => (x == null ? '' : Number(x).toPrecision(6));

function explanationsTsv(result) {
  const ism = result.method === 'ism';
  const lines = [ism ? 'id\tposition\tref\tA\tC\tG\tT' : 'id\tposition\tbase\tattribution'];
  for (const e of result.explanations) {
    for (let l = 0; l < e.attributions.length; l++) {
      const rest = ism ? e.ism[l].map(cell) : [cell(e.attributions[l])];
      lines.push([e.id, l + 1, e.sequence[l], ...rest].join('\t'));
    }
  }
  return `${lines.join('\n')}\n`;
}

function variantsTsv(result) {
  const lines = ['id\tposition\tref\talt\trefScore\taltScore\tdifference\tlogOddsRatio'];
  for (const v of result.variants) {
    lines.push([v.id, v.position ?? '', v.ref ?? '', v.alt ?? '', cell(v.refScore), cell(v.altScore),
      cell(v.difference), cell(v.logOddsRatio)].join('\t'));
  }
  return `${lines.join('\n')}\n`;
}

async function explainOrVariants(command, model, args) {
  const inputPath = need(args, 'input');
  const text = await readText(inputPath, 'input');
  const options = { head: args.head, class: number(args, 'class', { integer: true }) };
  let result;
  if (command === 'explain') {
    Object.assign(options, { method: args.method, output: args.probability ? 'probability' : undefined,
      baseline: args.baseline, steps: number(args, 'steps', { integer: true, min: 1 }),
      seed: number(args, 'seed', { integer: true }) });
    result = await withFile(inputPath, () => model.explain(text, JSON.parse(JSON.stringify(options))));
  } else {
    result = await withFile(inputPath, () => model.variants(text, JSON.parse(JSON.stringify(options))));
  }
  const out = args.json ? `${JSON.stringify(result)}\n` : command === 'explain' ? explanationsTsv(result) : variantsTsv(result);
  if (args.out) await writeAtomically(args.out, out);
  else process.stdout.write(out);
}
// --- end interpretation ---
// helix motifs: one TSV row per filter (its best match), or the whole answer as JSON.
async function motifs(model, modelPath, args) {
  const options = { top: number(args, 'top', { integer: true, min: 1 }), threshold: number(args, 'threshold') };
  if (args.input) options.sequences = await readText(args.input, 'input');
  if (args.db) {
    options.db = await readText(args.db, 'motif database');
    options.dbName = args.db;
  }
  let r;
  try {
    r = await model.motifs(JSON.parse(JSON.stringify(options)));
  } catch (e) {
    if (e instanceof HelixInputError) e.file = { db: args.db, model: modelPath }[e.errors[0]?.field] ?? args.input;
    throw e;
  }
  if (args.json) {
    process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
  } else {
    const lines = [['filter', 'sites', 'ic', 'consensus', 'match_id', 'match_name', 'score', 'strand'].join('\t')];
    for (const f of r.filters) {
      const best = f.matches[0];
      lines.push([f.name, f.sites, f.informationContent.toFixed(2), f.consensus, best?.id ?? '', best?.name ?? '',
        best ? best.score.toFixed(3) : '', best?.strand ?? ''].join('\t'));
    }
    process.stdout.write(`${lines.join('\n')}\n`);
  }
  model.dispose();
}

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
    for (const [name, spec] of Object.entries(GAN_PRESETS)) process.stdout.write(`${name}\t${spec.description}\n`);
    for (const [name, spec] of Object.entries(GRAPH_PRESETS)) process.stdout.write(`${name}\t${spec.description}\n`);
    for (const [name, spec] of Object.entries(AUTOENCODER_PRESETS)) process.stdout.write(`${name}\t${spec.description}\n`);
    return;
  }
  if (command === 'export' || command === 'import') {
    return exportOrImport(command, args, { loadHelix, quiet: args.quiet, fail: (m) => { throw new UsageError(m); } });
  }
  if (!['train', 'predict', 'evaluate', 'simulate', 'sample', 'encode', 'explain', 'variants', 'motifs'].includes(command)) throw new UsageError(`unknown command '${command}'`);
  const helix = await loadHelix({ threads: number(args, 'threads', { integer: true, min: 1 }) });
  if (command === 'train' && (args.nodes || GRAPH_PRESETS[args.preset])) return trainGraph(helix, args);
  if (command === 'train' && (GAN_PRESETS[args.preset] || (args.spec && isGanSpec(await readText(args.spec, 'spec'))))) {
    return trainGan(helix, args);
  }
  if (command === 'sample') return sampleGan(helix, args);
  if (command === 'train' && (args.matrix || AUTOENCODER_PRESETS[args.preset])) return trainAutoencoder(helix, args);
  if (command === 'evaluate' && args.matrix) return evaluateAutoencoder(helix, args);
  if (command === 'encode') return encodeAutoencoder(helix, args);
  if (command === 'evaluate' && args.nodes) return evaluateGraph(helix, args);
  if (command === 'predict' && args.nodes) return predictGraph(helix, args);
  if (command === 'simulate' && args.kind === 'graph-motifs') return simulateGraphs(helix, args);
  if (command === 'train') return train(helix, args);
  if (command === 'simulate') {
    if (args.format && !['table', 'fasta'].includes(args.format)) throw new UsageError(`--format must be table or fasta, got '${args.format}'`);
    const fastaOut = args.format ? args.format === 'fasta' : /\.(fa|fasta|fna)$/i.test(args.out ?? '');
    const options = { count: number(args, 'count', { integer: true, min: 2 }),
      length: number(args, 'length', { integer: true, min: 1 }), seed: number(args, 'seed', { integer: true }),
      motif: args.motif, motifFraction: number(args, 'motif-fraction'), format: fastaOut ? 'fasta' : 'table',
      noise: number(args, 'noise'), missing: number(args, 'missing') };
    const table = await withFile('--kind', () => helix.simulate(need(args, 'kind'), JSON.parse(JSON.stringify(options))));
    if (args.out) await writeAtomically(args.out, table);
    else process.stdout.write(table);
    return;
  }

  const modelPath = need(args, 'model');
  const modelText = await readText(modelPath, 'model file');
  const model = await withFile(modelPath, () => helix.loadModel(modelText));
  if (command === 'motifs') return motifs(model, modelPath, args);
  if (command === 'explain' || command === 'variants') {
    await explainOrVariants(command, model, args);
  } else if (command === 'predict') {
    const inputPath = need(args, 'input');
    const names = model.spec.classes ?? model.spec.heads?.[0]?.classes;
    await withFile(inputPath, () => predictFile(model, { inputPath, outPath: args.out, quiet: args.quiet,
      toTsv: (rows) => predictionsTsv(rows, names), fail: (m) => { throw new UsageError(m); } }));
  } else {
    const dataPath = need(args, 'data');
    await checkTableSize(dataPath);
    const text = await readText(dataPath, 'data');
    const scores = await withFile(dataPath, () => model.evaluate(text, { labelColumn: args.label ?? '' }));
    process.stdout.write(`${JSON.stringify(scores, null, 2)}\n`);
  }
  model.dispose();
}

// Exits once stdout and stderr have drained: a pipe (helix simulate | head) must get all of the output,
// and the threaded engine's workers would otherwise keep the process alive.
function exitAfterFlush(code) {
  let pending = 2;
  const done = () => --pending === 0 && process.exit(code);
  process.stdout.write('', done);
  process.stderr.write('', done);
}

main(process.argv.slice(2)).then(
  () => exitAfterFlush(process.exitCode ?? 0),
  (e) => {
    if (e instanceof UsageError) {
      process.stderr.write(`helix: ${e.message}\n\n${USAGE}\n`);
      return exitAfterFlush(2);
    }
    if (e instanceof HelixInputError) {
      const where = e.file ? `${e.file}: ` : '';
      for (const err of e.errors) process.stderr.write(`helix: ${where}${err.message}\n`);
      if (e.moreErrors) process.stderr.write(`helix: ${where}and ${e.moreErrors} more\n`);
      return exitAfterFlush(1);
    }
    process.stderr.write(`helix: ${e.stack ?? e}\n`);
    return exitAfterFlush(1);
  },
);
