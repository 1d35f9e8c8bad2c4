// bench/harness.mjs: the timing protocol of the benchmark (../shared/BENCHMARKS.md), shared by Node
// (bench/suite.mjs) and the Chromium page (bench/page.html). Per workload and mode, every system (Helix at one
// or more thread counts, TensorFlow.js on its best backend) warms up 2 steps, then the systems take turns:
// repeat r of system 1, repeat r of system 2, ..., 5 repeats of 10 steps each, so machine drift hits all of
// them alike. A step ends by reading the loss (training) or the output (inference) back.
// Throughput = samples / wall time of a repeat; the median and min-max go in the result.
// A system whose step takes longer than cfg.maxStepS is timed on one step only (flagged `singleStep`); one
// whose 5 x 10 steps would exceed cfg.budgetS gets fewer steps per repeat (flagged `reduced`).

const now = () => performance.now();

export const DEFAULTS = { warmup: 2, steps: 10, repeats: 5, budgetS: 20, maxStepS: 10 };

function stats(rates) {
  const s = rates.slice().sort((a, b) => a - b);
  const n = s.length;
  return { median: n % 2 ? s[(n - 1) / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]), min: s[0], max: s[n - 1], rates };
}

function errorText(e) {
  return String((e && e.message) || e)
    .split('\n')[0]
    .slice(0, 300);
}

// TensorFlow.js: the workload on `wasm` if it can run it (W4: the sparse formulation, else the dense one),
// else on `cpu`; the errors of what could not run are kept. Returns {wl, backend, variant, errors} or
// {error, errors} when nothing runs. Each candidate is built and stepped once to see whether it runs.
// skip: [{workload, mode, backend, reason}], candidates not to try (the reason stands in for their error).
async function tfCandidate(tf, bench, id, mode, skip = []) {
  const errors = [];
  const backends = ['wasm', 'cpu'].filter((b) => tf.engine().registryFactory[b]);
  for (const backend of backends) {
    const skipped = skip.find((s) => s.workload === id && s.mode === mode && s.backend === backend);
    if (skipped) {
      errors.push(`${backend}: ${skipped.reason}`);
      continue;
    }
    await tf.setBackend(backend);
    await tf.ready();
    for (const variant of id === 'W4' ? ['sparse', 'dense'] : [undefined]) {
      let wl;
      try {
        wl = bench.WORKLOADS[id].build(tf, { gcn: variant });
        const t = mode === 'train' ? wl.trainStep() : wl.infer();
        await t.data();
        t.dispose();
        return { wl, backend, variant, errors };
      } catch (e) {
        errors.push(`${backend}${variant ? '/' + variant : ''}: ${errorText(e)}`);
        try {
          wl?.dispose();
        } catch {
          /* half-built */
        }
      }
    }
  }
  return { error: errors.join('; '), errors };
}

// One system's timed repeats, run in turns with the others by compare().
class Timed {
  constructor(name, step, samples) {
    Object.assign(this, { name, step, samples, rates: [], steps: 0, singleStep: false, stepS: 0 });
  }
  async warmUp(cfg) {
    for (let i = 0; i < cfg.warmup; i++) {
      const t0 = now();
      await this.step();
      this.stepS = (now() - t0) / 1000;
      if (this.stepS > cfg.maxStepS) break; // one very slow step is warm enough
    }
    if (this.stepS > cfg.maxStepS) {
      this.singleStep = true; // far too slow for repeats: the last warm-up step is the figure
      this.rates.push(this.samples / this.stepS);
      return;
    }
    this.steps = Math.max(1, Math.min(cfg.steps, Math.floor(cfg.budgetS / (this.stepS * cfg.repeats))));
  }
  async repeat() {
    if (this.singleStep) return;
    const t0 = now();
    for (let i = 0; i < this.steps; i++) await this.step();
    this.rates.push((this.steps * this.samples) / ((now() - t0) / 1000));
  }
  result(cfg) {
    return {
      ...stats(this.rates),
      steps: this.singleStep ? 1 : this.steps,
      repeats: this.rates.length,
      singleStep: this.singleStep,
      reduced: this.singleStep || this.steps < cfg.steps,
    };
  }
}

