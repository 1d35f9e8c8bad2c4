// web/engine/helix.js: the JavaScript API of Helix, one ES module for Node (CLI, tests) and the page's
// Web Worker. It loads the right WebAssembly build and turns the engine's JSON answers into objects
// and errors. See README.md ("JS API") for a walk-through.
import { PRESETS, GRAPH_PRESETS } from './presets.js';

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

  /** A new model from a preset name or a spec object / JSON text. Throws HelixInputError. */
  createModel(specOrPreset) {
    return this.#wrap(new this.#engine.ModelSession(specText(specOrPreset, PRESETS), 'spec'));
  }

  /** A model from a saved model file (the text of model.save()). Throws HelixInputError. */
  loadModel(fileText) {
    return this.#wrap(new this.#engine.ModelSession(fileText, 'file'));
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

// --- graph models: mirrors Model for GraphSession (node classification full-batch, graph classification in
// mini-batches of graphs; one epoch per step) ---
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
   * A graph_classification model (gcn-graph) needs a `graph` column; it returns `graphs` too, and `split`
   * counts graphs.
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
   * {epochsRun, bestEpoch, stoppedEarly, cancelled, test: {accuracy, loss, n}, seconds} (graph models: n counts
   * test graphs and test.auroc is the macro AUROC).
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

  /** {accuracy, loss, n} on the labelled test nodes (graph models: graphs, plus auroc). Throws HelixInputError. */
  evaluate() {
    const r = JSON.parse(this.#s.evaluate());
    if (r.errors.length) throw new HelixInputError(r.errors);
    delete r.errors;
    return r;
  }

  /**
   * Every node of the loaded graph: [{id, class, probabilities}]; a graph model gives one row per graph, `id`
   * being the graph's id. Throws HelixInputError.
   */
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
