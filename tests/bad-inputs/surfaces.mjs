// tests/bad-inputs/surfaces.mjs: how each kind of corpus file (manifest.json) reaches the JS API and the CLI.
// One entry per kind: `api(ctx, text, item)` calls the API that reads it and returns what it read (for
// "accepted" cases, compared with the clean twin's); `cli(ctx, path, item)` the `helix` arguments that read
// the file. Used by tests/wasm/bad-inputs.test.mjs; the page's fields are in tests/web/bad-inputs.test.mjs.
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeState } from '../../web/state/url-state.js';
import { PRESETS, GRAPH_PRESETS, GAN_PRESETS, AUTOENCODER_PRESETS } from '../../js/presets.js';
import { openGenome, readRegions } from '../../js/genome/index.js';

export const CORPUS = fileURLToPath(new URL('./', import.meta.url));
export const corpusPath = (file) => join(CORPUS, file);
export const corpusText = (file) => readFileSync(corpusPath(file), 'utf8');
export const manifest = () => JSON.parse(corpusText('manifest.json'));

// The models the kinds are read with: the corpus' own tiny model (model/clean.json, conv1 of 8 over 80
// bases) and an untrained mlp on the five intron features; both also written to files for the CLI.
export async function context(helix) {
  const dir = mkdtempSync(join(tmpdir(), 'helix-bad-inputs-'));
  const model = helix.loadModel(corpusText('model/clean.json'));
  const mlp = helix.createModel('mlp');
  const mlpPath = join(dir, 'mlp.json');
  writeFileSync(mlpPath, mlp.save({}));
  // Training needs 10 labelled rows: table/clean.tsv's four, three times over, for `helix train --spec`.
  const [header, ...rows] = corpusText('table/clean.tsv').trim().split('\n');
  const trainPath = join(dir, 'train.tsv');
  writeFileSync(trainPath, `${[header, ...rows, ...rows, ...rows].join('\n')}\n`);
  // The profile tables are read by an untrained bpnet-profile (1,000 bases in, a 200-position window out).
  const bpnet = helix.createModel('bpnet-profile');
  const bpnetPath = join(dir, 'bpnet.json');
  writeFileSync(bpnetPath, bpnet.save({}));
  return { helix, dir, model, mlp, bpnet, modelPath: corpusPath('model/clean.json'), mlpPath, bpnetPath, trainPath };
}

const ALL_PRESETS = [PRESETS, GRAPH_PRESETS, GAN_PRESETS, AUTOENCODER_PRESETS].flatMap((p) => Object.keys(p));
const round = (x) => (typeof x === 'number' ? Number(x.toPrecision(5)) : x);

// helix dataset on the corpus' tiny genome (chr1-3): shuffled negatives (GC matching needs more genome).
const DATASET = (dir) => ['dataset', '--length', '20', '--valid', 'chr2', '--test', 'chr3', '--negatives', 'shuffle', '--out', join(dir, 'dataset.tsv')];

