// js/helix.js: the JavaScript API of Helix, one ES module for Node (CLI, tests) and the page's
// Web Worker. It loads the right WebAssembly build and turns the engine's JSON answers into objects
// and errors. See README.md ("JS API") for a walk-through.
import { PRESETS, GRAPH_PRESETS, GAN_PRESETS, AUTOENCODER_PRESETS } from './presets.js';
import { applyColumns } from './spec-columns.js';
import { decisionMap } from './decision-map.js';
import { CHUNK_CHARS, recordChunks, shiftErrorLine } from './record-chunks.js';

const isNode = typeof process === 'object' && !!process.versions?.node && typeof window === 'undefined'
  && typeof importScripts === 'undefined';

/** An input problem: `errors` lists {line, column, field, message}, each message ready to show. */
export class HelixInputError extends Error {
  constructor(errors, moreErrors = 0) {
    const first = errors[0]?.message ?? 'invalid input';
    const rest = errors.length - 1 + moreErrors;
    super(rest > 0 ? `${first} (and ${rest} more)` : first);
    this.name = 'HelixInputError';
    this.errors = errors;
    this.moreErrors = moreErrors;
  }
}

/**
 * Which build can run here, and why: the threaded build needs SharedArrayBuffer, which browsers give
 * only to cross-origin isolated pages (COOP same-origin + COEP require-corp); Node always has it.
 */
export function chooseBuild() {
  const sab = typeof SharedArrayBuffer === 'function';
  if (isNode) return { build: 'helix-simd-mt', isolated: true, reason: 'Node.js has shared memory' };
  const isolated = globalThis.crossOriginIsolated === true;
  if (isolated && sab) return { build: 'helix-simd-mt', isolated, reason: 'this page is cross-origin isolated' };
  return {
    build: 'helix-simd',
    isolated,
    reason: isolated ? 'SharedArrayBuffer is not available' : 'this page is not cross-origin isolated',
  };
}

async function hardwareThreads() {
  if (isNode) return (await import('node:os')).availableParallelism();
  return globalThis.navigator?.hardwareConcurrency || 1;
}

/**
 * Loads the engine. Options: `threads` (default: all cores; 1 in the single-thread build), `build`
 * ('helix-simd-mt' | 'helix-simd', to force one).
 */
export async function loadHelix({ threads, build } = {}) {
  const choice = chooseBuild();
  if (build && build !== choice.build) {
    choice.reason = `${build} requested`;
    choice.build = build;
  }
  const base = new URL(`./wasm/${choice.build}`, import.meta.url);
  const { default: create } = await import(`${base.href}.mjs`);
  const cores = await hardwareThreads();
  const wanted = choice.build === 'helix-simd-mt' ? Math.max(1, Math.min(threads ?? cores, 8)) : 1;
  const options = choice.build === 'helix-simd-mt' ? { pthreadPoolSize: Math.max(wanted - 1, 1) } : {};
  if (isNode) {
    const { readFile } = await import('node:fs/promises');
    options.wasmBinary = await readFile(new URL(`${base.href}.wasm`));
  }
  const engine = await create(options);
  engine.setThreads(wanted);
  return new Helix(engine, choice);
}

// A spec as JSON text: a preset's name (looked up in `presets`), a spec object, or JSON text as it is.
function specText(specOrPreset, presets) {
  if (typeof specOrPreset !== 'string') return JSON.stringify(specOrPreset);
  if (specOrPreset.trim().startsWith('{')) return specOrPreset;
  if (!presets[specOrPreset]) {
    throw new HelixInputError([{ field: 'preset', message:
      `preset: '${specOrPreset}' is not one of: ${Object.keys(presets).join(', ')}` }]);
  }
  return JSON.stringify(presets[specOrPreset]);
}

// The motif database model.motifs() uses when none is given: JASPAR 2020 CORE vertebrates (js/data/SOURCES.md).
const SHIPPED_MOTIFS = { name: 'JASPAR2020_CORE_vertebrates_non-redundant',
  url: new URL('./data/jaspar/JASPAR2020_CORE_vertebrates_non-redundant_pfms.jaspar', import.meta.url) };
