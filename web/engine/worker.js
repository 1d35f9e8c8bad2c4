// web/engine/worker.js: a module Web Worker that owns the Helix engine (wasm) and the current model.
// Only plain data leaves this file. Every call returns { ok: true, value } or { ok: false, error: { name,
// message, errors, moreErrors } }: a thrown Error would cross Comlink without its `errors` array.
import * as Comlink from '../vendor/comlink.mjs';
import { loadHelix } from '../../js/helix.js';
import * as presetTables from '../../js/presets.js';

const BATCH_EVENTS_PER_SECOND = 20;

let helixPromise = null;
let model = null; // the model Predict uses: the last one trained (even if cancelled) or loaded
let run = null; // { controller } while a fit is running
let gan = null; // the GAN sampleGan uses: the last one trained (even if cancelled after some steps) or loaded
let autoencoder = null; // the autoencoder the matrix methods use: the last one trained or loaded
let graphModel = null; // the graph model (GCN) last trained: its predictions feed the graph view

const helix = () => (helixPromise ??= loadHelix());

function failure(err) {
  const isAbort = err?.name === 'AbortError';
  return {
    ok: false,
    error: {
      name: isAbort ? 'AbortError' : (err?.name ?? 'Error'),
      message: err?.message ?? String(err),
      errors: Array.isArray(err?.errors) ? err.errors.map((e) => ({ ...e })) : [],
      moreErrors: err?.moreErrors ?? 0,
      stage: err?.stage ?? null, // 'model' | 'data' for train(): which panel the errors belong to
      source: err?.source ?? null, // which of several input texts (graph: 'nodes' | 'edges'; matrix: 'matrix' | 'labels')
    },
  };
}

// The page's progress callback lives behind its own MessageChannel until released: a channel and the page's
// closure per training run would otherwise stay for the page's lifetime.
function releaseCallback(callback) {
  callback?.[Comlink.releaseProxy]?.();
}

// Runs fn and wraps its result or error; structuredClone-able values only.
async function wrap(fn) {
  try {
    return { ok: true, value: await fn() };
  } catch (err) {
    return failure(err);
  }
}

