// bench/interpret/timing.mjs: the interpretation timings, shared by Node (bench/interpret.mjs) and Chromium
// (bench/interpret/worker.mjs): in-silico mutagenesis (3L mutants + the reference, batched), integrated
// gradients (50 steps, uniform baseline) and saliency on one 200 bp and one 1000 bp sequence with
// cnn-binding, trained briefly on planted-motif data. Median of 5 runs after one warm-up, in ms.

function randomDna(n, seed) {
  let s = seed >>> 0;
  let out = '';
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out += 'ACGT'[s >>> 30];
  }
  return out;
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time(fn, runs = 5) {
  fn(); // warm-up
  const ms = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    ms.push(performance.now() - t0);
  }
  return median(ms);
}

// [{length, ism, ig, saliency}] in ms, for the engine `helix` (from loadHelix()).
export async function measureInterpretation(helix) {
  const model = helix.createModel('cnn-binding');
  await model.fit(helix.simulate('planted-motif', { count: 600, length: 200, seed: 1 }), { epochs: 2, seed: 1 });
  const rows = [];
  for (const length of [200, 1000]) {
    const fasta = `>s\n${randomDna(length, length)}\n`;
    rows.push({
      length,
      ism: time(() => model.explain(fasta, { method: 'ism' })),
      ig: time(() => model.explain(fasta, { method: 'ig', steps: 50 })),
      saliency: time(() => model.explain(fasta, { method: 'saliency' })),
    });
  }
  model.dispose();
  return rows;
}
