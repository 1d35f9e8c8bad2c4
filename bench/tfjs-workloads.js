// bench/tfjs-workloads.js: the TensorFlow.js side of the benchmark suite W1..W6 (a copy of the shared reference,
// ../shared/bench/reference/workloads.js, so the product does not depend on it; one change: W3's inference
// batch is 256 as in the suite's table, not 64). bench/suite.mjs uses WORKLOADS[id].build(tf, opts) and times
// it with its own alternating loop; runWorkload/runSuite are the reference's own loop, kept as they were.
// Runs unchanged in Node (require) and in the browser (<script>, global `tf`).
// Exposes AnchorBench = { WORKLOADS, runWorkload, runSuite }.
(function (root) {
  'use strict';

  // ---------- deterministic data ----------
  function mulberry32(a) {
    return function () {
      a |= 0;
      a = (a + 0x6d2b79f5) | 0;
      let t = Math.imul(a ^ (a >>> 15), 1 | a);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }
  function oneHotDNA(tf, rng, batch, len) {
    const buf = new Float32Array(batch * len * 4);
    for (let i = 0; i < batch * len; i++) buf[i * 4 + Math.floor(rng() * 4)] = 1;
    return tf.tensor3d(buf, [batch, len, 4]);
  }
  function randBinary(tf, rng, shape, p) {
    const n = shape.reduce((a, b) => a * b, 1);
    const buf = new Float32Array(n);
    for (let i = 0; i < n; i++) buf[i] = rng() < p ? 1 : 0;
    return tf.tensor(buf, shape);
  }
  function randUniform(tf, rng, shape) {
    const n = shape.reduce((a, b) => a * b, 1);
    const buf = new Float32Array(n);
    for (let i = 0; i < n; i++) buf[i] = rng();
    return tf.tensor(buf, shape);
  }
  function vars(model) {
    return model.trainableWeights.map((w) => w.read());
  }
  const bce = (tf, y, p) => tf.metrics.binaryCrossentropy(y, p).mean();

  // Generic "layers model + loss" workload.
  function layersWorkload(tf, model, xTrain, yTrain, xInfer, lossFn) {
    const opt = tf.train.adam(1e-3);
    const varList = vars(model);
    return {
      trainStep: () =>
        tf.tidy(() => opt.minimize(() => lossFn(yTrain, model.apply(xTrain, { training: true })), true, varList)),
      infer: () => tf.tidy(() => model.predict(xInfer)),
      dispose: () => {
        model.dispose();
        opt.dispose();
        tf.dispose([xTrain, yTrain, xInfer]);
      },
      params: model.countParams(),
    };
  }

  // ---------- workloads ----------
  const WORKLOADS = {
    W1: {
      desc: 'DeepBind-CNN L=101 conv16x24 valid, gmaxpool, d32, d1',
      trainBatch: 64,
      inferBatch: 256,
      unit: 'samples/s',
      build(tf, opts) {
        const rng = mulberry32(1);
        const m = tf.sequential();
        m.add(
          tf.layers.conv1d({ inputShape: [101, 4], filters: 16, kernelSize: 24, padding: 'valid', activation: 'relu' }),
        );
        m.add(tf.layers.globalMaxPooling1d());
        m.add(tf.layers.dense({ units: 32, activation: 'relu' }));
        m.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
        return layersWorkload(
          tf,
          m,
          oneHotDNA(tf, rng, 64, 101),
          randBinary(tf, rng, [64, 1], 0.5),
          oneHotDNA(tf, rng, 256, 101),
          (y, p) => bce(tf, y, p),
        );
      },
    },
    W2: {
      desc: 'Basset-like L=600 conv300x19/mp3, conv200x11/mp4, conv200x7/mp4, d1000, d164',
      trainBatch: 64,
      inferBatch: 64,
      unit: 'samples/s',
      build(tf, opts) {
        const rng = mulberry32(2);
        const m = tf.sequential();
        m.add(
          tf.layers.conv1d({ inputShape: [600, 4], filters: 300, kernelSize: 19, padding: 'same', activation: 'relu' }),
        );
        m.add(tf.layers.maxPooling1d({ poolSize: 3 }));
        m.add(tf.layers.conv1d({ filters: 200, kernelSize: 11, padding: 'same', activation: 'relu' }));
        m.add(tf.layers.maxPooling1d({ poolSize: 4 }));
        m.add(tf.layers.conv1d({ filters: 200, kernelSize: 7, padding: 'same', activation: 'relu' }));
        m.add(tf.layers.maxPooling1d({ poolSize: 4 }));
        m.add(tf.layers.flatten());
        m.add(tf.layers.dense({ units: 1000, activation: 'relu' }));
        m.add(tf.layers.dense({ units: 164, activation: 'sigmoid' }));
        return layersWorkload(
          tf,
          m,
          oneHotDNA(tf, rng, 64, 600),
          randBinary(tf, rng, [64, 164], 0.1),
          oneHotDNA(tf, rng, 64, 600),
          (y, p) => bce(tf, y, p),
        );
      },
    },
    W3: {
      desc: 'DanQ-lite L=200 conv32x26 valid/mp13, BiLSTM32 (last, concat), d1',
      trainBatch: 64,
      inferBatch: 256,
      unit: 'samples/s',
      build(tf, opts) {
        const rng = mulberry32(3);
        const m = tf.sequential();
        m.add(
          tf.layers.conv1d({ inputShape: [200, 4], filters: 32, kernelSize: 26, padding: 'valid', activation: 'relu' }),
        );
        m.add(tf.layers.maxPooling1d({ poolSize: 13 }));
        m.add(tf.layers.bidirectional({ layer: tf.layers.lstm({ units: 32 }), mergeMode: 'concat' }));
        m.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
        return layersWorkload(
          tf,
          m,
          oneHotDNA(tf, rng, 64, 200),
          randBinary(tf, rng, [64, 1], 0.5),
          oneHotDNA(tf, rng, 256, 200),
          (y, p) => bce(tf, y, p),
        );
      },
    },
    W4: {
      desc: 'GCN 2-layer, N=2708, 10556 directed edges (+self loops), F=1433 (1.3% dense), H=16, C=7, full batch',
      trainBatch: 1,
      inferBatch: 1,
      unit: 'full-graph steps/s',
      // variant: 'sparse' = gather + unsortedSegmentSum message passing (what a tfjs user writes);
      //          'dense'  = dense normalized adjacency [N,N] matMul (fallback where segment-sum kernels are missing)
      build(tf, opts) {
        const variant = (opts && opts.gcn) || 'sparse';
        const rng = mulberry32(4);
        const N = 2708,
          F = 1433,
          H = 16,
          C = 7,
          E = 10556;
        const X = randBinary(tf, rng, [N, F], 0.0127); // tfjs has no sparse-dense matmul: X stays dense
        // random undirected graph: E/2 distinct pairs, both directions, no self loops
        const seen = new Set();
        const src = [],
          dst = [];
        while (src.length < E) {
          const a = Math.floor(rng() * N),
            b = Math.floor(rng() * N);
          if (a === b) continue;
          const k = a < b ? a * N + b : b * N + a;
          if (seen.has(k)) continue;
          seen.add(k);
          src.push(a, b);
          dst.push(b, a);
        }
        for (let i = 0; i < N; i++) {
          src.push(i);
          dst.push(i);
        } // self loops
        const deg = new Float32Array(N);
        for (let i = 0; i < dst.length; i++) deg[dst[i]] += 1;
        const w = new Float32Array(src.length);
        for (let i = 0; i < src.length; i++) w[i] = 1 / Math.sqrt(deg[src[i]] * deg[dst[i]]);
        let prop,
          extra = [];
        if (variant === 'dense') {
          const A = new Float32Array(N * N);
          for (let i = 0; i < src.length; i++) A[dst[i] * N + src[i]] += w[i];
          const At = tf.tensor2d(A, [N, N]);
          extra.push(At);
          prop = (h) => tf.matMul(At, h);
        } else {
          const srcT = tf.tensor1d(Int32Array.from(src), 'int32');
          const dstT = tf.tensor1d(Int32Array.from(dst), 'int32');
          const wT = tf.tensor2d(w, [w.length, 1]);
          extra.push(srcT, dstT, wT);
          prop = (h) => tf.unsortedSegmentSum(tf.mul(tf.gather(h, srcT), wT), dstT, N);
        }
        const labels = new Int32Array(N);
        for (let i = 0; i < N; i++) labels[i] = Math.floor(rng() * C);
        const Y = tf.oneHot(tf.tensor1d(labels, 'int32'), C).toFloat();
        const mask = new Float32Array(N);
        for (let i = 0; i < 140; i++) mask[i] = 1; // Kipf: 140 labelled nodes
        const M = tf.tensor1d(mask);
        const W1 = tf.variable(tf.randomNormal([F, H], 0, Math.sqrt(2 / (F + H)), 'float32', 41));
        const b1 = tf.variable(tf.zeros([H]));
        const W2 = tf.variable(tf.randomNormal([H, C], 0, Math.sqrt(2 / (H + C)), 'float32', 42));
        const b2 = tf.variable(tf.zeros([C]));
        const fwd = () => {
          const h = tf.relu(tf.add(prop(tf.matMul(X, W1)), b1));
          return tf.add(prop(tf.matMul(h, W2)), b2);
        };
        const opt = tf.train.adam(1e-2);
        return {
          trainStep: () =>
            tf.tidy(() => opt.minimize(() => tf.losses.softmaxCrossEntropy(Y, fwd(), M), true, [W1, b1, W2, b2])),
          infer: () => tf.tidy(() => fwd()),
          dispose: () => {
            tf.dispose([X, Y, M, W1, b1, W2, b2, ...extra]);
            opt.dispose();
          },
          params: F * H + H + H * C + C,
          variant,
        };
      },
    },
    W5: {
      desc: 'Autoencoder 2000-256relu-32-256relu-2000, MSE',
      trainBatch: 128,
      inferBatch: 128,
      unit: 'samples/s',
      build(tf, opts) {
        const rng = mulberry32(5);
        const m = tf.sequential();
        m.add(tf.layers.dense({ inputShape: [2000], units: 256, activation: 'relu' }));
        m.add(tf.layers.dense({ units: 32 }));
        m.add(tf.layers.dense({ units: 256, activation: 'relu' }));
        m.add(tf.layers.dense({ units: 2000 }));
        const x = randUniform(tf, rng, [128, 2000]);
        const xi = randUniform(tf, rng, [128, 2000]);
        return layersWorkload(tf, m, x, x.clone(), xi, (y, p) => tf.losses.meanSquaredError(y, p));
      },
    },
    W6: {
      desc: 'GAN: G 64-d256relu-d200-softmax[50,4]; D conv32x8 relu, gmaxpool, d1; one D + one G step',
      trainBatch: 64,
      inferBatch: 64,
      unit: 'samples/s',
      build(tf, opts) {
        const rng = mulberry32(6);
        const G = tf.sequential();
        G.add(tf.layers.dense({ inputShape: [64], units: 256, activation: 'relu' }));
        G.add(tf.layers.dense({ units: 200 }));
        G.add(tf.layers.reshape({ targetShape: [50, 4] }));
        G.add(tf.layers.activation({ activation: 'softmax' })); // over the last axis (4)
        const D = tf.sequential();
        D.add(tf.layers.conv1d({ inputShape: [50, 4], filters: 32, kernelSize: 8, activation: 'relu' }));
        D.add(tf.layers.globalMaxPooling1d());
        D.add(tf.layers.dense({ units: 1 })); // logit
        const real = oneHotDNA(tf, rng, 64, 50);
        const ones = tf.ones([64, 1]),
          zeros = tf.zeros([64, 1]);
        const optD = tf.train.adam(1e-3),
          optG = tf.train.adam(1e-3);
        const vD = vars(D),
          vG = vars(G);
        let seed = 100;
        return {
          trainStep: () =>
            tf.tidy(() => {
              const z1 = tf.randomNormal([64, 64], 0, 1, 'float32', seed++);
              const dl = optD.minimize(
                () =>
                  tf.add(
                    tf.losses.sigmoidCrossEntropy(ones, D.apply(real)),
                    tf.losses.sigmoidCrossEntropy(zeros, D.apply(G.apply(z1))),
                  ),
                true,
                vD,
              );
              const z2 = tf.randomNormal([64, 64], 0, 1, 'float32', seed++);
              const gl = optG.minimize(() => tf.losses.sigmoidCrossEntropy(ones, D.apply(G.apply(z2))), true, vG);
              return tf.add(dl, gl);
            }),
          infer: () => tf.tidy(() => G.predict(tf.randomNormal([64, 64], 0, 1, 'float32', seed++))),
          dispose: () => {
            G.dispose();
            D.dispose();
            optD.dispose();
            optG.dispose();
            tf.dispose([real, ones, zeros]);
          },
          params: G.countParams() + D.countParams(),
        };
      },
    },
  };

  const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());
  function stats(xs) {
    const s = xs.slice().sort((a, b) => a - b);
    const n = s.length;
    const med = n % 2 ? s[(n - 1) / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
    return { median: med, min: s[0], max: s[n - 1] };
  }

  // One timed mode. fn() returns a tensor; each step is synchronised by reading it back
  // (what a training loop that logs its loss, or an app that uses predictions, does).
  async function timeMode(tf, fn, samplesPerStep, cfg) {
    const step = async () => {
      const t = fn();
      await t.data();
      t.dispose();
    };
    const tw0 = now();
    for (let i = 0; i < cfg.warmup; i++) {
      const a = now();
      await step();
      const d = now() - a;
      if (d > 10000) {
        if (cfg.log) cfg.log(`  warm-up step took ${(d / 1000).toFixed(1)} s`);
        break;
      } // very slow step: 1 warm-up is enough
    }
    const t0 = now();
    await step();
    const tStep = (now() - t0) / 1000; // extra warm-up step, used to plan
    const warmupS = (now() - tw0) / 1000;
    if (tStep > cfg.maxStepS) {
      // far too slow for repeats: report the single post-warm-up step, flagged
      const r = samplesPerStep / tStep;
      return {
        median: r,
        min: r,
        max: r,
        rates: [r],
        steps: 1,
        repeats: 1,
        warmupS,
        reduced: true,
        singleStep: true,
        stepS: tStep,
      };
    }
    let steps = cfg.steps,
      repeats = cfg.repeats;
    // Keep each (workload, mode) inside cfg.budgetS: fewer steps per repeat (flagged) for very slow systems.
    if (tStep * steps * repeats > cfg.budgetS) steps = Math.max(1, Math.floor(cfg.budgetS / (tStep * repeats)));
    if (tStep * steps * repeats > cfg.hardCapS)
      repeats = Math.max(cfg.minRepeats, Math.floor(cfg.hardCapS / (tStep * steps)));
    const rates = [];
    for (let r = 0; r < repeats; r++) {
      const a = now();
      for (let i = 0; i < steps; i++) await step();
      const dt = (now() - a) / 1000;
      rates.push((steps * samplesPerStep) / dt);
    }
    return Object.assign(stats(rates), {
      rates,
      steps,
      repeats,
      warmupS,
      reduced: steps < cfg.steps || repeats < cfg.repeats,
    });
  }

  async function runWorkload(tf, name, opts) {
    opts = opts || {};
    const cfg = Object.assign(
      { warmup: 2, steps: 10, repeats: 5, minRepeats: 3, budgetS: 40, hardCapS: 150, maxStepS: 30 },
      opts.cfg || {},
    );
    const W = WORKLOADS[name];
    const out = { workload: name, backend: tf.getBackend(), variant: opts.gcn || undefined, train: null, infer: null };
    let wl;
    try {
      wl = W.build(tf, opts);
      out.params = wl.params;
    } catch (e) {
      out.buildError = String((e && e.message) || e);
      return out;
    }
    for (const mode of opts.modes || ['train', 'infer']) {
      const fn = mode === 'train' ? wl.trainStep : wl.infer;
      const bs = mode === 'train' ? W.trainBatch : W.inferBatch;
      try {
        const r = await timeMode(tf, fn, bs, Object.assign({ log: opts.log }, cfg));
        r.batch = bs;
        out[mode] = r;
      } catch (e) {
        out[mode] = {
          error: String((e && e.message) || e)
            .split('\n')[0]
            .slice(0, 300),
        };
      }
      if (opts.log) opts.log(`${name}${opts.gcn ? '/' + opts.gcn : ''} ${mode}: ` + JSON.stringify(out[mode]));
    }
    try {
      wl.dispose();
    } catch (e) {
      /* ignore */
    }
    out.numTensorsAfter = tf.memory().numTensors;
    return out;
  }

  async function runSuite(tf, opts) {
    opts = opts || {};
    const names = opts.workloads || Object.keys(WORKLOADS);
    const results = [];
    for (const n of names) {
      const variants = n === 'W4' ? opts.gcnVariants || ['sparse', 'dense'] : [undefined];
      for (const v of variants) {
        results.push(await runWorkload(tf, n, Object.assign({}, opts, { gcn: v })));
      }
    }
    return results;
  }

  const api = { WORKLOADS, runWorkload, runSuite, mulberry32 };
  if (typeof module !== 'undefined' && module.exports) module.exports = api;
  root.AnchorBench = api;
})(typeof globalThis !== 'undefined' ? globalThis : this);
