// web/engine/client.js: the page's handle on the engine worker. Every method returns a promise of plain data
// or rejects with an EngineError that keeps the engine's `errors` ([{line, column, field, message}]).
//
// One worker per page, created on the first createEngine() and shared by every playground on the page (the
// page itself, or several <helix-playground> elements). Each createEngine() is a session: the worker keeps
// each session's models apart (worker.js `useSession`). Calls that touch a session's models run one session
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

// Calls that neither read nor change a session's models: they run at once, whatever session is active.
const STATELESS = new Set(['init', 'presets', 'parse', 'describe', 'memoryUsage']);

let shared = null; // { worker, remote, send, gate, sessions } once a session exists

// The worker, created on first use.
function sharedWorker() {
  if (shared) return shared;
  const worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
  const remote = Comlink.wrap(worker);
  // A worker that fails to load (missing file, syntax error, wasm that won't compile) only says so in an
  // 'error' event; without this the first call would wait forever. Each call in flight is rejected then.
  // (Not Promise.race against one promise that never settles: that adds a reaction to it per call, kept
  // for the page's lifetime — 3 calls a train/predict cycle, a leak the memory test saw.)
  const inFlight = new Set(); // the reject functions of calls still waiting for the worker
  let crash = null;
  worker.addEventListener('error', (event) => {
    event.preventDefault?.();
    crash = new EngineError({ message: event.message || 'the engine worker failed to load' });
    for (const reject of inFlight) reject(crash);
    inFlight.clear();
  });
  // remote[name](...args) as a promise that also rejects when the worker dies; nothing of it is kept once settled.
  const send = async (name, args) => {
    if (crash) throw crash;
    const call = remote[name](...args);
    return new Promise((resolve, reject) => {
      inFlight.add(reject);
      call.then(resolve, reject).finally(() => inFlight.delete(reject));
    });
  };
  shared = { worker, remote, send, gate: new SessionGate(), sessions: new Set() };
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

  isRunning(session) {
    return this.active === session && this.running > 0;
  }
}

const CANCELLED = Symbol('cancelled');
let nextSession = 0;

// opts.onWait(waiting): this session's calls wait for another session's (true) or start (false).
export function createEngine({ onWait = () => {} } = {}) {
  const { remote, send, gate, sessions } = sharedWorker();
  const session = `s${++nextSession}`;
  sessions.add(session);
  let waiting = 0;
  const waitChanged = (flag) => {
    waiting += flag ? 1 : -1;
    if ((flag && waiting === 1) || (!flag && waiting === 0)) onWait(flag);
  };

  const call = async (name, ...args) => {
    if (STATELESS.has(name)) return unwrap(await send(name, args));
    if ((await gate.enter(session, waitChanged)) === CANCELLED) throw new EngineError({ name: 'AbortError', message: 'cancelled before it started' });
    try {
      // Messages reach the worker in order and useSession is synchronous there, so the call after it sees
      // this session's models.
      remote.useSession(session);
      return unwrap(await send(name, args));
    } finally {
      gate.leave();
    }
  };
  // A training call that was cancelled before its turn came answers like a run cancelled at epoch 0.
  const training = (name) => (...args) =>
    call(name, ...args).catch((err) => {
      if (err.name === 'AbortError' && err.message === 'cancelled before it started') return { cancelled: true, epochsRun: 0, stepsRun: 0, history: [], hasModel: false };
      throw err;
    });

  return {
    session,
    init: () => call('init'), // -> { backend, presets }
    presets: () => call('presets'),
    memoryUsage: () => call('memoryUsage'), // {wasmHeapUsed, wasmHeapSize} of the shared worker's engine
    parse: (text, opts) => call('parse', text, opts),
    train: (text, opts, onProgress) => training('train')(text, opts, Comlink.proxy(onProgress)),
    describe: (spec) => call('describe', spec),
    // Stops this session's run between batches, or drops its calls still waiting for another session's.
    cancel: async () => {
      if (gate.drop(session) > 0) return true;
      return gate.isRunning(session) ? unwrap(await remote.cancel()) : false;
    },
    predict: (text) => call('predict', text),
    evaluate: (text) => call('evaluate', text),
    saveModel: () => call('saveModel'),
    loadModel: (text) => call('loadModel', text),
    decisionMap: (text, opts) => call('decisionMap', text, opts),
    explain: (text, opts) => call('explain', text, opts), // interpretation of the current model
    variants: (text, opts) => call('variants', text, opts),
    motifs: (opts) => call('motifs', opts),
    trainGraph: (nodes, edges, opts, onProgress) => training('trainGraph')(nodes, edges, opts, Comlink.proxy(onProgress)),
    predictGraph: () => call('predictGraph'),
    saveGraphModel: () => call('saveGraphModel'),
    loadGraphModel: (file, nodes, edges) => call('loadGraphModel', file, nodes, edges),
    // autoencoders (matrix text, decompressed) and GANs (unlabelled sequences)
    trainAutoencoder: (matrix, opts, onProgress) => training('trainAutoencoder')(matrix, opts, Comlink.proxy(onProgress)),
    encode: () => call('encode'),
    evaluateImputation: () => call('evaluateImputation'),
    saveAutoencoder: () => call('saveAutoencoder'),
    loadAutoencoder: (file, matrix, opts) => call('loadAutoencoder', file, matrix, opts),
    trainGan: (text, opts, onProgress) => training('trainGan')(text, opts, Comlink.proxy(onProgress)),
    sampleGan: (n, opts) => call('sampleGan', n, opts),
    saveGan: () => call('saveGan'),
    loadGan: (text) => call('loadGan', text),
    // Frees this session's models; the worker goes with the last session.
    terminate: () => {
      sessions.delete(session);
      gate.drop(session);
      if (sessions.size === 0) {
        shared.worker.terminate();
        shared = null;
      } else call('endSession', session).catch(() => {});
    },
  };
}

function unwrap(result) {
  if (!result.ok) throw new EngineError(result.error);
  return result.value;
}
