// bench/presets.mjs: every preset trained on its shipped example in Node (threaded build, default
// options), with the held-out figure the issue sets a floor for and the wall time of training.
//   node bench/presets.mjs [--only name,name]      (prints a Markdown table; it asserts nothing)
// The learning tests (tests/wasm/*.test.mjs) check the floors on freshly simulated data; this is the
// figure a user gets from the shipped files, and how long they wait for it.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { parseArgs } from 'node:util';
import { loadHelix } from '../js/helix.js';

const { values } = parseArgs({ options: { only: { type: 'string' } } });
const data = (name) => readFileSync(new URL(`../web/data/${name}`, import.meta.url), 'utf8');
const gz = (name) => gunzipSync(readFileSync(new URL(`../web/data/${name}`, import.meta.url))).toString('utf8');
const f3 = (x) => (x == null ? 'n/a' : x.toFixed(3));
const helix = await loadHelix();

async function fitTable(preset, table, options = {}, createOptions = {}) {
  const model = helix.createModel(preset, createOptions);
  const s = await model.fit(table, options);
  return { model, s };
}

const runs = {
  'cnn-binding': async () => {
    const { model, s } = await fitTable('cnn-binding', data('primer-motif.tsv'));
    model.dispose();
    return [`test accuracy ${f3(s.test.accuracy)}`, '≥ 0.95', s.seconds];
  },
  'cnn-splice': async () => {
    const { model, s } = await fitTable('cnn-splice', data('uci-splice.tsv'));
    model.dispose();
    return [`test accuracy ${f3(s.test.accuracy)}`, '≥ 0.93', s.seconds];
  },
  'rnn-order': async () => {
    const { model, s } = await fitTable('rnn-order', data('motif-order.tsv'));
    model.dispose();
    const cnn = await fitTable('cnn-binding', data('motif-order.tsv'));
    cnn.model.dispose();
    return [
      `test accuracy ${f3(s.test.accuracy)}; cnn-binding on the same data ${f3(cnn.s.test.accuracy)}`,
      '≥ 0.90; CNN ≤ 0.70',
      s.seconds,
    ];
  },
  'single-layer, mlp': async () => {
    const one = await fitTable('single-layer', data('splice-features.tsv'));
    const mlp = await fitTable('mlp', data('splice-features.tsv'));
    one.model.dispose();
    mlp.model.dispose();
    return [
      `mlp test accuracy ${f3(mlp.s.test.accuracy)}, single-layer ${f3(one.s.test.accuracy)}`,
      'mlp ≥ 0.90 and ≥ single-layer + 0.10',
      mlp.s.seconds + one.s.seconds,
    ];
  },
  'cnn-multitask': async () => {
    const { model, s } = await fitTable('cnn-multitask', data('multitask.tsv'));
    model.dispose();
    const h = s.test.heads;
    return [
      `test AUROC gata1 ${f3(h.gata1.auroc)} (n ${h.gata1.n}), tal1 ${f3(h.tal1.auroc)} (n ${h.tal1.n})`,
      '≥ 0.90 each',
      s.seconds,
    ];
  },
  multimodal: async () => {
    const table = data('multimodal.tsv');
    const both = await fitTable('multimodal', table);
    const dna = await fitTable('cnn-binding', table);
    const cols = await fitTable('mlp', table, {}, { features: ['accessibility', 'conservation'] });
    for (const r of [both, dna, cols]) r.model.dispose();
    return [
      `test AUROC ${f3(both.s.test.auroc)}; DNA only ${f3(dna.s.test.auroc)}; columns only ${f3(cols.s.test.auroc)}`,
      '≥ both single-input models + 0.05',
      both.s.seconds,
    ];
  },
  transfer: async () => {
    const pre = await fitTable('cnn-multitask', data('multitask.tsv'));
    const file = pre.model.save();
    pre.model.dispose();
    const tuned = helix.createModel('transfer');
    tuned.loadWeightsFrom(file);
    const t = await tuned.fit(data('transfer-finetune.tsv'));
    const fine = tuned.evaluate(data('transfer-finetune-test.tsv'));
    tuned.dispose();
    const spec = structuredClone(helix.presets.transfer);
    for (const l of spec.layers) delete l.trainable;
    const scratch = await fitTable(spec, data('transfer-finetune.tsv'));
    const from = scratch.model.evaluate(data('transfer-finetune-test.tsv'));
    scratch.model.dispose();
    return [
      `fine-tuned test AUROC ${f3(fine.auroc)} vs from scratch ${f3(from.auroc)} (${fine.n} test rows; pretraining ${pre.s.seconds.toFixed(1)} s)`,
      'fine-tuned > from scratch',
      t.seconds,
    ];
  },
  'gcn-node': async () => {
    const m = helix.createGraphModel('gcn-node');
    m.load(data('cora/nodes.tsv'), data('cora/edges.tsv'));
    const s = await m.fit();
    m.dispose();
    return [`test accuracy ${f3(s.test.accuracy)} (${s.test.n} nodes)`, '≥ 0.79', s.seconds];
  },
  'gcn-graph': async () => {
    const m = helix.createGraphModel('gcn-graph');
    m.load(data('graph-motifs/nodes.tsv'), data('graph-motifs/edges.tsv'));
    const s = await m.fit();
    m.dispose();
    return [`test accuracy ${f3(s.test.accuracy)} (${s.test.n} graphs)`, '≥ 0.90', s.seconds];
  },
  'autoencoder, dae-impute': async () => {
    const matrix = gz('pbmc3k/expression.tsv.gz');
    const labels = data('pbmc3k/cells.tsv');
    const ae = helix.createAutoencoder('autoencoder');
    ae.load(matrix, { labels, labelColumn: 'classified' });
    const a = await ae.fit();
    ae.dispose();
    const dae = helix.createAutoencoder('dae-impute');
    dae.load(matrix, { labels, labelColumn: 'classified' });
    const d = await dae.fit();
    dae.dispose();
    return [
      `dae-impute: imputation MSE ${(100 * d.test.improvement).toFixed(1)}% below per-gene mean (${d.test.hidden} hidden non-zero entries); ` +
        `autoencoder 2-D latent kNN cell-type accuracy ${f3(a.latentKnn?.accuracy)} (majority ${f3(a.latentKnn?.majorityRate)})`,
      '≥ 30% below',
      d.seconds + a.seconds,
    ];
  },
  'gan-dna': async () => {
    const gan = helix.createGan('gan-dna');
    const s = await gan.fit(data('gan-motif.fa'), { motif: 'TGATAA' });
    gan.dispose();
    return [`motif in samples / shuffled samples ${s.enrichment.ratio.toFixed(1)}×`, '≥ 5×', s.seconds];
  },
};

const only = values.only?.split(',');
process.stdout.write(
  `${helix.backend.label}\n\n| preset | held-out figure (shipped example) | floor | training time in Node |\n|---|---|---|---|\n`,
);
for (const [name, run] of Object.entries(runs)) {
  if (only && !only.some((o) => name.includes(o))) continue;
  const [figure, floor, seconds] = await run();
  process.stdout.write(`| ${name} | ${figure} | ${floor} | ${seconds.toFixed(1)} s |\n`);
}
helix.close();
