// web/engine/worker.js: a module Web Worker that owns the Helix engine (wasm) and the models of the page's
// playgrounds, each under an id the client chooses. A few generic calls, the same for every model family:
//   init, presets, memoryUsage, parse, simulate, describe   the engine itself (no model)
//   create(id, spec, opts)         a new model (helix.create), set up for its next training run
//   train(id, input, opts, onProgress)   fits it (session.fit); cancel() aborts the run between two steps
//   load(id, fileText, opts)       a saved model of any family (helix.load)
//   call(id, method, ...args)      one of the model's family's own methods (predict, explain, sample, encode...)
//   save(id, metadata), dispose(id), disposeAll(prefix)
//   holdLife(name)                 holds the Web Lock `name` while this worker lives: the page's request for it
//                                  is granted the moment the worker dies, however it died (client.js)
// train's opts.checkpoint: each epoch event carries `checkpoint`, the model file at that epoch's end (saved at
// most once every CHECKPOINT_GAP_MS, and always for the last epoch), so the page can keep it.
// An engine abort (Emscripten's abort(): out of memory, a failed assertion) leaves the module unusable: the call
// that hit it answers with error.fatal ('oom' | 'abort') and the worker closes itself; the page starts another.
// Only plain data leaves this file. Every call returns { ok: true, value } or { ok: false, error: { name,
// message, errors, moreErrors } }: a thrown Error would cross Comlink without its `errors` array.
import * as Comlink from '../vendor/comlink.mjs';
import { loadHelix } from '../../js/helix.js';
import * as presetTables from '../../js/presets.js';

const BATCH_EVENTS_PER_SECOND = 20;
const CHECKPOINT_GAP_MS = 1000;
const NOT_CALLABLE = new Set([
  'constructor',
  'fit',
  'startTraining',
  'showsProgress',
  'finishSummary',
  'save',
  'dispose',
]); // the Session's own: through their calls only

let helixPromise = null;
const models = new Map(); // id -> the model its calls use: the last trained (even if cancelled after some epochs) or loaded
const staged = new Map(); // id -> a model created for the next training run, not trained yet
let run = null; // { controller } while a fit is running

// The engine aborted (Emscripten's onAbort: on this thread even when a pool thread hit it, whose call then never
// returns): the page hears it at once, outside Comlink's calls, and this worker closes.
function engineAborted(what) {
  const message = String(what ?? 'abort');
  self.postMessage({ helixFatal: /OOM|out of memory|Cannot enlarge/i.test(message) ? 'oom' : 'abort', message });
  setTimeout(() => self.close(), 0);
}

const helix = () => (helixPromise ??= loadHelix({ onAbort: engineAborted }));