// Batch events at most BATCH_EVENTS_PER_SECOND (always the last batch of an epoch); every epoch event.
// GAN step events are sent as often, each carrying `earlier`: the steps held back since the last one, so the
// D and G curves get every step however fast training runs.
// Calls are not awaited (a slow page must not slow training), but flush() waits for all of them: Comlink
// sends a proxy's calls on its own MessageChannel, so without it the summary could overtake the last epoch.
function throttled(onProgress) {
  const minGap = 1000 / BATCH_EVENTS_PER_SECOND;
  const inFlight = new Set();
  let last = -Infinity;
  let heldSteps = [];
  const send = (p) => {
    const now = performance.now();
    const partial = (p.type === 'batch' && p.batch !== p.batches) || (p.type === 'step' && p.step !== p.steps);
    if (partial && now - last < minGap) {
      if (p.type === 'step') heldSteps.push({ step: p.step, steps: p.steps, dLoss: p.dLoss, gLoss: p.gLoss, dReal: p.dReal, dFake: p.dFake });
      return;
    }
    last = now;
    const event = { ...p };
    if (p.type === 'step') {
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

  // opts: { spec: presetName | specObject, epochs, batchSize, learningRate, seed }
  train: (trainText, opts, onProgress) =>
    wrap(async () => {
      const h = await helix();
      if (run) throw new Error('A training run is already going; cancel it first.');
      const { spec, labels, features, initFrom, transferLayers, freeze, unfreeze, ...fitOptions } = opts;
      let next;
      let transferred = null;
      try {
        next = h.createModel(spec, { labels, features });
      } catch (err) {
        throw Object.assign(err, { stage: 'model' }); // a bad spec: the page shows it in the model panel
      }
      try {
        // Transfer: weights from a pretrained model file, then the layers to keep fixed (or to fine-tune).
        if (initFrom) transferred = next.loadWeightsFrom(initFrom, transferLayers ?? null);
        if (freeze?.length) next.freeze(freeze);
        if (unfreeze?.length) next.unfreeze(unfreeze);
      } catch (err) {
        next.dispose();
        throw Object.assign(err, { stage: 'model' });
      }
      const controller = new AbortController();
      run = { controller };
      try {
        const progress = throttled(onProgress);
        const summary = await next.fit(trainText, { ...fitOptions, onProgress: progress, signal: controller.signal });
        await progress.flush();
        const keep = summary.epochsRun > 0 || !summary.cancelled;
        if (keep) {
          model?.dispose();
          model = next;
        } else next.dispose();
        return { ...summary, transferred, hasModel: Boolean(model) };
      } catch (err) {
        next.dispose();
        if (controller.signal.aborted) return { cancelled: true, epochsRun: 0, epochs: fitOptions.epochs, history: [], hasModel: Boolean(model) };
        throw Object.assign(err, { stage: 'data' });
      } finally {
        run = null;
        releaseCallback(onProgress);
      }
    }),

  // What a spec builds: {parameters, minLength, fixedLength, resize, layers} (throws with errors if it cannot).
  describe: (spec) =>
    wrap(async () => {
      const m = (await helix()).createModel(spec);
      try {
        const summary = m.summary;
        return { parameters: summary.parameters, minLength: summary.min_length, fixedLength: summary.fixed_length,
          classes: Math.max(2, summary.outputs),
          resize: (m.spec.input ?? m.spec.inputs?.find((i) => (i.type ?? 'dna') === 'dna'))?.resize ?? null, layers: summary.layers };
      } finally {
        m.dispose();
      }
    }),

  // Aborts the running fit between batches; harmless when nothing runs.
  cancel() {
    run?.controller.abort();
    return { ok: true, value: Boolean(run) };
  },

  // What the current model (numeric columns) predicts over a grid of two of its columns: see decision-map.js.
  decisionMap: (tableText, opts = {}) =>
    wrap(async () => {
      if (!model) throw new Error('No model yet: train one or load a saved model.');
      return model.decisionMap(tableText, opts);
    }),

  predict: (text) =>
    wrap(async () => {
      if (!model) throw new Error('No model yet: train one or load a saved model.');
      return model.predict(text);
    }),

  evaluate: (text) =>
    wrap(async () => {
      if (!model) throw new Error('No model yet: train one or load a saved model.');
      return model.evaluate(text);
    }),

  saveModel: () =>
    wrap(async () => {
      if (!model) throw new Error('No model yet: train one or load a saved model.');
      return model.save();
    }),

  // --- interpretation of the current model (model.explain / variants / motifs; shapes in helix.js) ---
  // options {method: 'saliency' | 'ig' | 'ism', head, class, output, baseline, steps, shuffles, seed}
  explain: (text, options = {}) =>
    wrap(async () => {
      if (!model) throw new Error('No model yet: train one or load a saved model.');
      return model.explain(text, options);
    }),

  // A variants TSV (id sequence position ref alt, or id ref_sequence alt_sequence); options {head, class}
  variants: (text, options = {}) =>
    wrap(async () => {
      if (!model) throw new Error('No model yet: train one or load a saved model.');
      return model.variants(text, options);
    }),

  // First-layer filters as motifs matched to a database; options {sequences, db, dbName, threshold, top, method}
  motifs: (options = {}) =>
    wrap(async () => {
      if (!model) throw new Error('No model yet: train one or load a saved model.');
      return model.motifs(options);
    }),
  // --- end interpretation ---

  loadModel: (text) =>
    wrap(async () => {
      const loaded = (await helix()).loadModel(text);
      model?.dispose();
      model = loaded;
      return true;
    }),

  // --- GANs (helix.createGan): train, sample, save and load; one GAN at a time, beside the model ---
  // opts: { spec: presetName | specObject, epochs, steps, batchSize, learningRate, seed, motif }
  trainGan: (text, opts, onProgress) =>
    wrap(async () => {
      const h = await helix();
      if (run) throw new Error('A training run is already going; cancel it first.');
      const { spec, ...fitOptions } = opts;
      let next;
      try {
        next = h.createGan(spec);
      } catch (err) {
        throw Object.assign(err, { stage: 'model' });
      }
      const controller = new AbortController();
      run = { controller };
      try {
        const progress = throttled(onProgress);
        const summary = await next.fit(text, { ...fitOptions, onProgress: progress, signal: controller.signal });
        await progress.flush();
        if (summary.stepsRun > 0) {
          gan?.dispose();
          gan = next;
        } else next.dispose();
        return { ...summary, hasGan: Boolean(gan) };
      } catch (err) {
        next.dispose();
        throw Object.assign(err, { stage: 'data' });
      } finally {
        run = null;
        releaseCallback(onProgress);
      }
    }),

  // {sequences, composition}; opts {seed, temperature}
  sampleGan: (n, opts = {}) =>
    wrap(async () => {
      if (!gan) throw new Error('No GAN yet: train one or load a saved GAN.');
      return gan.sample(n, opts);
    }),

  ganMotifEnrichment: (motif, opts = {}) =>
    wrap(async () => {
      if (!gan) throw new Error('No GAN yet: train one or load a saved GAN.');
      return gan.motifEnrichment(motif, opts);
    }),

  saveGan: () =>
    wrap(async () => {
      if (!gan) throw new Error('No GAN yet: train one or load a saved GAN.');
      return gan.save();
    }),

  loadGan: (text) =>
    wrap(async () => {
      const loaded = (await helix()).loadGan(text);
      gan?.dispose();
      gan = loaded;
      return true;
    }),

  // --- autoencoders on expression matrices (helix.createAutoencoder) ---
  // opts: { spec: presetName | specObject, labels, labelColumn, epochs, batchSize, learningRate, seed }.
  // The matrix is text (decompress .gz first: ./gzip.js). Resolves to the fit summary plus the load info.
  trainAutoencoder: (matrixText, opts, onProgress) =>
    wrap(async () => {
      const h = await helix();
      if (run) throw new Error('A training run is already going; cancel it first.');
      const { spec, labels, labelColumn, ...fitOptions } = opts;
      let next;
      try {
        next = h.createAutoencoder(spec);
      } catch (err) {
        throw Object.assign(err, { stage: 'model' });
      }
      const controller = new AbortController();
      run = { controller };
      try {
        let info;
        try {
          info = next.load(matrixText, { labels, labelColumn });
        } catch (err) {
          throw Object.assign(err, { stage: 'data' });
        }
        const progress = throttled(onProgress);
        const summary = await next.fit({ ...fitOptions, onProgress: progress, signal: controller.signal });
        await progress.flush();
        autoencoder?.dispose();
        autoencoder = next;
        return { ...summary, data: info };
      } catch (err) {
        next.dispose();
        throw err;
      } finally {
        run = null;
        releaseCallback(onProgress);
      }
    }),

  encode: () => wrap(async () => requireAutoencoder().encode()),
  evaluateImputation: () => wrap(async () => requireAutoencoder().evaluateImputation()),
  saveAutoencoder: () => wrap(async () => requireAutoencoder().save()),

  // A saved autoencoder and the matrix (and optional labels) to use it on.
  loadAutoencoder: (fileText, matrixText, { labels, labelColumn } = {}) =>
    wrap(async () => {
      const loaded = (await helix()).loadAutoencoder(fileText);
      try {
        const info = loaded.load(matrixText, { labels, labelColumn });
        autoencoder?.dispose();
        autoencoder = loaded;
        return info;
      } catch (err) {
        loaded.dispose();
        throw err;
      }
    }),

  // --- graph models (helix.createGraphModel): nodes and edges tables; one model, beside the sequence model ---
  // opts: { spec: presetName | specObject, epochs, learningRate, seed, patience }. Resolves to the fit summary
  // plus what the graph holds (`graph`). Errors carry `source` ('nodes' | 'edges' | 'spec').
  trainGraph: (nodesText, edgesText, opts, onProgress) =>
    wrap(async () => {
      const h = await helix();
      if (run) throw new Error('A training run is already going; cancel it first.');
      const { spec, ...fitOptions } = opts;
      let next;
      try {
        next = h.createGraphModel(spec);
      } catch (err) {
        throw Object.assign(err, { stage: 'model' });
      }
      const controller = new AbortController();
      run = { controller };
      try {
        let graph;
        try {
          graph = next.load(nodesText, edgesText);
        } catch (err) {
          throw Object.assign(err, { stage: err.source === 'spec' ? 'model' : 'data' });
        }
        const progress = throttled(onProgress);
        const summary = await next.fit({ ...fitOptions, onProgress: progress, signal: controller.signal });
        await progress.flush();
        graphModel?.dispose();
        graphModel = next;
        return { ...summary, graph };
      } catch (err) {
        next.dispose();
        throw err;
      } finally {
        run = null;
        releaseCallback(onProgress);
      }
    }),

  // Every node of the trained graph: [{id, class, probabilities}].
  predictGraph: () =>
    wrap(async () => {
      if (!graphModel) throw new Error('No graph model yet: train one first.');
      return graphModel.predict();
    }),

  // A saved graph model and the graph to use it on: resolves to its scores there ({accuracy, loss, n}).
  loadGraphModel: (fileText, nodesText, edgesText) =>
    wrap(async () => {
      const loaded = (await helix()).loadGraphModel(fileText);
      try {
        loaded.load(nodesText, edgesText);
        const scores = loaded.evaluate();
        graphModel?.dispose();
        graphModel = loaded;
        return scores;
      } catch (err) {
        loaded.dispose();
        throw err;
      }
    }),

  saveGraphModel: () =>
    wrap(async () => {
      if (!graphModel) throw new Error('No graph model yet: train one first.');
      return graphModel.save();
    }),
  // --- end graph models ---

  // --- sessions: several playgrounds on one page share this worker (web/engine/client.js) ---
  // Makes `id`'s models the current ones. Synchronous, so the next message already sees them; the client
  // never switches while another session's call is going.
  useSession(id) {
    if (id === session) return { ok: true, value: id };
    sessions.set(session, { model, gan, autoencoder, graphModel });
    ({ model = null, gan = null, autoencoder = null, graphModel = null } = sessions.get(id) ?? {});
    sessions.delete(id);
    session = id;
    return { ok: true, value: id };
  },

  // Frees the models of a playground that has gone (its element was removed from the page).
  endSession(id) {
    const held = id === session ? { model, gan, autoencoder, graphModel } : sessions.get(id);
    for (const m of Object.values(held ?? {})) m?.dispose?.();
    if (id === session) model = gan = autoencoder = graphModel = null;
    sessions.delete(id);
    return { ok: true, value: true };
  },
};

let session = null; // the session whose models are in `model`, `gan`, `autoencoder`, `graphModel`
const sessions = new Map(); // the other sessions' models: id -> { model, gan, autoencoder, graphModel }

function requireAutoencoder() {
  if (!autoencoder) throw new Error('No autoencoder yet: train one or load a saved one.');
  return autoencoder;
}

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