let shippedMotifsText = null;
async function shippedMotifs() {
  if (shippedMotifsText === null) {
    if (isNode) shippedMotifsText = await (await import('node:fs/promises')).readFile(SHIPPED_MOTIFS.url, 'utf8');
    else {
      const response = await fetch(SHIPPED_MOTIFS.url);
      if (!response.ok) throw new Error(`${SHIPPED_MOTIFS.url}: HTTP ${response.status}`);
      shippedMotifsText = await response.text();
    }
  }
  return shippedMotifsText;
}

class Helix {
  #engine;
  constructor(engine, choice) {
    this.#engine = engine;
    const threads = engine.threads();
    const label = `WebAssembly SIMD · ${threads} thread${threads === 1 ? '' : 's'}`;
    this.backend = {
      build: choice.build,
      threads,
      simd: true,
      simdArch: engine.simdArch(),
      isolated: choice.isolated,
      reason: choice.reason,
      label: choice.build === 'helix-simd' ? `${label}: ${choice.reason}` : label,
    };
    this.presets = PRESETS;
    this.ganPresets = GAN_PRESETS;
  }

  /** Stops the engine's threads (Node keeps a process alive while they run). */
  close() {
    this.#engine.PThread?.terminateAllThreads();
  }

  /** Reads a paste (FASTA, a table with a header, or one sequence per line); never throws. */
  parseSequences(text, { requireLabels = false, labelColumn = 'label', classes = 2 } = {}) {
    return JSON.parse(this.#engine.parseSequences(text, labelColumn, requireLabels, classes));
  }

  /**
   * A simulated labelled table (TSV text) for tutorials and tests: kind 'motif-order' (label 1 when
   * motif A comes before motif B) or 'planted-motif'; options {count, length, seed, motifA, motifB,
   * minGap, motif, motifFraction (planted-motif: share of carriers, 0.5 by default), format: 'table' | 'fasta'}.
   * Throws HelixInputError for bad options.
   * More kinds (core/api/simulate_api.hpp): 'splice-features' (numeric intron features, label; options
   * {count, seed, noise}), 'multitask' (sequence, gata1, tal1 with empty cells; {count, length, seed,
   * missing}), 'multimodal' (sequence, accessibility, conservation, label; {count, length, seed, noise}),
   * 'transfer-pretrain' and 'transfer-finetune' (sequence, label; {count, length, seed}).
   */
  simulate(kind, options = {}) {
    const r = JSON.parse(this.#engine.simulate(kind, JSON.stringify(options)));
    if (r.errors.length) throw new HelixInputError(r.errors);
    return r.table ?? r.fasta;
  }

  /**
   * Simulated labelled graphs for graph classification (kind 'graph-motifs': gene networks holding feed-forward
   * loops, class 0, or cascades, class 1); options {count, seed, minGenes, maxGenes, minMotifs, maxMotifs}.
   * Returns {nodes, edges}: the two tables (TSV text) that graphModel.load reads. Throws HelixInputError.
   */
  simulateGraphs(kind = 'graph-motifs', options = {}) {
    const r = JSON.parse(this.#engine.simulateGraphs(kind, JSON.stringify(options)));
    if (r.errors.length) throw new HelixInputError(r.errors);
    return { nodes: r.nodes, edges: r.edges };
  }

  /**
   * A new model from a preset name or a spec object / JSON text. Options adapt it to a table's columns
   * (spec-columns.js): labels (one head per label column: multi-task), features (the numeric columns of
   * its features input). Throws HelixInputError.
   */
  createModel(specOrPreset, { labels, features } = {}) {
    let text = specText(specOrPreset, PRESETS);
    if (labels?.length || features?.length) {
      try {
        text = JSON.stringify(applyColumns(JSON.parse(text), { labels, features }));
      } catch (e) {
        if (e instanceof SyntaxError) throw new HelixInputError([{ field: '', message: `the model spec is not valid JSON: ${e.message}` }]);
        throw new HelixInputError([{ field: labels?.length ? 'labels' : 'features', message: e.message }]);
      }
    }
    return Model.wrap(new this.#engine.ModelSession(text, 'spec'), this.#engine);
  }

  /**
   * Any saved Helix file, by its "format": a sequence model (helix-model), a graph model
   * (helix-graph-model), a GAN (helix-gan) or an autoencoder (helix-autoencoder). Every format is the same
   * shape: {format, version, spec, weights: {name: float32 base64}, metadata}. Throws HelixInputError.
   */
  load(fileText) {
    let format;
    try {
      format = JSON.parse(fileText)?.format;
    } catch {
      return this.loadModel(fileText);  // the engine names the line and column where the JSON stops
    }
    const loaders = { 'helix-model': 'loadModel', 'helix-graph-model': 'loadGraphModel', 'helix-gan': 'loadGan',
      'helix-autoencoder': 'loadAutoencoder' };
    if (!loaders[format]) {
      throw new HelixInputError([{ field: 'format', message: `format: '${format}' is not one of: ${Object.keys(loaders).join(', ')}` }]);
    }
    return this[loaders[format]](fileText);
  }

  /** A model from a saved model file (the text of model.save()). Throws HelixInputError. */
  loadModel(fileText) {
    return Model.wrap(new this.#engine.ModelSession(fileText, 'file'), this.#engine);
  }

  // --- graph models (GraphSession, core/api/graph_session.hpp) ---
  /** A new GCN from a graph preset name ('gcn-node', 'gcn-graph') or a graph spec object / JSON text. Throws HelixInputError. */
  createGraphModel(specOrPreset) {
    return GraphModel.wrap(new this.#engine.GraphSession(specText(specOrPreset, GRAPH_PRESETS), 'spec'));
  }

  /** A GCN from a saved graph model file (the text of graphModel.save()). Throws HelixInputError. */
  loadGraphModel(fileText) {
    return GraphModel.wrap(new this.#engine.GraphSession(fileText, 'file'));
  }
  // --- end graph models ---

  // --- GANs (GanSession, core/api/gan_session.hpp) ---
  /** A new DNA GAN from a GAN preset name ('gan-dna') or a GAN spec object / JSON text. Throws HelixInputError. */
  createGan(specOrPreset) {
    return Gan.wrap(new this.#engine.GanSession(specText(specOrPreset, GAN_PRESETS), 'spec'));
  }

  /** A GAN from a saved GAN file (the text of gan.save()). Throws HelixInputError. */
  loadGan(fileText) {
    return Gan.wrap(new this.#engine.GanSession(fileText, 'file'));
  }
  // --- end GANs ---

  // --- autoencoders on expression matrices (AutoencoderSession, core/api/autoencoder_session.hpp) ---
  /** A new autoencoder from a preset name ('autoencoder', 'dae-impute') or a spec object / JSON text. Throws HelixInputError. */
  createAutoencoder(specOrPreset) {
    return Autoencoder.wrap(new this.#engine.AutoencoderSession(specText(specOrPreset, AUTOENCODER_PRESETS), 'spec'));
  }

  /** An autoencoder from a saved file (the text of autoencoder.save()). Throws HelixInputError. */
  loadAutoencoder(fileText) {
    return Autoencoder.wrap(new this.#engine.AutoencoderSession(fileText, 'file'));
  }
  // --- end autoencoders ---

  // --- benchmark (BenchWorkload, core/api/bench_workload.hpp; used by bench/suite.mjs) ---
  /**
   * Workload 'W1'..'W6' of the benchmark suite on seeded synthetic data (`smoke`: tiny shapes).
   * Returns {info, trainSteps(n), inferSteps(n), dispose()}; the step functions return {loss, seconds}.
   * Throws HelixInputError for an unknown id.
   */
  createBenchWorkload(id, { smoke = false } = {}) {
    const w = new this.#engine.BenchWorkload(String(id), Boolean(smoke));
    if (!w.ok()) {
      const errors = JSON.parse(w.errors());
      w.delete();
      throw new HelixInputError(errors);
    }
    return {
      info: JSON.parse(w.info()),
      trainSteps: (n) => JSON.parse(w.trainSteps(n)),
      inferSteps: (n) => JSON.parse(w.inferSteps(n)),
      dispose: () => w.delete(),
    };
  }

  /** GFLOP/s of the GEMM and conv1d kernels on the engine's current threads ({threads, gemm, conv1d}). */
  benchKernels({ smoke = false } = {}) {
    return JSON.parse(this.#engine.benchKernels(Boolean(smoke)));
  }

  /**
   * The engine's memory, for leak checks: {wasmHeapUsed: bytes malloc has handed out and not had back,
   * wasmHeapSize: the size of the wasm memory (it grows and never shrinks)}.
   */
  memoryUsage() {
    return { wasmHeapUsed: this.#engine.heapUsed(), wasmHeapSize: this.#engine.HEAP8.buffer.byteLength };
  }

  /** Changes how many threads share the work (1 .. the count the engine was loaded with); returns it. */
  setThreads(n) {
    this.#engine.setThreads(Math.max(1, Math.floor(n)));
    this.backend.threads = this.#engine.threads();
    return this.backend.threads;
  }
  // --- end benchmark ---
}

const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));
const now = () => globalThis.performance?.now() ?? Date.now();

// Drives a started training run of any session (model, graph, GAN, autoencoder) one engine step at a time:
// onProgress(p) after each (p.seconds since the start), a cancel through `signal` between steps, and a
// yield to the event loop ~20 times a second so messages (a cancel from the page, Ctrl-C) get in.
// Resolves to the session's summary with `seconds`; when a loss, gradient or weight became NaN or infinite,
// also `error` (the message) and `diverged` ({epoch, batch, message}): the model then holds the weights from
// before the bad step (core/train/divergence.hpp).
async function runTraining(session, { onProgress, signal }) {
  const t0 = now();
  let lastYield = t0;
  let error;
  while (!session.trainingFinished()) {
    if (signal?.aborted) {
      session.cancelTraining();
      break;
    }
    const p = JSON.parse(session.trainStep());
    p.seconds = (now() - t0) / 1000;
    if (p.type === 'error') error = p.message;
    if (p.type !== 'validation') onProgress?.(p);  // a chunk of an epoch's validation: no figure to show yet
    if (now() - lastYield > 50) {
      await nextTask();
      lastYield = now();
    }
  }
  const summary = JSON.parse(session.trainingSummary());
  summary.seconds = (now() - t0) / 1000;
  if (error) summary.error = error;
  return summary;
}

// What every model object of the API shares: its engine session, the spec / summary / metadata it reports,
// the training driver, and dispose(). Subclasses add what their family does.
class EngineObject {
  #s;

  /** The object for a new session, or HelixInputError with the session's errors (then freed). */
  static wrap(session, ...rest) {
    if (!session.ok()) {
      const errors = JSON.parse(session.errors());
      session.delete();
      throw new HelixInputError(errors);
    }
    return new this(session, ...rest);
  }

  constructor(session) {
    this.#s = session;
  }

  /** The engine session (Embind object) this wraps. */
  get session() { return this.#s; }
  get spec() { return JSON.parse(this.#s.spec()); }
  get summary() { return JSON.parse(this.#s.summary()); }
  get metadata() { return JSON.parse(this.#s.metadata()); }

  /** Drives a run the session has just been asked to start (`startedText`: its JSON answer). */
  async train(startedText, { onProgress, signal }) {
    const started = JSON.parse(startedText);
    if (started.errors.length) throw new HelixInputError(started.errors, started.moreErrors ?? 0);
    return { summary: await runTraining(this.#s, { onProgress, signal }), started };
  }

  /** Frees the engine's memory for this object. */
  dispose() {
    this.#s?.delete();
    this.#s = null;
  }
}

class Model extends EngineObject {
  #engine;  // the wasm module, for its free functions that take the session (explain, variants)

  constructor(session, engine) {
    super(session);
    this.#engine = engine;
  }

  /**
   * Trains on a labelled table (TSV/CSV with `sequence` and a 0/1 label column). Options: epochs,
   * batchSize, learningRate, seed (re-initialises the weights: same seed, same run), labelColumn,
   * validationFraction, testFraction, patience; onProgress(p) per batch and epoch; signal (AbortSignal)
   * cancels between batches. Resolves to the summary (history, best epoch, test scores).
   */
  async fit(text, { onProgress, signal, ...options } = {}) {
    const { summary, started } = await this.train(this.session.startTraining(text, JSON.stringify(options)), { onProgress, signal });
    summary.records = started.records;
    return summary;
  }

  /**
   * Binding probability of each sequence: [{id, length, probability}]. A K-class model (loss
   * softmax_cross_entropy) gives [{id, length, class, label, probabilities}]: the most probable class's
   * index, its name (when the spec names classes) and all K probabilities. A multi-head model gives
   * [{id, length, heads: {name: {probability} | {class, label, probabilities}}}]; a model without DNA
   * input omits length. Throws HelixInputError.
   * A text longer than CHUNK_CHARS is predicted a piece of whole records at a time (record-chunks.js), so
   * the engine's memory holds one piece; onProgress({records, chars, totalChars}) follows each piece.
   */
  predict(text, { onProgress } = {}) {
    if (text.length <= CHUNK_CHARS) {
      const r = JSON.parse(this.session.predict(text));
      if (r.errors.length) throw new HelixInputError(r.errors, r.moreErrors);
      return r.predictions;
    }
    const rows = [];
    let chars = 0;
    for (const piece of recordChunks(text)) {
      rows.push(...this.predictPiece(piece));
      chars += piece.text.length;
      onProgress?.({ records: rows.length, chars: Math.min(chars, text.length), totalChars: text.length });
    }
    return rows;
  }

  /** One piece of a longer text ({text, lineOffset}: record-chunks.js): its rows; errors name the whole text's lines. */
  predictPiece({ text, lineOffset }) {
    const r = JSON.parse(this.session.predict(text));
    if (r.errors.length) throw new HelixInputError(r.errors.map((e) => shiftErrorLine(e, lineOffset)), r.moreErrors);
    return r.predictions;
  }

  /**
   * Why each sequence gets its score: {method, head, output, explanations: [{id, sequence, score, [class],
   * attributions (one per base), ism ([dA, dC, dG, dT] per base; method 'ism'), baselineScore, delta ('ig')}]}.
   * Options: method 'saliency' (gradient × input) | 'ig' (integrated gradients) | 'ism' (in-silico
   * mutagenesis), head (a head's name), class (K-class heads; default each sequence's predicted class),
   * output 'logit' | 'probability', baseline 'uniform' | 'shuffled', steps (50), shuffles (5), seed (1).
   * `text` is a paste as for predict(). Throws HelixInputError.
   */
  explain(text, options = {}) {
    const r = JSON.parse(this.#engine.explain(this.session, text, JSON.stringify(options)));
    if (r.errors.length) throw new HelixInputError(r.errors, r.moreErrors);
    delete r.errors;
    delete r.moreErrors;
    return r;
  }

  /**
   * Variant effects from a table (header `id sequence position ref alt`, position 1-based, or
   * `id ref_sequence alt_sequence`): {head, variants: [{id, line, position, ref, alt, refScore, altScore,
   * difference (alt − ref probability), logOddsRatio}]}, largest |difference| first. Options: head, class.
   * Throws HelixInputError (line and column of each problem).
   */
  variants(text, options = {}) {
    const r = JSON.parse(this.#engine.variants(this.session, text, JSON.stringify(options)));
    if (r.errors.length) throw new HelixInputError(r.errors, r.moreErrors);
    delete r.errors;
    delete r.moreErrors;
    return r;
  }

  /**
   * The first conv1d layer's filters (the one reading the DNA) as motifs, each with its best matches in a motif
   * database. Options: sequences (a paste whose windows are scanned; default 2000 seeded random sequences),
   * db (JASPAR or MEME text; default the shipped JASPAR 2020 CORE vertebrates), dbName, threshold (0.5: windows
   * above that share of the filter's maximum), top (3 matches per filter), method ('pearson'), seed.
   * Resolves to {layer, threshold, sequencesUsed, database: {name, motifs}, filters: [{index, name, sites, pfm,
   * ic, informationContent, consensus, reverseComplement, matches: [{id, name, score, offset, strand, overlap,
   * z}]}]}. Throws HelixInputError (errors of the db text have field 'db', with line and column).
   */
  async motifs(options = {}) {
    const full = { ...options };
    if (full.db === undefined) {
      full.db = await shippedMotifs();
      full.dbName ??= SHIPPED_MOTIFS.name;
    }
    const r = JSON.parse(this.#engine.motifs(this.session, JSON.stringify(full)));
    if (r.errors.length) throw new HelixInputError(r.errors, r.moreErrors ?? 0);
    delete r.errors;
    delete r.moreErrors;
    return r;
  }

  /**
   * {loss, accuracy, auroc, auprc, n} on a labelled table; a multi-head model adds heads: {name: {...}}
   * (the top level is then the mean over heads, the loss their weighted sum). Throws HelixInputError.
   */
  evaluate(text, { labelColumn = '' } = {}) {
    const r = JSON.parse(this.session.evaluate(text, labelColumn));
    if (r.errors.length) throw new HelixInputError(r.errors, r.moreErrors);
    delete r.errors;
    return r;
  }

  /** The model file (JSON spec + float32 weights) as text. */
  save(metadata = {}) { return this.session.save(JSON.stringify(metadata)); }

  /**
   * Transfer learning: copies the weights of `layers` (names; null = every layer both models share by name
   * and shape; same-named layers of other shapes are left as they are) from a saved model file. They are kept
   * when fit() re-seeds the other weights. Returns the layers copied.
   * Throws HelixInputError (a layer missing or of another shape).
   */
  loadWeightsFrom(fileText, layers = null) {
    const r = JSON.parse(this.session.loadWeightsFrom(fileText, JSON.stringify(layers)));
    if (r.errors.length) throw new HelixInputError(r.errors);
    return r.layers;
  }

  /**
   * A model on numeric columns: its probability over a size × size grid of two columns (x, y; default the
   * first two of its features input), the others at their median in `tableText`. See decision-map.js.
   */
  decisionMap(tableText, options) { return decisionMap(this, tableText, options); }

  /** Freezes the named layers: training leaves their weights as they are. Throws HelixInputError. */
  freeze(layers) { this.#trainable(layers, false); }

  /** Unfreezes the named layers (fine-tuning all of a pretrained model). Throws HelixInputError. */
  unfreeze(layers) { this.#trainable(layers, true); }

  #trainable(layers, on) {
    const r = JSON.parse(this.session.setTrainable(JSON.stringify(layers), on));
    if (r.errors.length) throw new HelixInputError(r.errors);
  }

}

// --- graph models: mirrors Model for GraphSession (node classification full-batch, graph classification in
// mini-batches of graphs; one epoch per step) ---
class GraphModel extends EngineObject {

  /**
   * Reads the graph: nodes table (node, label, [split], feature_indices or numeric columns) and edges table
   * (source, target). Returns {nodes, edges, features, classes, split: {train, val, test, unlabelled}, ...}.
   * A graph_classification model (gcn-graph) needs a `graph` column; it returns `graphs` too, and `split`
   * counts graphs.
   * Throws HelixInputError whose `source` says which table ('nodes' | 'edges' | 'spec') the errors are in.
   */
  load(nodesText, edgesText) {
    const r = JSON.parse(this.session.load(nodesText, edgesText));
    if (r.errors.length) {
      const e = new HelixInputError(r.errors, r.moreErrors ?? 0);
      e.source = r.source;
      throw e;
    }
    delete r.errors;
    return r;
  }

  /**
   * Full-batch training, one epoch per step: options epochs, seed (fresh weights: same seed, same run),
   * patience, learningRate; onProgress({epoch, epochs, loss, trainAccuracy, valLoss, valAccuracy, seconds});
   * signal (AbortSignal) cancels between epochs (graph models: between mini-batches of graphs). Early stopping
   * restores the best weights. Resolves to {epochsRun, bestEpoch, stoppedEarly, cancelled, test: {accuracy,
   * loss, n}, seconds} (graph models: n counts test graphs and test.auroc is the macro AUROC), and `error`
   * and `diverged` ({epoch, batch, message}) when training diverged.
   */
  async fit({ onProgress, signal, ...options } = {}) {
    // The engine steps graph models one mini-batch at a time (so a cancel gets in); progress stays per epoch.
    const perEpoch = onProgress && ((p) => p.type !== 'batch' && onProgress(p));
    const { summary } = await this.train(this.session.startTraining(JSON.stringify(options)), { onProgress: perEpoch, signal });
    return summary;
  }

  /** {accuracy, loss, n} on the labelled test nodes (graph models: graphs, plus auroc). Throws HelixInputError. */
  evaluate() {
    const r = JSON.parse(this.session.evaluate());
    if (r.errors.length) throw new HelixInputError(r.errors);
    delete r.errors;
    return r;
  }

  /**
   * Every node of the loaded graph: [{id, class, probabilities}]; a graph model gives one row per graph, `id`
   * being the graph's id. Throws HelixInputError.
   */
  predict() {
    const r = JSON.parse(this.session.predict());
    if (r.errors.length) throw new HelixInputError(r.errors);
    return r.predictions;
  }

  /** The graph model file (JSON spec + float32 weights) as text; needs a loaded graph (the weights' sizes). */
  save(metadata = {}) {
    if (this.summary === null) {
      throw new HelixInputError([{ field: '', message: 'load a graph before saving: the weights are made for its features and classes' }]);
    }
    return this.session.save(JSON.stringify(metadata));
  }

}

// --- GANs: mirrors Model for GanSession (one generator step per engine call) ---
class Gan extends EngineObject {

  /**
   * Adversarial training on sequences (FASTA, a table with a sequence column, or one per line), each exactly
   * spec.length bases. Options: epochs, steps, batchSize, dSteps, learningRate (both networks), seed (fresh
   * weights: same seed, same run), motif (its enrichment in samples is reported at the end);
   * onProgress({step, steps, epoch, dLoss, gLoss, dReal, dFake, seconds}) per step; signal (AbortSignal)
   * cancels between steps. Resolves to {stepsRun, steps, epochs, cancelled, history, enrichment, records,
   * seconds} (and `error` if a loss became NaN). Throws HelixInputError for bad sequences or options.
   */
  async fit(text, { onProgress, signal, ...options } = {}) {
    const { summary } = await this.train(this.session.startTraining(text, JSON.stringify(options)), { onProgress, signal });
    return summary;
  }

  /**
   * n generated sequences: {sequences, composition} where composition[l] = [A, C, G, T] shares at position l.
   * Options: seed (default 1: same seed, same sequences), temperature (default 1: each base drawn from the
   * generator's probabilities; lower is sharper; 0 takes the most probable base). Throws HelixInputError.
   */
  sample(n, { seed, temperature } = {}) {
    const r = JSON.parse(this.session.sample(n, JSON.stringify({ seed, temperature })));
    if (r.errors.length) throw new HelixInputError(r.errors);
    delete r.errors;
    return r;
  }

  /**
   * The generator's base probabilities for given noise (no sampling): `noise` is an array of rows of
   * spec.noise numbers; returns [[[A, C, G, T] per position] per row]. Throws HelixInputError naming the cell.
   */
  generateFromNoise(noise) {
    const r = JSON.parse(this.session.generateFromNoise(JSON.stringify(noise)));
    if (r.errors.length) throw new HelixInputError(r.errors);
    return r.probabilities;
  }

  /**
   * How often `motif` occurs in `count` (default 1000) samples against the same samples each shuffled (same
   * bases): {motif, sequences, observed, withMotif, shuffled, shuffles, ratio, strands}. Options: seed,
   * temperature (as sample()), strands ('forward', the default, or 'both'), shuffles (default 10).
   */
  motifEnrichment(motif, { count = 1000, ...options } = {}) {
    const r = JSON.parse(this.session.motifEnrichment(motif, count, JSON.stringify(options)));
    if (r.errors.length) throw new HelixInputError(r.errors);
    delete r.errors;
    return r;
  }

  /** The GAN file (JSON spec + float32 weights of both networks) as text. */
  save(metadata = {}) { return this.session.save(JSON.stringify(metadata)); }

}

// --- autoencoders: mirrors GraphModel for AutoencoderSession (cells × genes matrices, one mini-batch per step) ---
class Autoencoder extends EngineObject {

  /**
   * Reads the matrix: TSV/CSV text with a header (an id column, then one name per gene), one row per cell.
   * Gzipped files must be decompressed first (js/gzip.js: gunzipText). Optional `labels`: a metadata
   * table joined by id whose `labelColumn` names each cell's type (for encode() and the latent kNN score).
   * Returns {cells, genes, split: {train, validation, test}, sameCells, labelled, classes, ignoredColumns}.
   * Throws HelixInputError whose `source` says which text ('matrix' | 'labels') the errors are in.
   */
  load(matrixText, { labels = '', labelColumn = 'label' } = {}) {
    const r = JSON.parse(this.session.load(matrixText, labels, labelColumn));
    if (r.errors.length) {
      const e = new HelixInputError(r.errors, r.moreErrors ?? 0);
      e.source = r.source;
      throw e;
    }
    delete r.errors;
    return r;
  }

  /**
   * Trains on the loaded matrix: options epochs, batchSize, learningRate, patience, seed (fresh weights and
   * split: same seed, same run); onProgress(p) per batch and epoch ({type, epoch, epochs, batch, batches, loss,
   * valLoss, seconds}); signal (AbortSignal) cancels between batches. Resolves to {epochsRun, bestEpoch,
   * stoppedEarly, cancelled, history, split, test: {maskedMse, meanImputationMse, improvement, ...},
   * latentKnn: {accuracy, majorityRate, k, n} | null, seconds}.
   */
  async fit({ onProgress, signal, ...options } = {}) {
    const { summary } = await this.train(this.session.startTraining(JSON.stringify(options)), { onProgress, signal });
    return summary;
  }

  /** Latent codes of every loaded cell: {ids, codes: [[...]], split: ['train'|'validation'|'test'], labels?}. */
  encode() {
    return this.#result(this.session.encode());
  }

  /**
   * Imputation on the test cells: a seeded fraction of their entries (non-zero entries for entries
   * 'nonzero') is hidden and predicted: {maskedMse, meanImputationMse, improvement, hidden, cells, entries,
   * maskFraction, reconstructionMse, latentKnn}. Throws HelixInputError.
   */
  evaluateImputation() {
    return this.#result(this.session.evaluate());
  }

  /** Every cell's reconstruction from clean input: {ids, columns, values: Float32Array (cells × genes, row-major)}. */
  reconstruct() {
    return this.#matrix(false);
  }

  /** The matrix with its zeros filled in by the model (measured non-zero values kept), as reconstruct(). */
  impute() {
    return this.#matrix(true);
  }

  /** The autoencoder file (JSON spec + genes + float32 weights) as text; needs a loaded matrix (the genes). */
  save(metadata = {}) {
    if (this.summary === null) {
      throw new HelixInputError([{ field: '', message: 'load a matrix before saving: the weights are made for its genes' }]);
    }
    return this.session.save(JSON.stringify(metadata));
  }


  #result(text) {
    const r = JSON.parse(text);
    if (r.errors.length) throw new HelixInputError(r.errors);
    delete r.errors;
    return r;
  }

  #matrix(zerosOnly) {
    const r = this.#result(this.session.reconstruct(zerosOnly));
    return { ids: r.ids, columns: r.columns, values: new Float32Array(this.session.reconstructionView()) };
  }
}
