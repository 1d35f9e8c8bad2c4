// bench/ab-products.mjs: two product builds trained in turns in one process, through the JS API, on the shipped
// examples: what bench/ab-builds.mjs cannot see (the bench workloads call ops directly, not the families'
// layers, tasks and run loop). OLD_JS and NEW_JS are copies of js/ (each with its own js/wasm/ build, e.g.
// `cp -r js /tmp/old-js` with the old build's files in /tmp/old-js/wasm/). Both on one thread; per family,
// `--rounds` fits of a fixed number of epochs alternate (A, B, B, A, ...); a fit's figure is the process CPU
// time (process.cpuUsage: other jobs on the machine do not count in it) and its wall time. Prints the medians
// and new/old ratios.
//
//   node bench/ab-products.mjs OLD_JS NEW_JS [--rounds 5] [--only cnn-binding,gcn-node,autoencoder,gan-dna]
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args.splice(i, 2)[1] : fallback;
};
const rounds = Number(option('rounds', '5'));
const only = option('only', 'cnn-binding,rnn-order,gcn-node,autoencoder,gan-dna').split(',');
if (args.length !== 2) {
  console.error('usage: node bench/ab-products.mjs OLD_JS NEW_JS [--rounds N] [--only a,b]');
  process.exit(2);
}
const data = (name) => readFileSync(new URL(`../web/data/${name}`, import.meta.url), 'utf8');
const gz = (name) => gunzipSync(readFileSync(new URL(`../web/data/${name}`, import.meta.url))).toString('utf8');
const median = (xs) => {
  const s = xs.slice().sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : 0.5 * (s[s.length / 2 - 1] + s[s.length / 2]);
};

// Each run builds, fits a fixed number of epochs (same seed and data in both builds, so an early stop ends both
// alike) and disposes.
const runs = {
  'cnn-binding': async (helix) => {
    const m = helix.createModel('cnn-binding');
    await m.fit(data('primer-motif.tsv'), { epochs: 10 });
    m.dispose();
  },
  'rnn-order': async (helix) => {
    const m = helix.createModel('rnn-order');
    await m.fit(data('motif-order.tsv'), { epochs: 1 });
    m.dispose();
  },
  'gcn-node': async (helix) => {
    const m = helix.createGraphModel('gcn-node');
    m.load(data('cora/nodes.tsv'), data('cora/edges.tsv'));
    await m.fit({ epochs: 100 });
    m.dispose();
  },
  autoencoder: async (helix) => {
    const ae = helix.createAutoencoder('autoencoder');
    ae.load(matrix(), { labels: data('pbmc3k/cells.tsv'), labelColumn: 'classified' });
    await ae.fit({ epochs: 2 });
    ae.dispose();
  },
  'gan-dna': async (helix) => {
    const gan = helix.createGan('gan-dna');
    await gan.fit(data('gan-motif.fa'), { epochs: 2, motif: 'TGATAA' });
    gan.dispose();
  },
};
let matrixText;
const matrix = () => (matrixText ??= gz('pbmc3k/expression.tsv.gz'));

async function load(dir) {
  const { loadHelix } = await import(pathToFileURL(resolve(dir, 'helix.js')).href);
  return loadHelix({ build: 'helix-simd-mt', threads: 1 });
}

async function timed(fn) {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await fn();
  const cpu = process.cpuUsage(cpu0);
  return { cpu: (cpu.user + cpu.system) / 1e6, wall: (performance.now() - t0) / 1000 };
}

const engines = [await load(args[0]), await load(args[1])];
console.log(`old: ${args[0]}  new: ${args[1]}  (${rounds} rounds, 1 thread)`);
console.log('preset | old cpu s | new cpu s | new/old cpu | old wall s | new wall s | new/old wall');
for (const name of only) {
  for (const h of engines) await runs[name](h); // warm-up
  const figures = [[], []];
  for (let r = 0; r < rounds; r++) {
    for (const k of r % 2 ? [1, 0] : [0, 1]) figures[k].push(await timed(() => runs[name](engines[k])));
  }
  const [oc, nc] = figures.map((f) => median(f.map((x) => x.cpu)));
  const [ow, nw] = figures.map((f) => median(f.map((x) => x.wall)));
  console.log(
    `${name} | ${oc.toFixed(3)} | ${nc.toFixed(3)} | ${(nc / oc).toFixed(3)} | ${ow.toFixed(3)} | ${nw.toFixed(3)} | ${(nw / ow).toFixed(3)}`,
  );
}
for (const h of engines) h.close();
