// bench/interpret.mjs: how long an explanation takes in Node (threaded build, loadHelix() defaults):
// in-silico mutagenesis (3L mutants + the reference, batched) and integrated gradients (50 steps, uniform
// baseline) on one 200 bp and one 1000 bp sequence with cnn-binding, trained briefly on planted-motif data.
//   node bench/interpret.mjs      (prints a Markdown table, median of 5 runs after one warm-up; asserts nothing)
import { loadHelix } from '../web/engine/helix.js';

const helix = await loadHelix();
const model = helix.createModel('cnn-binding');
await model.fit(helix.simulate('planted-motif', { count: 600, length: 200, seed: 1 }), { epochs: 2, seed: 1 });

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
  fn();  // warm-up
  const ms = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    ms.push(performance.now() - t0);
  }
  return median(ms);
}

const rows = [];
for (const L of [200, 1000]) {
  const fasta = `>s\n${randomDna(L, L)}\n`;
  const ism = time(() => model.explain(fasta, { method: 'ism' }));
  const ig = time(() => model.explain(fasta, { method: 'ig', steps: 50 }));
  const saliency = time(() => model.explain(fasta, { method: 'saliency' }));
  rows.push(`| ${L} bp | ${ism.toFixed(1)} | ${ig.toFixed(1)} | ${saliency.toFixed(1)} |`);
}
process.stdout.write(`cnn-binding, ${helix.backend.label}\n\n| sequence | ISM (ms) | IG, 50 steps (ms) | saliency (ms) |\n|---|---|---|---|\n${rows.join('\n')}\n`);
model.dispose();
helix.close();
