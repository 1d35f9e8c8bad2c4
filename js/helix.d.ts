// js/helix.d.ts: the types of the JS API (js/helix.js), for TypeScript and editors. Hand-written beside the
// code it describes; `npm test` checks it with tsc (tsconfig.json: this file, the element's and
// tests/types/usage.ts, which uses every export), and tests/wasm/package.test.mjs checks that the names it
// exports are exactly the module's.

/** One problem with what the caller gave: 1-based line and column in a text, or the field of a spec or option. */
export interface InputProblem {
  line?: number;
  column?: number;
  field?: string;
  message: string;
}

/** A user's mistake (bad data, spec, options or model file): every problem with its line, column or field. */
export class HelixInputError extends Error {
  constructor(errors: InputProblem[], moreErrors?: number);
  readonly name: 'HelixInputError';
  errors: InputProblem[];
  /** Problems found beyond those listed. */
  moreErrors: number;
  /** Which text the errors are in, when a call reads several ('nodes' | 'edges' | 'matrix' | 'labels' | 'spec'). */
  source?: string;
}

export type BuildName = 'helix-simd-mt' | 'helix-simd';

/** Which build can run here, and why. */
export interface BuildChoice {
  build: BuildName;
  isolated: boolean;
  reason: string;
}

/** What a loaded engine runs on. */
export interface Backend {
  build: BuildName;
  threads: number;
  simd: boolean;
  simdArch: string;
  isolated: boolean;
  reason: string;
  /** For people: 'WebAssembly SIMD · 2 threads', or why it runs on one. */
  label: string;
}

export interface LoadOptions {
  /** Threads of the threaded build (default: all cores, at most 8); the single-thread build has 1. */
  threads?: number;
  /** Force a build instead of the one chooseBuild() picks. */
  build?: BuildName;
  /**
   * Emscripten's abort hook: the engine aborted (out of memory: 'OOM') and can no longer be used. Called on the
   * loading thread even when a pool thread aborted, whose call then never returns.
   */
  onAbort?: (what: unknown) => void;
}

/** A model spec: JSON whose shape depends on the family (README: "Model spec"). */
export type Spec = Record<string, unknown>;

export type FamilyName = 'sequence' | 'graph' | 'autoencoder' | 'gan';

/** A progress report of one training step (its fields depend on the family and the step's type). */
export interface Progress {
  type: 'batch' | 'epoch' | 'error' | string;
  epoch?: number;
  epochs?: number;
  batch?: number;
  batches?: number;
  step?: number;
  steps?: number;
  loss?: number;
  valLoss?: number | null;
  /** Seconds since fit() started. */
  seconds: number;
  [figure: string]: unknown;
}

/** Options of fit(): the family's training fields (epochs, learningRate, seed, ...) and these. */
export interface FitOptions {
  epochs?: number;
  batchSize?: number;
  learningRate?: number;
  /** Re-initialises the weights (and split): the same seed gives the same run. */
  seed?: number;
  patience?: number;
  onProgress?: (progress: Progress) => void;
  /** Cancels between engine steps. */
  signal?: AbortSignal;
  [option: string]: unknown;
}

/** What fit() resolves to (fields by family: history, bestEpoch, test scores, ...). */
export interface TrainingSummary {
  epochsRun?: number;
  stepsRun?: number;
  bestEpoch?: number;
  stoppedEarly?: boolean;
  cancelled: boolean;
  history?: Array<Record<string, unknown>>;
  test?: Record<string, unknown>;
  seconds: number;
  /** Set when a loss, gradient or weight became NaN or infinite; the model keeps the last good weights. */
  error?: string;
  diverged?: { epoch: number; batch: number; message: string };
  [figure: string]: unknown;
}

/** Every model, whatever its family: its spec, summary, metadata, training, saving and freeing. */
export class Session {
  /** The family's name. */
  readonly family: FamilyName;
  /** The engine session (an Embind object) this wraps. */
  readonly session: unknown;
  readonly spec: Spec;
  /** The last training's summary, or null before any. */
  readonly summary: TrainingSummary | null;
  readonly metadata: Record<string, unknown>;
  /** Trains; `input` is left out when the data were loaded before (graph.load, autoencoder.load). */
  fit(input?: unknown, options?: FitOptions): Promise<TrainingSummary>;
  fit(options: FitOptions): Promise<TrainingSummary>;
  /** The model file (the envelope: family, spec, float32 weights, metadata) as JSON text. */
  save(metadata?: Record<string, unknown>): string;
  /** Frees the engine's memory for this object. */
  dispose(): void;
}

