// js/session.js: what every model of the JS API is, whatever its family: an engine session (ModelSession,
// GraphSession, GanSession, AutoencoderSession: each a Session of core/api/session.hpp, bound once, so the
// same JS methods on each) with its spec, summary and metadata, one training driver (fit), save and dispose. A family (js/families/<family>.js) subclasses Session
// with only its extras and says how fit() hands the engine its data.
import { HelixInputError, fieldError } from './errors.js';

const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));
const now = () => globalThis.performance?.now() ?? Date.now();

// Drives a started training run one engine step at a time: onProgress(p) after each (p.seconds since the
// start), a cancel through `signal` between steps, and a yield to the event loop ~20 times a second so messages
// (a cancel from the page, Ctrl-C) get in. Resolves to the session's summary with `seconds`; when a loss,
// gradient or weight became NaN or infinite, also `error` (the message) and `diverged` ({epoch, batch,
// message}): the model then holds the weights from before the bad step (core/train/divergence.hpp).
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
    if (p.type !== 'validation') onProgress?.(p); // a chunk of an epoch's validation: no figure to show yet
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

export class Session {
  #s;

  /** The object for a new engine session, or HelixInputError with the session's errors (then freed). */
  static wrap(session, ...rest) {
    if (!session.ok()) {
      const errors = JSON.parse(session.errors());
      session.delete();
      throw new HelixInputError(errors);
    }
    return new this(session, ...rest);
  }

  /** The keys of an object input to fit() ({nodes, edges}, {matrix, ...}); text families have none. */
  static inputKeys = [];

  /** When set, save() needs data loaded first (the weights' sizes come from it), and this says so. */
  static saveNeeds = null;

  constructor(session) {
    this.#s = session;
  }

  /** The family's name ('sequence', 'graph', 'autoencoder', 'gan'). */
  get family() {
    return this.constructor.family;
  }
  /** The engine session (Embind object) this wraps. */
  get session() {
    return this.#s;
  }
  get spec() {
    return JSON.parse(this.#s.spec());
  }
  get summary() {
    return JSON.parse(this.#s.summary());
  }
  get metadata() {
    return JSON.parse(this.#s.metadata());
  }

  /**
   * Trains. `input`: the training data (text for sequence models and GANs, {nodes, edges} for graph models,
   * {matrix, labels, labelColumn} for autoencoders), left out when the data were loaded before (graph.load,
   * autoencoder.load). Options: onProgress(p) per step, signal (an AbortSignal: cancels between steps), and
   * the family's training options (epochs, learningRate, seed, ...). Resolves to the training summary with
   * `seconds` (see runTraining). Throws HelixInputError for bad data or options.
   */
  async fit(input, options) {
    if (options === undefined && this.#isOptions(input)) [input, options] = [undefined, input];
    const { onProgress, signal, ...rest } = options ?? {};
    const started = JSON.parse(this.startTraining(input, JSON.stringify(rest)));
    if (started.errors.length) throw new HelixInputError(started.errors, started.moreErrors ?? 0);
    const shown = onProgress && ((p) => this.showsProgress(p) && onProgress(p));
    return this.finishSummary(await runTraining(this.#s, { onProgress: shown, signal }), started);
  }

  #isOptions(x) {
    return x !== null && typeof x === 'object' && !this.constructor.inputKeys.some((key) => key in x);
  }

  /** Starts the engine's run on `input` (see fit); returns its JSON answer. Text families as here. */
  startTraining(input, optionsJson) {
    if (typeof input !== 'string')
      throw fieldError('input', `input: fit() needs the training data as text (got ${typeof input})`);
    return this.#s.startTraining(input, optionsJson);
  }

  /** Whether onProgress sees a step's report (all by default). */
  showsProgress() {
    return true;
  }

  /** The summary fit() resolves to, from the engine's and the run's start answer. */
  finishSummary(summary) {
    return summary;
  }

  /** The model file (the envelope: family, spec, float32 weights, metadata) as text. */
  save(metadata = {}) {
    if (this.constructor.saveNeeds && this.summary === null) throw fieldError('', this.constructor.saveNeeds);
    return this.#s.save(JSON.stringify(metadata));
  }

  /** Frees the engine's memory for this object. */
  dispose() {
    this.#s?.delete();
    this.#s = null;
  }
}
