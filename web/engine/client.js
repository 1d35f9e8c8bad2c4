// web/engine/client.js: the page's handle on the engine worker. Every method returns a promise of plain data
// or rejects with an EngineError that keeps the engine's `errors` ([{line, column, field, message}]).
//
// One worker per page, created on the first createEngine() and shared by every playground on the page (the
// page itself, or several <helix-playground> elements). Each createEngine() is a session: its models live in
// the worker under ids prefixed with the session's name. Calls that touch a session's models run one session
// at a time: while one session has such a call going (a training run, say), another session's calls wait
// their turn, and its `onWait(true)` / `onWait(false)` say when that starts and ends, so it can show a
// message. Calls that touch no model (init, parse, describe, presets) never wait.
import * as Comlink from '../vendor/comlink.mjs';

export class EngineError extends Error {
  constructor({ name = 'Error', message, errors = [], moreErrors = 0, stage = null, source = null }) {
    super(message);
    this.name = name === 'Error' ? 'EngineError' : name;
    this.errors = errors;
    this.moreErrors = moreErrors;
    this.stage = stage;
    this.source = source;
  }
}

// The calls are generic (worker.js): create, train, load, call, save, dispose a model by id, whatever its family.
// Calls that neither read nor change a session's models: they run at once, whatever session is active.
const STATELESS = new Set(['init', 'presets', 'parse', 'simulate', 'describe', 'memoryUsage']);

let shared = null; // { worker, remote, send, gate } for the live worker, once a session exists
const sessions = new Map(); // session name -> its onCrash: every playground using the worker, across restarts
let lives = 0; // the workers started: each holds a Web Lock named for its number
let unloading = false; // the page is going: its worker ends with it, which is no crash
globalThis.addEventListener?.('pagehide', () => (unloading = true));
globalThis.addEventListener?.('pageshow', () => (unloading = false)); // back from the back-forward cache

// Why a worker stopped, as the page words it: { kind: 'killed' | 'oom' | 'abort' | 'load', message }.
export class EngineCrash extends EngineError {
  constructor(kind, message) {
    super({ name: 'EngineCrash', message });
    this.kind = kind;
  }
}

// The worker, created on first use (and again after a crash).
function sharedWorker() {
  if (shared) return shared;
  const worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
  const remote = Comlink.wrap(worker);
  // A worker that fails to load (missing file, syntax error, wasm that won't compile) only says so in an
  // 'error' event; without this the first call would wait forever. Each call in flight is rejected then.
  // (Not Promise.race against one promise that never settles: that adds a reaction to it per call, kept
  // for the page's lifetime — 3 calls a train/predict cycle, a leak the memory test saw.)
  const inFlight = new Set(); // the reject functions of calls still waiting for the worker
  const life = { worker, remote, gate: new SessionGate(), crash: null };
  // The worker is gone (or its engine aborted): every call in flight and every later call of this worker
  // rejects with `crash`; each session hears of it once; the next call starts a fresh worker.
  const die = (crash) => {
    if (life.crash || unloading) return;
    life.crash = crash;
    if (shared === life) shared = null;
    worker.terminate();
    for (const reject of inFlight) reject(crash);
    inFlight.clear();
    life.gate.failAll(crash);
    for (const onCrash of sessions.values()) onCrash(crash);
  };
  worker.addEventListener('error', (event) => {
    event.preventDefault?.();
    die(new EngineCrash('load', event.message || 'the engine worker failed to load'));
  });
  // The engine aborted (worker.js engineAborted): said outside Comlink's calls, since the one that hit it may
  // never answer.
  worker.addEventListener('message', (event) => {
    if (event.data?.helixFatal) die(new EngineCrash(event.data.helixFatal, event.data.message));
  });
  // A worker that dies without a word (closed, killed by the browser, out of memory in the tab) releases the
  // Web Lock it holds: our request for it is granted then.
  const lockName = `helix-engine-${Math.random().toString(36).slice(2)}-${++lives}`;
  if (globalThis.navigator?.locks)
    remote.holdLife(lockName).then(
      (held) =>
        held?.value &&
        navigator.locks.request(lockName, () => die(new EngineCrash('killed', 'the engine worker stopped'))),
      () => {},
    );
  // remote[name](...args) as a promise that also rejects when the worker dies; nothing of it is kept once settled.
  life.send = async (name, args) => {
    if (life.crash) throw life.crash;
    const call = remote[name](...args);
    const result = await new Promise((resolve, reject) => {
      inFlight.add(reject);
      call.then(resolve, reject).finally(() => inFlight.delete(reject));
    });
    const fatal = result?.ok === false && result.error.fatal;
    if (fatal) {
      const crash = new EngineCrash(fatal, result.error.message);
      die(crash);
      throw crash;
    }
    return result;
  };
  life.die = die;
  shared = life;
  return shared;
}

// Which session's model calls run now: `active` with `running` calls going; the others queue in order.
class SessionGate {
  active = null;
  running = 0;
  queue = []; // [{ session, start, onWait }]

  // Resolves when `session` may call into its models; onWait(true) if it has to wait first.
  enter(session, onWait) {
    if (this.running === 0 || (this.active === session && !this.queue.length)) {
      this.active = session;
      this.running++;
      return Promise.resolve();
    }
    onWait(true);
    return new Promise((start) => this.queue.push({ session, start, onWait }));
  }