/** One prediction of a sequence model (K-class and multi-head models add class, label, probabilities, heads). */
export interface SequencePrediction {
  id: string;
  length?: number;
  probability?: number;
  value?: number;
  class?: number;
  label?: string;
  probabilities?: number[];
  heads?: Record<string, Record<string, unknown>>;
  [field: string]: unknown;
}

export interface Scores {
  loss: number;
  accuracy?: number;
  auroc?: number;
  auprc?: number;
  n: number;
  heads?: Record<string, Record<string, unknown>>;
  [score: string]: unknown;
}

export interface ExplainOptions {
  method?: 'saliency' | 'ig' | 'ism';
  head?: string;
  class?: number;
  output?: 'logit' | 'probability';
  baseline?: 'uniform' | 'shuffled';
  steps?: number;
  shuffles?: number;
  seed?: number;
}

export interface Explanation {
  id: string;
  sequence: string;
  score: number;
  class?: number;
  attributions: number[];
  ism?: Array<[number, number, number, number]>;
  baselineScore?: number;
  delta?: number;
}

export interface VariantEffect {
  id: string;
  line: number;
  position: number;
  ref: string;
  alt: string;
  refScore: number;
  altScore: number;
  difference: number;
  logOddsRatio: number;
}

export interface MotifOptions {
  sequences?: string;
  db?: string;
  dbName?: string;
  threshold?: number;
  top?: number;
  method?: string;
  seed?: number;
}

export interface MotifMatch {
  id: string;
  name: string;
  score: number;
  offset: number;
  strand: string;
  overlap: number;
  z: number;
}

export interface FilterMotif {
  index: number;
  name: string;
  sites: number;
  pfm: number[][];
  ic: number[];
  informationContent: number;
  consensus: string;
  reverseComplement: string;
  matches: MotifMatch[];
}

export interface MotifReport {
  layer: string;
  threshold: number;
  sequencesUsed: number;
  database: { name: string; motifs: number };
  filters: FilterMotif[];
}

export interface DecisionMap {
  [field: string]: unknown;
}

/** Sequence models: DNA and numeric-column inputs, one or more heads. */
export class SequenceModel extends Session {
  readonly family: 'sequence';
  /** fit(table, options): a labelled table (TSV/CSV with `sequence` and a label column). */
  fit(
    input?: string,
    options?: FitOptions & { labelColumn?: string; validationFraction?: number; testFraction?: number },
  ): Promise<TrainingSummary>;
  fit(options: FitOptions): Promise<TrainingSummary>;
  predict(
    text: string,
    options?: { onProgress?: (p: { records: number; chars: number; totalChars: number }) => void },
  ): SequencePrediction[];
  explain(
    text: string,
    options?: ExplainOptions,
  ): { method: string; head: string; output: string; explanations: Explanation[] };
  variants(text: string, options?: { head?: string; class?: number }): { head: string; variants: VariantEffect[] };
  motifs(options?: MotifOptions): Promise<MotifReport>;
  evaluate(text: string, options?: { labelColumn?: string }): Scores;
  /** Copies the weights of `layers` (null: every layer both share by name and shape); returns those copied. */
  loadWeightsFrom(fileText: string, layers?: string[] | null): string[];
  decisionMap(tableText: string, options?: { x?: string; y?: string; size?: number }): DecisionMap;
  freeze(layers: string[]): void;
  unfreeze(layers: string[]): void;
}

/** Graph convolutional networks: node classification and graph classification. */
export class GraphModel extends Session {
  readonly family: 'graph';
  load(nodesText: string, edgesText: string): Record<string, unknown>;
  fit(input?: { nodes: string; edges: string }, options?: FitOptions): Promise<TrainingSummary>;
  fit(options: FitOptions): Promise<TrainingSummary>;
  evaluate(): Scores;
  predict(): Array<{ id: string; class: number; probabilities: number[] }>;
}

