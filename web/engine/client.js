// web/engine/client.js: the page's handle on the engine worker. Every method returns a promise of plain data
// or rejects with an EngineError that keeps the engine's `errors` ([{line, column, field, message}]).
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

export function createEngine() {
  const worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
  const remote = Comlink.wrap(worker);
  // A worker that fails to load (missing file, syntax error, wasm that won't compile) only says so in an
  // 'error' event; without this the first call would wait forever.
  const crashed = new Promise((resolve, reject) => {
    worker.addEventListener('error', (event) => {
      event.preventDefault?.();
      reject(new EngineError({ message: event.message || 'the engine worker failed to load' }));
    });
  });
  crashed.catch(() => {});

  const call = async (name, ...args) => {
    const result = await Promise.race([remote[name](...args), crashed]);
    if (!result.ok) throw new EngineError(result.error);
    return result.value;
  };

  return {
    init: () => call('init'), // -> { backend, presets }
    presets: () => call('presets'),
    parse: (text, opts) => call('parse', text, opts),
    train: (text, opts, onProgress) => call('train', text, opts, Comlink.proxy(onProgress)),
    describe: (spec) => call('describe', spec),
    cancel: () => call('cancel'),
    predict: (text) => call('predict', text),
    evaluate: (text) => call('evaluate', text),
    saveModel: () => call('saveModel'),
    loadModel: (text) => call('loadModel', text),
    decisionMap: (text, opts) => call('decisionMap', text, opts),
    explain: (text, opts) => call('explain', text, opts), // interpretation of the current model
    variants: (text, opts) => call('variants', text, opts),
    motifs: (opts) => call('motifs', opts),
    trainGraph: (nodes, edges, opts, onProgress) => call('trainGraph', nodes, edges, opts, Comlink.proxy(onProgress)),
    predictGraph: () => call('predictGraph'),
    saveGraphModel: () => call('saveGraphModel'),
    loadGraphModel: (file, nodes, edges) => call('loadGraphModel', file, nodes, edges),
    // autoencoders (matrix text, decompressed) and GANs (unlabelled sequences)
    trainAutoencoder: (matrix, opts, onProgress) => call('trainAutoencoder', matrix, opts, Comlink.proxy(onProgress)),
    encode: () => call('encode'),
    evaluateImputation: () => call('evaluateImputation'),
    saveAutoencoder: () => call('saveAutoencoder'),
    loadAutoencoder: (file, matrix, opts) => call('loadAutoencoder', file, matrix, opts),
    trainGan: (text, opts, onProgress) => call('trainGan', text, opts, Comlink.proxy(onProgress)),
    sampleGan: (n, opts) => call('sampleGan', n, opts),
    saveGan: () => call('saveGan'),
    loadGan: (text) => call('loadGan', text),
    terminate: () => worker.terminate(),
  };
}