export const KINDS = {
  fasta: {
    api: ({ model }, text) => model.predict(text).map((p) => round(p.probability)),
    cli: ({ modelPath }, path) => ['predict', '--model', modelPath, '--input', path],
  },
  table: {
    api: ({ model }, text) => {
      const r = model.evaluate(text);
      return { n: r.n, loss: round(r.loss) };
    },
    cli: ({ modelPath }, path) => ['evaluate', '--model', modelPath, '--data', path],
  },
  numbers: {
    api: ({ mlp }, text) => {
      const r = mlp.evaluate(text);
      return { n: r.n, loss: round(r.loss) };
    },
    cli: ({ mlpPath }, path) => ['evaluate', '--model', mlpPath, '--data', path],
  },
  profile: {
    api: ({ bpnet }, text) => {
      const r = bpnet.evaluate(text);
      return { n: r.n, profile: round(r.heads.profile.loss), counts: round(r.heads.counts.loss) };
    },
    cli: ({ bpnetPath }, path) => ['evaluate', '--model', bpnetPath, '--data', path],
  },
  matrix: {
    api: ({ helix }, text) => {
      const ae = helix.createAutoencoder('autoencoder');
      try {
        const r = ae.load(text);
        return { cells: r.cells, genes: r.genes };
      } finally {
        ae.dispose();
      }
    },
    cli: ({ dir }, path) => ['train', '--preset', 'autoencoder', '--matrix', path, '--epochs', '1', '--out', join(dir, 'ae.json')],
  },
  // A graph is two tables: the case's file is one, item.with names the other (a clean one).
  graph: {
    api: ({ helix }, text, item) => {
      const g = helix.createGraphModel('gcn-node');
      const other = corpusText(item.with);
      try {
        const r = item.table === 'edges' ? g.load(other, text) : g.load(text, other);
        return { nodes: r.nodes, edges: r.edges, features: r.features, classes: r.classes };
      } finally {
        g.dispose();
      }
    },
    cli: ({ dir }, path, item) => {
      const nodes = item.table === 'edges' ? corpusPath(item.with) : path;
      const edges = item.table === 'edges' ? path : corpusPath(item.with);
      return ['train', '--preset', 'gcn-node', '--nodes', nodes, '--edges', edges, '--epochs', '1', '--out', join(dir, 'gcn.json')];
    },
  },
  motif: {
    api: async ({ model }, text) => {
      const r = await model.motifs({ db: text, sequences: corpusText('fasta/clean.fa'), top: 1 });
      return { motifs: r.database.motifs };
    },
    cli: ({ modelPath }, path) => ['motifs', '--model', modelPath, '--db', path, '--input', corpusPath('fasta/clean.fa')],
  },
  // Read with helix.load (any Helix file, by its format) unless the case names another loader.
  model: {
    api: ({ helix }, text, item) => {
      const m = helix[item.loader ?? 'load'](text);
      const spec = m.spec;
      m.dispose();
      return { layers: spec.layers.length };
    },
    cli: (ctx, path) => ['predict', '--model', path, '--input', corpusPath('fasta/clean.fa')],
  },
  spec: {
    api: ({ helix }, text) => {
      const m = helix.createModel(text);
      const layers = m.spec.layers.length;
      m.dispose();
      return { layers };
    },
    cli: ({ dir, trainPath }, path) => ['train', '--spec', path, '--data', trainPath, '--epochs', '1', '--out', join(dir, 'spec-model.json')],
  },
  variants: {
    api: ({ model }, text) => model.variants(text).variants.map((v) => [v.id, round(v.difference)]),
    cli: ({ modelPath }, path) => ['variants', '--model', modelPath, '--input', path],
  },
  // Genome files are read by random access from their paths (js/genome), not as text: a genome (with its index
  // beside it) is read for its names, sizes and first bases; a regions file against genome/clean.fa.
  genome: {
    api: async (ctx, text, item) => {
      const genome = await openGenome(corpusPath(item.file));
      return { sizes: Object.fromEntries(genome.sizes), bases: await genome.sequence(genome.names[0], 0, 20) };
    },
    cli: ({ dir }, path) => [...DATASET(dir), '--genome', path, '--peaks', corpusPath('genome/clean.bed')],
  },
  regions: {
    api: async (ctx, text, item) => {
      const genome = await openGenome(corpusPath('genome/clean.fa'));
      return (await readRegions(corpusPath(item.file), genome)).map((r) => [r.chrom, r.start, r.end, r.peak]);
    },
    cli: ({ dir }, path) => [...DATASET(dir), '--genome', corpusPath('genome/clean.fa'), '--peaks', path],
  },
  // A link's hash: decodeState names the fields that do not read; a preset it does not know is one of them.
  url: {
    api: async (ctx, text) => {
      const { state, problems } = await decodeState(text.trim(), { presets: ALL_PRESETS });
      if (problems.length) {
        const error = new Error(`the link's ${problems.join(', ')} did not read`);
        error.errors = problems.map((field) => ({ field, message: `${field}: not understood` }));
        throw error;
      }
      return state;
    },
    cli: null,
  },
};