/** A reconstruction or imputation: values are cells × genes, row-major. */
export interface Matrix {
  ids: string[];
  columns: string[];
  values: Float32Array;
}

/** Autoencoders on expression matrices (cells × genes). */
export class Autoencoder extends Session {
  readonly family: 'autoencoder';
  load(matrixText: string, options?: { labels?: string; labelColumn?: string }): Record<string, unknown>;
  fit(
    input?: { matrix: string; labels?: string; labelColumn?: string },
    options?: FitOptions,
  ): Promise<TrainingSummary>;
  fit(options: FitOptions): Promise<TrainingSummary>;
  encode(): { ids: string[]; codes: number[][]; split: Array<'train' | 'validation' | 'test'>; labels?: string[] };
  evaluateImputation(): Record<string, unknown>;
  reconstruct(): Matrix;
  impute(): Matrix;
}

/** Generative adversarial networks that write DNA. */
export class Gan extends Session {
  readonly family: 'gan';
  fit(
    input?: string,
    options?: FitOptions & { steps?: number; dSteps?: number; motif?: string },
  ): Promise<TrainingSummary>;
  fit(options: FitOptions): Promise<TrainingSummary>;
  sample(
    n: number,
    options?: { seed?: number; temperature?: number },
  ): { sequences: string[]; composition: Array<[number, number, number, number]> };
  generateFromNoise(noise: number[][]): number[][][];
  motifEnrichment(
    motif: string,
    options?: { count?: number; seed?: number; temperature?: number; strands?: 'forward' | 'both'; shuffles?: number },
  ): Record<string, unknown>;
}

export type AnyModel = SequenceModel | GraphModel | Autoencoder | Gan;

/** A loaded engine: makes and loads models of every family. */
export interface Helix {
  readonly backend: Backend;
  /** The sequence models' presets by name. */
  readonly presets: Record<string, Spec>;
  readonly ganPresets: Record<string, Spec>;
  /** Stops the engine's threads (Node keeps a process alive while they run). */
  close(): void;
  /** A new model: a preset's name (any family's), a spec object or JSON text. Throws HelixInputError. */
  create(
    specOrPreset: string | Spec,
    options?: { family?: FamilyName; labels?: string[]; features?: string[] },
  ): AnyModel;
  /** Any saved Helix model file. Throws HelixInputError. */
  load(fileText: string): AnyModel;
  optionBounds(): Record<string, { min?: number; max?: number; integer?: boolean; [bound: string]: unknown }>;
  createModel(specOrPreset: string | Spec, options?: { labels?: string[]; features?: string[] }): SequenceModel;
  loadModel(fileText: string): SequenceModel;
  createGraphModel(specOrPreset: string | Spec): GraphModel;
  loadGraphModel(fileText: string): GraphModel;
  createGan(specOrPreset: string | Spec): Gan;
  loadGan(fileText: string): Gan;
  createAutoencoder(specOrPreset: string | Spec): Autoencoder;
  loadAutoencoder(fileText: string): Autoencoder;
  /** Reads a paste (FASTA, a table with a header, or one sequence per line); never throws. */
  parseSequences(
    text: string,
    options?: { requireLabels?: boolean; labelColumn?: string; classes?: number },
  ): Record<string, unknown>;
  /** A simulated labelled table or FASTA (TSV text). Throws HelixInputError for bad options. */
  simulate(kind: string, options?: Record<string, unknown>): string;
  simulateGraphs(kind?: string, options?: Record<string, unknown>): { nodes: string; edges: string };
  memoryUsage(): { wasmHeapUsed: number; wasmHeapSize: number };
  /** Changes how many threads share the work; returns the count now used. */
  setThreads(n: number): number;
}

/** Which build can run here (the threaded one needs SharedArrayBuffer: Node, or a cross-origin isolated page). */
export function chooseBuild(): BuildChoice;

/** Loads the engine (the WebAssembly build beside this module). */
export function loadHelix(options?: LoadOptions): Promise<Helix>;

/** The model families' names. */
export function familyNames(): FamilyName[];