// 'oom' | 'abort' when `err` is Emscripten's abort (a WebAssembly.RuntimeError 'Aborted(...)'), else null.
function fatalKind(err) {
  const message = String(err?.message ?? err);
  if (!(err instanceof WebAssembly.RuntimeError) && !/^Aborted\(/.test(message)) return null;
  return /Aborted\(OOM\)|out of memory|Cannot enlarge memory/i.test(message) ? 'oom' : 'abort';
}

function failure(err) {
  const isAbort = err?.name === 'AbortError';
  const fatal = fatalKind(err);
  if (fatal) setTimeout(() => self.close(), 0); // after this answer is posted: the module is dead
  return {
    ok: false,
    error: {
      name: isAbort ? 'AbortError' : (err?.name ?? 'Error'),
      message: err?.message ?? String(err),
      errors: Array.isArray(err?.errors) ? err.errors.map((e) => ({ ...e })) : [],
      moreErrors: err?.moreErrors ?? 0,
      stage: err?.stage ?? null, // 'model' | 'data' for create/train: which panel the errors belong to
      source: err?.source ?? null, // which of several input texts (graph: 'nodes' | 'edges'; matrix: 'matrix' | 'labels')
      fatal, // 'oom' | 'abort': the engine aborted and this worker is closing
    },
  };
}

// Runs fn and wraps its result or error; structuredClone-able values only.
async function wrap(fn) {
  try {
    return { ok: true, value: await fn() };
  } catch (err) {
    return failure(err);
  }
}

// An error about the spec or the model's setup belongs to the model panel; one about the input to the data
// panel (a graph's `spec` source aside).
const inStage = (err, stage) => Object.assign(err, { stage: err.stage ?? (err.source === 'spec' ? 'model' : stage) });

// The page's progress callback lives behind its own MessageChannel until released: a channel and the page's
// closure per training run would otherwise stay for the page's lifetime.
function releaseCallback(callback) {
  callback?.[Comlink.releaseProxy]?.();
}

// Batch events at most BATCH_EVENTS_PER_SECOND (always the last batch of an epoch); every epoch event.
// A GAN's steps (batch and epoch events with `step`) are sent as often, counted in steps, each carrying
// `earlier`: the steps held back since the last one, so the D and G curves get every step however fast
// training runs.
// Calls are not awaited (a slow page must not slow training), but flush() waits for all of them: Comlink
// sends a proxy's calls on its own MessageChannel, so without it the summary could overtake the last epoch.
function throttled(onProgress) {
  const minGap = 1000 / BATCH_EVENTS_PER_SECOND;
  const inFlight = new Set();
  let last = -Infinity;
  let heldSteps = [];
  const send = (p) => {
    const now = performance.now();
    const ganStep = p.step !== undefined && p.type !== 'error';
    const partial = ganStep ? p.step !== p.steps : p.type === 'batch' && p.batch !== p.batches;
    if (partial && now - last < minGap) {
      if (ganStep)
        heldSteps.push({
          step: p.step,
          steps: p.steps,
          dLoss: p.dLoss,
          gLoss: p.gLoss,
          dReal: p.dReal,
          dFake: p.dFake,
        });
      return;
    }
    last = now;
    const event = { ...p };
    if (ganStep) {
      event.earlier = heldSteps;
      heldSteps = [];
    }
    const call = Promise.resolve(onProgress(event)).catch(() => {});
    inFlight.add(call);
    call.finally(() => inFlight.delete(call));
  };
  send.flush = () => Promise.allSettled([...inFlight]);
  return send;
}

// onProgress with each epoch's model file added as `checkpoint`: at most every CHECKPOINT_GAP_MS, and never
// more than a tenth of the run's time goes to saving (a large model's file takes long to write); the last
// epoch always. A GAN counts steps and is not checkpointed.
function checkpointing(model, onProgress) {
  let next = -Infinity; // when the next checkpoint may be taken
  return (p) => {
    const now = performance.now();
    if (p.type === 'epoch' && p.step === undefined && (now >= next || p.epoch === p.epochs)) {
      try {
        p = { ...p, checkpoint: model.save({ checkpointEpoch: p.epoch }) };
        const took = performance.now() - now;
        next = now + Math.max(CHECKPOINT_GAP_MS, 10 * took);
      } catch {
        /* a model that cannot be saved yet: no checkpoint this epoch */
      }
    }
    onProgress(p);
  };
}

// Calls [[method, ...args]] on a model, in order -> their results; on an error the model is freed.
function setUp(model, calls) {
  try {
    return calls.map(([method, ...args]) => invoke(model, method, args));
  } catch (err) {
    model.dispose();
    throw err;
  }
}

function invoke(model, method, args) {
  if (NOT_CALLABLE.has(method) || typeof model[method] !== 'function')
    throw new Error(`a ${model.family} model has no method '${method}'`);
  return model[method](...args);
}

function modelOf(id) {
  const model = models.get(id);
  if (!model) throw new Error('No model yet: train one or load a saved model.');
  return model;
}

// `id`'s model becomes `model` (null: none).
function replace(id, model) {
  const old = models.get(id);
  if (old && old !== model) old.dispose();
  if (model) models.set(id, model);
  else models.delete(id);
}

// A new model from `spec` (helix.create with opts), then `setup`'s calls on it. Errors: stage 'model'.
function createModel(h, spec, { setup = [], ...opts } = {}) {
  let model;
  try {
    model = h.create(spec, opts);
    return { model, results: setUp(model, setup) };
  } catch (err) {
    throw inStage(err, 'model');
  }
}

// `model` is the one `id` trains next.
function stage(id, model) {
  staged.get(id)?.dispose();
  staged.set(id, model);
}

// The model `id` trains next: the one created for it, else (a run again) its current one.
function takeStaged(id) {
  const model = staged.get(id) ?? models.get(id);
  if (!model) throw new Error('No model to train: create one first.');
  staged.delete(id);
  return model;
}

const api = {
  init: () =>
    wrap(async () => {
      const h = await helix();
      return { backend: { ...h.backend }, presets: structuredClone(h.presets), presetTables: allPresetTables() };
    }),

  presets: () => wrap(async () => structuredClone((await helix()).presets)),

  // {wasmHeapUsed, wasmHeapSize} (helix.memoryUsage()): leak tests read it between runs.
  memoryUsage: () => wrap(async () => (await helix()).memoryUsage()),

  parse: (text, opts = {}) => wrap(async () => (await helix()).parseSequences(text, opts)),

  simulate: (kind, opts = {}) => wrap(async () => (await helix()).simulate(kind, opts)),

  // What a spec builds: {parameters, minLength, fixedLength, classes, resize, layers} (throws with errors if it cannot).
  describe: (spec) =>
    wrap(async () => {
      const m = (await helix()).create(spec);
      try {
        const summary = m.summary;
        return {
          parameters: summary.parameters,
          minLength: summary.min_length,
          fixedLength: summary.fixed_length,
          classes: Math.max(2, summary.outputs),
          resize: (m.spec.input ?? m.spec.inputs?.find((i) => (i.type ?? 'dna') === 'dna'))?.resize ?? null,
          layers: summary.layers,
        };
      } finally {
        m.dispose();
      }
    }),

  // opts: helix.create's ({family, labels, features}) and setup: [[method, ...args]] calls made on the new
  // model (e.g. loadWeightsFrom, freeze) -> { family, results: those calls' results }. Errors: stage 'model'.
  create: (id, spec, opts) =>
    wrap(async () => {
      const { model, results } = createModel(await helix(), spec, opts);
      stage(id, model);
      return { family: model.family, results };
    }),

  // Fits `id`'s new model on `input` (text; {nodes, edges}; {matrix, labels, labelColumn}) with opts (epochs,
  // learningRate, batchSize, seed, ...): the one create() made, or with opts.model ({spec, ...create's opts})
  // one made now, in the same call. It becomes `id`'s model if it learnt anything (a run cancelled before its
  // first epoch or step keeps the previous one) -> the summary with hasModel.
  train: (id, input, { model: create, checkpoint = false, ...opts } = {}, onProgress) =>
    wrap(async () => {
      if (run) throw new Error('A training run is already going; cancel it first.');
      if (create) {
        const { spec, ...createOpts } = create;
        stage(id, createModel(await helix(), spec, createOpts).model);
      }
      const next = takeStaged(id);
      const controller = new AbortController();
      run = { controller };
      try {
        const progress = throttled(onProgress);
        const report = checkpoint ? checkpointing(next, progress) : progress;
        const summary = await next.fit(input, { ...opts, onProgress: report, signal: controller.signal });
        await progress.flush();
        const keep = summary.epochsRun > 0 || summary.stepsRun > 0 || !summary.cancelled;
        if (keep) replace(id, next);
        else if (models.get(id) !== next) next.dispose();
        return { ...summary, hasModel: models.has(id) };
      } catch (err) {
        if (fatalKind(err)) throw err; // the module is dead: nothing more may call into it
        if (models.get(id) !== next) next.dispose();
        if (controller.signal.aborted)
          return { cancelled: true, epochsRun: 0, epochs: opts?.epochs, history: [], hasModel: models.has(id) };
        throw inStage(err, 'data');
      } finally {
        run = null;
        releaseCallback(onProgress);
      }
    }),

  // Holds the Web Lock `name` until this worker ends (resolves once held; false without Web Locks).
  holdLife(name) {
    if (!self.navigator?.locks) return { ok: true, value: false };
    return new Promise((held) =>
      navigator.locks.request(name, () => {
        held({ ok: true, value: true });
        return new Promise(() => {}); // never released: the lock goes with the worker
      }),
    );
  },

  // Aborts the running fit between two steps; harmless when nothing runs.
  cancel() {
    run?.controller.abort();
    return { ok: true, value: Boolean(run) };
  },

  // A saved model of any family; opts.setup: calls made on it (e.g. load the data it is used on) before it
  // replaces `id`'s model -> { family, results }. On an error `id`'s model stays.
  load: (id, fileText, { setup = [] } = {}) =>
    wrap(async () => {
      const loaded = (await helix()).load(fileText);
      const results = setUp(loaded, setup);
      replace(id, loaded);
      return { family: loaded.family, results };
    }),

  call: (id, method, ...args) => wrap(async () => invoke(modelOf(id), method, args)),

  save: (id, metadata = {}) => wrap(async () => modelOf(id).save(metadata)),

  dispose(id) {
    replace(id, null);
    staged.get(id)?.dispose();
    staged.delete(id);
    return { ok: true, value: true };
  },

  // Frees every model whose id starts with `prefix` (a playground that has gone: web/engine/client.js).
  disposeAll(prefix) {
    for (const id of new Set([...models.keys(), ...staged.keys()])) if (id.startsWith(prefix)) api.dispose(id);
    return { ok: true, value: true };
  },
};

// Every preset table presets.js exports (sequence models, graphs, and the generative families as they land),
// keyed by family: the page groups its model picker by them.
function allPresetTables() {
  const tables = { sequence: presetTables.PRESETS };
  for (const [name, table] of Object.entries(presetTables)) {
    const m = /^([A-Z]+)_PRESETS$/.exec(name);
    if (m && name !== 'PRESETS') tables[m[1].toLowerCase()] = table;
  }
  return structuredClone(tables);
}

Comlink.expose(api);