/**
 * Runs every workload and mode. helix: a loaded bench engine (bench/engine.mjs); tf + bench: TensorFlow.js and
 * bench/tfjs-workloads.js (null: Helix only); threads: the Helix thread counts to time (null = as loaded).
 * skipTf: TF.js candidates not to try ([{workload, mode, backend, reason}]).
 * Returns [{workload, mode, batch, helix: {"t2": stats, ...}, tf: {backend, variant, errors, ...stats} | {error}}].
 */
export async function runWorkloads({
  helix,
  tf = null,
  bench = null,
  workloads,
  modes = ['train', 'infer'],
  threads = [null],
  smoke = false,
  cfg = {},
  log = () => {},
  skipTf = [],
}) {
  cfg = { ...DEFAULTS, ...cfg };
  const out = [];
  for (const id of workloads) {
    const hw = helix.createBenchWorkload(id, { smoke });
    for (const mode of modes) {
      const batch = mode === 'train' ? hw.info.trainBatch : hw.info.inferBatch;
      const row = { workload: id, mode, batch, params: hw.info.params, helix: {}, loss: null };
      const systems = [];
      const loaded = helix.backend.threads;
      for (const t of threads) {
        const key = `t${t ?? loaded}`;
        const step = async () => {
          if (t && helix.backend.threads !== t) helix.setThreads(t); // once per turn, not per step
          const r = mode === 'train' ? hw.trainSteps(1) : hw.inferSteps(1);
          row.loss = r.loss;
          if (!Number.isFinite(r.loss)) throw new Error(`${id} ${mode}: Helix gave a non-finite value ${r.loss}`);
        };
        systems.push(Object.assign(new Timed(`helix-${key}`, step, batch), { key }));
      }
      let tfc = null;
      if (tf) {
        tfc = await tfCandidate(tf, bench, id, mode, skipTf);
        if (tfc.wl) {
          const fn = mode === 'train' ? tfc.wl.trainStep : tfc.wl.infer;
          const tbatch = bench.WORKLOADS[id][mode === 'train' ? 'trainBatch' : 'inferBatch'];
          const step = async () => {
            if (tf.getBackend() !== tfc.backend) await tf.setBackend(tfc.backend);
            const t = fn();
            await t.data();
            t.dispose();
          };
          systems.push(Object.assign(new Timed('tfjs', step, tbatch), { key: 'tfjs' }));
        }
      }
      for (const s of systems) await s.warmUp(cfg);
      // Each repeat starts one system later, so that no system is always the one right after TF.js: a turn that
      // follows another system's starts with that system's data in the caches (TF.js's dense W4 streams ~30 MB
      // a step), and with a fixed order that cost fell on the same system every time (W4: Helix's 2-thread turn,
      // right after TF.js, ran 10-20% slower than its 1-thread turn that followed, with the same code path).
      for (let r = 0; r < cfg.repeats; r++)
        for (let i = 0; i < systems.length; i++) await systems[(r + i) % systems.length].repeat();
      for (const s of systems) {
        if (s.key === 'tfjs')
          row.tf = { backend: tfc.backend, variant: tfc.variant, errors: tfc.errors, ...s.result(cfg) };
        else row.helix[s.key] = s.result(cfg);
      }
      if (tfc && !tfc.wl) row.tf = { error: tfc.error, errors: tfc.errors };
      if (tfc?.wl)
        try {
          tfc.wl.dispose();
        } catch {
          /* already gone */
        }
      if (threads.some((t) => t)) helix.setThreads(loaded);
      log(
        `${id} ${mode}: helix ${Object.entries(row.helix)
          .map(([k, v]) => `${k} ${v.median.toFixed(1)}`)
          .join(', ')}` +
          (row.tf
            ? ` | tfjs ${row.tf.error ? 'error: ' + row.tf.error : `${row.tf.backend} ${row.tf.median.toFixed(1)}`}`
            : '') +
          ' samples/s',
      );
      out.push(row);
    }
    hw.dispose();
  }
  return out;
}

/** Kernel GFLOP/s at each thread count in `threads` (Helix's benchKernels). */
export function runKernels(helix, { threads = [1], smoke = false } = {}) {
  const loaded = helix.backend.threads;
  const out = {};
  for (const t of threads) {
    helix.setThreads(t);
    out[`t${t}`] = helix.benchKernels({ smoke });
  }
  helix.setThreads(loaded);
  return out;
}
