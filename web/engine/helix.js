// web/engine/helix.js: the JavaScript API of Helix, one ES module for Node (CLI, tests) and the page's
// Web Worker. It loads the right WebAssembly build and turns the engine's JSON answers into objects
// and errors. See README.md ("JS API") for a walk-through.
import { PRESETS, GRAPH_PRESETS, AUTOENCODER_PRESETS } from './presets.js';

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
  const base = new URL(`../wasm/${choice.build}`, import.meta.url);
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
   * minGap, motif}. Throws HelixInputError for bad options.
   */
  simulate(kind, options = {}) {
    const r = JSON.parse(this.#engine.simulate(kind, JSON.stringify(options)));
    if (r.errors.length) throw new HelixInputError(r.errors);
    return r.table;
  }

  /** A new model from a preset name or a spec object / JSON text. Throws HelixInputError. */
  createModel(specOrPreset) {
    return this.#wrap(new this.#engine.ModelSession(specText(specOrPreset, PRESETS), 'spec'));
  }

  /** A model from a saved model file (the text of model.save()). Throws HelixInputError. */
  loadModel(fileText) {
    return this.#wrap(new this.#engine.ModelSession(fileText, 'file'));
  }

  // --- graph models (GraphSession, core/api/graph_session.hpp) ---
  /** A new GCN from a graph preset name ('gcn-node') or a graph spec object / JSON text. Throws HelixInputError. */
  createGraphModel(specOrPreset) {
    return GraphModel.wrap(new this.#engine.GraphSession(specText(specOrPreset, GRAPH_PRESETS), 'spec'));
  }

  /** A GCN from a saved graph model file (the text of graphModel.save()). Throws HelixInputError. */
  loadGraphModel(fileText) {
    return GraphModel.wrap(new this.#engine.GraphSession(fileText, 'file'));
  }
  // --- end graph models ---

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

  #wrap(session) {
    if (!session.ok()) {
      const errors = JSON.parse(session.errors());
      session.delete();
      throw new HelixInputError(errors);
    }
    return new Model(session);
  }
}

const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));
const now = () => globalThis.performance?.now() ?? Date.now();

class Model {
  #s;
  constructor(session) {
    this.#s = session;
  }