  leave() {
    if (--this.running > 0) return;
    const next = this.queue[0]?.session;
    if (next === undefined) return;
    this.active = next;
    // Every queued call of the next session starts together (its own calls may overlap, as on a lone page).
    for (const item of this.queue.filter((q) => q.session === next)) {
      this.running++;
      item.onWait(false);
      item.start();
    }
    this.queue = this.queue.filter((q) => q.session !== next);
  }

  // Drops the session's queued calls (a Cancel while waiting); returns how many there were.
  drop(session) {
    const dropped = this.queue.filter((q) => q.session === session);
    this.queue = this.queue.filter((q) => q.session !== session);
    for (const item of dropped) {
      item.onWait(false);
      item.start(CANCELLED);
    }
    return dropped.length;
  }

  // The worker died: every queued call fails with `crash`.
  failAll(crash) {
    for (const item of this.queue) {
      item.onWait(false);
      item.start(crash);
    }
    this.queue = [];
  }

  isRunning(session) {
    return this.active === session && this.running > 0;
  }
}

const CANCELLED = Symbol('cancelled');
let nextSession = 0;

// What a training call answers when it was cancelled before its turn came: a run cancelled at epoch 0.
const CANCELLED_SUMMARY = { cancelled: true, epochsRun: 0, stepsRun: 0, history: [], hasModel: false };

// opts.onWait(waiting): this session's calls wait for another session's (true) or start (false).
// opts.onCrash(crash): the worker died or its engine aborted (an EngineCrash: kind, message); every model of
// every session is gone with it, and the next call starts a fresh engine.
// Models are named by the caller (an id per model, e.g. the family's key); the worker keeps them under
// `${session}/${id}`, so sessions never see each other's.
export function createEngine({ onWait = () => {}, onCrash = () => {} } = {}) {
  sharedWorker();
  const session = `s${++nextSession}`;
  sessions.set(session, onCrash);
  const key = (id) => `${session}/${id}`;
  let waiting = 0;
  const waitChanged = (flag) => {
    waiting += flag ? 1 : -1;
    if ((flag && waiting === 1) || (!flag && waiting === 0)) onWait(flag);
  };

  const call = async (name, ...args) => {
    const life = sharedWorker();
    if (STATELESS.has(name)) return unwrap(await life.send(name, args));
    const entered = await life.gate.enter(session, waitChanged);
    if (entered === CANCELLED) throw new EngineError({ name: 'AbortError', message: 'cancelled before it started' });
    if (entered instanceof EngineCrash) throw entered;
    try {
      return unwrap(await life.send(name, args));
    } finally {
      life.gate.leave();
    }
  };
  // A training call (create, train) that was cancelled before its turn came answers like a run cancelled at epoch 0.
  const training = (promise) =>
    promise.catch((err) => {
      if (err.name === 'AbortError' && err.message === 'cancelled before it started') return { ...CANCELLED_SUMMARY };
      throw err;
    });

  return {
    session,
    init: () => call('init'), // -> { backend, presets, presetTables }
    presets: () => call('presets'),
    memoryUsage: () => call('memoryUsage'), // {wasmHeapUsed, wasmHeapSize} of the shared worker's engine
    parse: (text, opts) => call('parse', text, opts),
    simulate: (kind, opts) => call('simulate', kind, opts),
    describe: (spec) => call('describe', spec),
    // A new model for `id` (opts: {family, setup: [[method, ...args]]}), trained by the next train(id, ...).
    create: (id, spec, opts) => training(call('create', key(id), spec, opts)),
    // -> the run's summary; `input` is the family's (text, {nodes, edges}, {matrix, labels, labelColumn});
    // opts.model: {spec, family, setup}, a new model made in the same call (else the one create() made).
    train: (id, input, opts, onProgress) => training(call('train', key(id), input, opts, Comlink.proxy(onProgress))),
    // Stops this session's run between two steps, or drops its calls still waiting for another session's.
    cancel: async () => {
      const life = sharedWorker();
      if (life.gate.drop(session) > 0) return true;
      return life.gate.isRunning(session) ? unwrap(await life.remote.cancel()) : false;
    },
    // A saved model file of any family into `id` (opts.setup: calls on it first, e.g. the data it is used on).
    load: (id, fileText, opts) => call('load', key(id), fileText, opts),
    // One of the model's own methods: predict, explain, variants, motifs, evaluate, decisionMap, sample, encode...
    call: (id, method, ...args) => call('call', key(id), method, ...args),
    save: (id, metadata) => call('save', key(id), metadata),
    dispose: (id) => call('dispose', key(id)),
    // Frees this session's models; the worker goes with the last session.
    terminate: () => {
      sessions.delete(session);
      if (!shared) return;
      shared.gate.drop(session);
      if (sessions.size === 0) {
        shared.crash = new EngineCrash('closed', 'the engine was closed');
        shared.worker.terminate();
        shared = null;
      } else call('disposeAll', `${session}/`).catch(() => {});
    },
  };
}

function unwrap(result) {
  if (!result.ok) throw new EngineError(result.error);
  return result.value;
}
