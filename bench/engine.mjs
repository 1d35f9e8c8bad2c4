// bench/engine.mjs: the benchmark's own engine. The workloads W1-W6 and the kernel micro-benchmark
// (bench/workloads/) are not in the product's wasm: they are in the bench variants helix-bench-mt (threads) and
// helix-bench (one thread), the same core with the workloads' bindings, which `bash scripts/build.sh --bench`
// builds into bench/wasm/. loadBench() picks the variant the way the product picks its own (threads in Node
// and on cross-origin isolated pages) and gives bench/harness.mjs what it drives: backend, setThreads,
// createBenchWorkload, benchKernels, close.
import { chooseBuild, HelixInputError } from '../js/helix.js';
import { startEngine, backendOf, backendLabel } from '../js/runtime.js';

// The product's build name -> the bench variant of the same kind.
const BENCH_VARIANT = { 'helix-simd-mt': 'helix-bench-mt', 'helix-simd': 'helix-bench' };

/**
 * Loads the bench engine. Options: `threads` (default: all cores, at most 8; 1 in the single-thread variant),
 * `build` ('helix-bench-mt' | 'helix-bench', to force one).
 */
export async function loadBench({ threads, build } = {}) {
  const choice = chooseBuild();
  choice.build = build ?? BENCH_VARIANT[choice.build];
  if (build) choice.reason = `${build} requested`;
  const base = new URL(`./wasm/${choice.build}`, import.meta.url);
  const engine = await startEngine(base, { threaded: choice.build === 'helix-bench-mt', threads });
  return new BenchEngine(engine, choice);
}

class BenchEngine {
  #engine;
  constructor(engine, choice) {
    this.#engine = engine;
    this.backend = backendOf(engine, choice);
    this.backend.label = `${backendLabel(this.backend)} (${choice.build}: ${choice.reason})`;
  }

  /** Stops the engine's threads (Node keeps a process alive while they run). */
  close() {
    this.#engine.PThread?.terminateAllThreads();
  }

  /** Changes how many threads share the work (1 .. the count the engine was loaded with); returns it. */
  setThreads(n) {
    this.#engine.setThreads(Math.max(1, Math.floor(n)));
    this.backend.threads = this.#engine.threads();
    return this.backend.threads;
  }

  /**
   * Workload 'W1'..'W6' of the benchmark suite on seeded synthetic data (`smoke`: tiny shapes).
   * Returns {info, trainSteps(n), inferSteps(n), dispose()}; the step functions return {loss, seconds}.
   * Throws HelixInputError for an unknown id.
   */
  createBenchWorkload(id, { smoke = false } = {}) {
    const w = new this.#engine.BenchWorkload(String(id), Boolean(smoke));
    if (!w.ok()) {
      const errors = JSON.parse(w.errors());
      w.delete();
      throw new HelixInputError(errors);
    }
    return {
      info: JSON.parse(w.info()),
      trainSteps: (n) => JSON.parse(w.trainSteps(n)),
      inferSteps: (n) => JSON.parse(w.inferSteps(n)),
      dispose: () => w.delete(),
    };
  }

  /** GFLOP/s of the GEMM and conv1d kernels on the engine's current threads ({threads, gemm, conv1d}). */
  benchKernels({ smoke = false } = {}) {
    return JSON.parse(this.#engine.benchKernels(Boolean(smoke)));
  }
}
