// js/helix.js: the JavaScript API of Helix, one ES module for Node (CLI, tests) and the page's Web Worker. It
// loads the right WebAssembly build; `helix.create(specOrPreset)` and `helix.load(fileText)` give a Session
// (js/session.js) of the model's family (js/families/). See README.md ("JS API") for a walk-through.
import { PRESETS, GAN_PRESETS } from './presets.js';
import { HelixInputError, answer } from './errors.js';
import { familyNamed, familyNames, familyOfPreset, familyOfSpec } from './families/index.js';
import { familyOfText } from './model-file.js';
import { isNode, startEngine, backendOf, backendLabel } from './runtime.js';

export { HelixInputError } from './errors.js';
export { Session } from './session.js';
export { SequenceModel, GraphModel, Autoencoder, Gan, familyNames } from './families/index.js';

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

/**
 * Loads the engine. Options: `threads` (default: all cores; 1 in the single-thread build), `build`
 * ('helix-simd-mt' | 'helix-simd', to force one), `onAbort(what)`: the engine aborted (out of memory: 'OOM')
 * and can no longer be used (the page's worker then starts another).
 */
export async function loadHelix({ threads, build, onAbort } = {}) {
  const choice = chooseBuild();
  if (build && build !== choice.build) {
    choice.reason = `${build} requested`;
    choice.build = build;
  }
  const base = new URL(`./wasm/${choice.build}`, import.meta.url);
  const engine = await startEngine(base, { threaded: choice.build === 'helix-simd-mt', threads, onAbort });
  return new Helix(engine, choice);
}

// A spec argument of create(): a preset's name, a spec object, or JSON text. Returns {family, text}: the
// family by the preset table or the spec's shape (text that is not JSON goes to the default family, whose
// engine names the line and column), and the spec as JSON text.
function resolveSpec(specOrPreset, familyName) {
  if (typeof specOrPreset !== 'string') {
    return {
      family: familyName ? familyNamed(familyName) : familyOfSpec(specOrPreset),
      text: JSON.stringify(specOrPreset),
    };
  }
  if (!specOrPreset.trim().startsWith('{')) {
    const family = familyName ? familyNamed(familyName) : familyOfPreset(specOrPreset);
    if (!Object.hasOwn(family.presets, specOrPreset)) {
      throw new HelixInputError([
        {
          field: 'preset',
          message: `preset: '${specOrPreset}' is not one of: ${Object.keys(family.presets).join(', ')}`,
        },
      ]);
    }
    return { family, text: JSON.stringify(family.presets[specOrPreset]) };
  }
  if (familyName) return { family: familyNamed(familyName), text: specOrPreset };
  let spec = null;
  try {
    spec = JSON.parse(specOrPreset);
  } catch {
    /* the engine reports where the JSON stops */
  }
  return { family: spec && typeof spec === 'object' ? familyOfSpec(spec) : familyOfSpec({}), text: specOrPreset };
}

class Helix {
  #engine;
  constructor(engine, choice) {
    this.#engine = engine;
    this.backend = backendOf(engine, choice);
    this.backend.label = backendLabel(this.backend, choice.build === 'helix-simd');
    this.presets = PRESETS;
    this.ganPresets = GAN_PRESETS;
  }

  /** Stops the engine's threads (Node keeps a process alive while they run). */
  close() {
    this.#engine.PThread?.terminateAllThreads();
  }

  /**
   * A new model of any family: `specOrPreset` is a preset's name (any family's), a spec object or JSON text;
   * the family comes from the preset table or the spec's shape (opts.family forces one). A sequence model's
   * options adapt it to a table's columns (spec-columns.js): labels (one head per label column: multi-task),
   * features (the numeric columns of its features input). Returns the family's Session. Throws HelixInputError.
   */
  create(specOrPreset, { family: familyName, ...opts } = {}) {
    const { family, text } = resolveSpec(specOrPreset, familyName);
    return this.#wrap(family, family.specFor ? family.specFor(text, opts) : text, 'spec');
  }

  /**
   * Any saved Helix file: the envelope ({"format": "helix", "version": 2, "family", ...}) or a file of the
   * old tags (helix-model, helix-graph-model, helix-gan, helix-autoencoder: js/model-file.js). Returns the
   * family's Session. Throws HelixInputError (the field: format, version, family, weights.<name>, ...).
   */
  load(fileText) {
    const name = familyOfText(fileText, familyNames());
    return this.#wrap(name === null ? familyOfSpec({}) : familyNamed(name), fileText, 'file');
  }

  #wrap(family, text, kind) {
    return family.Session.wrap(new this.#engine[family.engineClass](text, kind), this.#engine);
  }

  /** The engine's bounds on every training field: {field: {min, max, integer?, ...}} (wasm optionBounds). */
  optionBounds() {
    return JSON.parse(this.#engine.optionBounds());
  }

  // One-line names of create/load for one family (the API before Session); each checks nothing more.
  createModel(specOrPreset, opts) {
    return this.create(specOrPreset, { ...opts, family: 'sequence' });
  }
  loadModel(fileText) {
    return this.#wrap(familyNamed('sequence'), fileText, 'file');
  }
  createGraphModel(specOrPreset) {
    return this.create(specOrPreset, { family: 'graph' });
  }
  loadGraphModel(fileText) {
    return this.#wrap(familyNamed('graph'), fileText, 'file');
  }
  createGan(specOrPreset) {
    return this.create(specOrPreset, { family: 'gan' });
  }
  loadGan(fileText) {
    return this.#wrap(familyNamed('gan'), fileText, 'file');
  }
  createAutoencoder(specOrPreset) {
    return this.create(specOrPreset, { family: 'autoencoder' });
  }
  loadAutoencoder(fileText) {
    return this.#wrap(familyNamed('autoencoder'), fileText, 'file');
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
   * 'transfer-pretrain' and 'transfer-finetune' (sequence, label; {count, length, seed}), 'spacing' (sequence,
   * label: GATA1 and TAL1 sites 80-120 bases apart or not; {count, length, seed, oneSiteFraction: share of the
   * negatives with one site only}), 'activity' (sequence, dev, hk, dev_rep2, hk_rep2; {count, length, seed,
   * noise}), 'profile' (sequence, counts_plus, counts_minus; {count, length, outputLength, seed}).
   */
  simulate(kind, options = {}) {
    const r = answer(this.#engine.simulate(kind, JSON.stringify(options)));
    return r.table ?? r.fasta;
  }

  /**
   * Simulated labelled graphs for graph classification (kind 'graph-motifs': gene networks holding feed-forward
   * loops, class 0, or cascades, class 1); options {count, seed, minGenes, maxGenes, minMotifs, maxMotifs}.
   * Returns {nodes, edges}: the two tables (TSV text) that graphModel.load reads. Throws HelixInputError.
   */
  simulateGraphs(kind = 'graph-motifs', options = {}) {
    const r = answer(this.#engine.simulateGraphs(kind, JSON.stringify(options)));
    return { nodes: r.nodes, edges: r.edges };
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
}
