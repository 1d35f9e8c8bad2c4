// js/runtime.js: where the JS API runs (Node: the CLI, tests, benchmarks; or a browser: the page's worker), and
// how a wasm build is started there. js/helix.js starts the product's builds, bench/engine.mjs the bench variants.
export const isNode =
  typeof process === 'object' &&
  !!process.versions?.node &&
  typeof window === 'undefined' &&
  typeof importScripts === 'undefined';

async function hardwareThreads() {
  if (isNode) return (await import('node:os')).availableParallelism();
  return globalThis.navigator?.hardwareConcurrency || 1;
}

/**
 * Starts the wasm build at `base` (a URL without extension: `<base>.mjs` and `<base>.wasm`). A `threaded` build
 * gets `threads` threads (default: all cores, at most 8), any other one thread. `onAbort(what)`: Emscripten's
 * abort hook (out of memory: 'OOM'), called on the calling thread even when a pool thread aborted (its call
 * then never returns). Resolves to the Embind module.
 */
export async function startEngine(base, { threaded, threads, onAbort }) {
  const { default: create } = await import(`${base.href}.mjs`);
  const wanted = threaded ? Math.max(1, Math.min(threads ?? (await hardwareThreads()), 8)) : 1;
  const options = threaded ? { pthreadPoolSize: Math.max(wanted - 1, 1) } : {};
  if (onAbort) options.onAbort = onAbort;
  if (isNode) options.wasmBinary = await (await import('node:fs/promises')).readFile(new URL(`${base.href}.wasm`));
  const engine = await create(options);
  engine.setThreads(wanted);
  return engine;
}

/** What a started engine runs on: {build, threads, simd, simdArch, isolated, reason} (`choice`: chooseBuild()). */
export function backendOf(engine, choice) {
  return {
    build: choice.build,
    threads: engine.threads(),
    simd: true,
    simdArch: engine.simdArch(),
    isolated: choice.isolated,
    reason: choice.reason,
  };
}

const threadsLabel = (n) => `WebAssembly SIMD · ${n} thread${n === 1 ? '' : 's'}`;

/** The status line's words for a backend, e.g. "WebAssembly SIMD · 2 threads". */
export const backendLabel = (backend, withReason) =>
  withReason ? `${threadsLabel(backend.threads)}: ${backend.reason}` : threadsLabel(backend.threads);