  get spec() { return JSON.parse(this.#s.spec()); }
  get summary() { return JSON.parse(this.#s.summary()); }
  get metadata() { return JSON.parse(this.#s.metadata()); }

  /**
   * Trains on a labelled table (TSV/CSV with `sequence` and a 0/1 label column). Options: epochs,
   * batchSize, learningRate, seed (re-initialises the weights: same seed, same run), labelColumn,
   * validationFraction, testFraction, patience; onProgress(p) per batch and epoch; signal (AbortSignal)
   * cancels between batches. Resolves to the summary (history, best epoch, test scores).
   */
  async fit(text, { onProgress, signal, ...options } = {}) {
    const started = JSON.parse(this.#s.startTraining(text, JSON.stringify(options)));
    if (started.errors.length) throw new HelixInputError(started.errors, started.moreErrors);
    const t0 = now();
    let lastYield = t0;
    let error;
    while (!this.#s.trainingFinished()) {
      if (signal?.aborted) {
        this.#s.cancelTraining();
        break;
      }
      const p = JSON.parse(this.#s.trainStep());
      p.seconds = (now() - t0) / 1000;
      if (p.type === 'error') error = p.message;
      onProgress?.(p);
      // Let messages (a cancel from the page, Ctrl-C in Node) in between batches, ~20 times a second.
      if (now() - lastYield > 50) {
        await nextTask();
        lastYield = now();
      }
    }
    const summary = JSON.parse(this.#s.trainingSummary());
    summary.seconds = (now() - t0) / 1000;
    summary.records = started.records;
    if (error) summary.error = error;
    return summary;
  }

  /**
   * Binding probability of each sequence: [{id, length, probability}]. A K-class model (loss
   * softmax_cross_entropy) gives [{id, length, class, label, probabilities}]: the most probable class's
   * index, its name (when the spec names classes) and all K probabilities. Throws HelixInputError.
   */
  predict(text) {
    const r = JSON.parse(this.#s.predict(text));
    if (r.errors.length) throw new HelixInputError(r.errors, r.moreErrors);
    return r.predictions;
  }

  /** {loss, accuracy, auroc, auprc, n} on a labelled table. Throws HelixInputError. */
  evaluate(text, { labelColumn = 'label' } = {}) {
    const r = JSON.parse(this.#s.evaluate(text, labelColumn));
    if (r.errors.length) throw new HelixInputError(r.errors, r.moreErrors);
    delete r.errors;
    return r;
  }

  /** The model file (JSON spec + float32 weights) as text. */
  save(metadata = {}) { return this.#s.save(JSON.stringify(metadata)); }

  /** Frees the engine's memory for this model. */
  dispose() {
    this.#s?.delete();
    this.#s = null;
  }
}

// --- graph models: mirrors Model for GraphSession (full-batch node classification, one epoch per step) ---
class GraphModel {
  #s;
  static wrap(session) {
    if (!session.ok()) {
      const errors = JSON.parse(session.errors());
      session.delete();
      throw new HelixInputError(errors);
    }
    return new GraphModel(session);
  }

  constructor(session) {
    this.#s = session;
  }

  get spec() { return JSON.parse(this.#s.spec()); }
  get summary() { return JSON.parse(this.#s.summary()); }
  get metadata() { return JSON.parse(this.#s.metadata()); }

  /**
   * Reads the graph: nodes table (node, label, [split], feature_indices or numeric columns) and edges table
   * (source, target). Returns {nodes, edges, features, classes, split: {train, val, test, unlabelled}, ...}.
   * Throws HelixInputError whose `source` says which table ('nodes' | 'edges' | 'spec') the errors are in.
   */
  load(nodesText, edgesText) {
    const r = JSON.parse(this.#s.load(nodesText, edgesText));
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
   * signal (AbortSignal) cancels between epochs. Early stopping restores the best weights. Resolves to
   * {epochsRun, bestEpoch, stoppedEarly, cancelled, test: {accuracy, loss, n}, seconds}.
   */
  async fit({ onProgress, signal, ...options } = {}) {
    const started = JSON.parse(this.#s.startTraining(JSON.stringify(options)));
    if (started.errors.length) throw new HelixInputError(started.errors);
    const t0 = now();
    let lastYield = t0;
    while (!this.#s.trainingFinished()) {
      if (signal?.aborted) {
        this.#s.cancelTraining();
        break;
      }
      const p = JSON.parse(this.#s.trainStep());
      p.seconds = (now() - t0) / 1000;
      onProgress?.(p);
      if (now() - lastYield > 50) {
        await nextTask();
        lastYield = now();
      }
    }
    const summary = JSON.parse(this.#s.trainingSummary());
    summary.seconds = (now() - t0) / 1000;
    return summary;
  }

  /** {accuracy, loss, n} on the labelled test nodes of the loaded graph. Throws HelixInputError. */
  evaluate() {
    const r = JSON.parse(this.#s.evaluate());
    if (r.errors.length) throw new HelixInputError(r.errors);
    delete r.errors;
    return r;
  }

  /** Every node of the loaded graph: [{id, class, probabilities}]. Throws HelixInputError. */
  predict() {
    const r = JSON.parse(this.#s.predict());
    if (r.errors.length) throw new HelixInputError(r.errors);
    return r.predictions;
  }

  /** The graph model file (JSON spec + float32 weights) as text; needs a loaded graph (the weights' sizes). */
  save(metadata = {}) {
    if (this.summary === null) {
      throw new HelixInputError([{ field: '', message: 'load a graph before saving: the weights are made for its features and classes' }]);
    }
    return this.#s.save(JSON.stringify(metadata));
  }

  dispose() {
    this.#s?.delete();
    this.#s = null;
  }
}

// --- autoencoders: mirrors GraphModel for AutoencoderSession (cells × genes matrices, one mini-batch per step) ---
class Autoencoder {
  #s;
  static wrap(session) {
    if (!session.ok()) {
      const errors = JSON.parse(session.errors());
      session.delete();
      throw new HelixInputError(errors);
    }
    return new Autoencoder(session);
  }

  constructor(session) {
    this.#s = session;
  }

  get spec() { return JSON.parse(this.#s.spec()); }
  get summary() { return JSON.parse(this.#s.summary()); }
  get metadata() { return JSON.parse(this.#s.metadata()); }

  /**
   * Reads the matrix: TSV/CSV text with a header (an id column, then one name per gene), one row per cell.
   * Gzipped files must be decompressed first (web/engine/gzip.js: gunzipText). Optional `labels`: a metadata
   * table joined by id whose `labelColumn` names each cell's type (for encode() and the latent kNN score).
   * Returns {cells, genes, split: {train, validation, test}, sameCells, labelled, classes, ignoredColumns}.
   * Throws HelixInputError whose `source` says which text ('matrix' | 'labels') the errors are in.
   */
  load(matrixText, { labels = '', labelColumn = 'label' } = {}) {
    const r = JSON.parse(this.#s.load(matrixText, labels, labelColumn));
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
    const started = JSON.parse(this.#s.startTraining(JSON.stringify(options)));
    if (started.errors.length) throw new HelixInputError(started.errors);
    const t0 = now();
    let lastYield = t0;
    let error;
    while (!this.#s.trainingFinished()) {
      if (signal?.aborted) {
        this.#s.cancelTraining();
        break;
      }
      const p = JSON.parse(this.#s.trainStep());
      p.seconds = (now() - t0) / 1000;
      if (p.type === 'error') error = p.message;
      onProgress?.(p);
      if (now() - lastYield > 50) {
        await nextTask();
        lastYield = now();
      }
    }
    const summary = JSON.parse(this.#s.trainingSummary());
    summary.seconds = (now() - t0) / 1000;
    if (error) summary.error = error;
    return summary;
  }

  /** Latent codes of every loaded cell: {ids, codes: [[...]], split: ['train'|'validation'|'test'], labels?}. */
  encode() {
    return this.#result(this.#s.encode());
  }

  /**
   * Imputation on the test cells: a seeded fraction of their entries (non-zero entries for entries
   * 'nonzero') is hidden and predicted: {maskedMse, meanImputationMse, improvement, hidden, cells, entries,
   * maskFraction, reconstructionMse, latentKnn}. Throws HelixInputError.
   */
  evaluateImputation() {
    return this.#result(this.#s.evaluate());
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
    return this.#s.save(JSON.stringify(metadata));
  }

  dispose() {
    this.#s?.delete();
    this.#s = null;
  }

  #result(text) {
    const r = JSON.parse(text);
    if (r.errors.length) throw new HelixInputError(r.errors);
    delete r.errors;
    return r;
  }

  #matrix(zerosOnly) {
    const r = this.#result(this.#s.reconstruct(zerosOnly));
    return { ids: r.ids, columns: r.columns, values: new Float32Array(this.#s.reconstructionView()) };
  }
}
