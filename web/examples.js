// web/examples.js: the example datasets shipped in web/data, which families they suit, and how to fetch
// them (and, where the data name no classes, what the class indices mean). An example's texts are { main, second }: the table (or nodes, or FASTA) and, for graphs, the edges
// or, for expression matrices, the cell labels. Matrices may be gzipped: DecompressionStream inflates them.
import { t } from './strings.js';

// Shipped files are named relative to web/, wherever the page that embeds the playground lives.
const shipped = (path) => new URL(path, import.meta.url).href;

export const EXAMPLES = [
  {
    key: 'gata',
    families: ['sequence'],
    label: 'dataExampleGata',
    credit: 'dataCreditGata',
    main: 'data/gata-example.tsv',
  },
  {
    key: 'primer',
    families: ['sequence'],
    label: 'dataExamplePrimer',
    credit: 'dataCreditPrimer',
    main: 'data/primer-motif.tsv',
  },
  {
    key: 'order',
    families: ['sequence'],
    label: 'dataExampleOrder',
    credit: 'dataCreditOrder',
    main: 'data/motif-order.tsv',
  },
  {
    key: 'splice',
    families: ['sequence'],
    label: 'dataExampleSplice',
    credit: 'dataCreditSplice',
    main: 'data/uci-splice.tsv',
  },
  {
    key: 'splice-features',
    families: ['columns'],
    label: 'dataExampleSpliceFeatures',
    credit: 'dataCreditSpliceFeatures',
    main: 'data/splice-features.tsv',
  },
  {
    key: 'multitask',
    families: ['multitask'],
    label: 'dataExampleMultitask',
    credit: 'dataCreditMultitask',
    main: 'data/multitask.tsv',
  },
  {
    key: 'activity',
    families: ['regression'],
    label: 'dataExampleActivity',
    credit: 'dataCreditActivity',
    main: 'data/activity.tsv',
  },
  {
    key: 'profile',
    families: ['profile'],
    label: 'dataExampleProfile',
    credit: 'dataCreditProfile',
    main: 'data/profile.tsv.gz',
  },
  {
    key: 'multimodal',
    families: ['multimodal'],
    label: 'dataExampleMultimodal',
    credit: 'dataCreditMultimodal',
    main: 'data/multimodal.tsv',
  },
  {
    key: 'transfer-finetune',
    families: ['transfer'],
    label: 'dataExampleTransfer',
    credit: 'dataCreditTransfer',
    main: 'data/transfer-finetune.tsv',
  },
  {
    key: 'cora',
    families: ['graph'],
    label: 'dataExampleCora',
    credit: 'dataCreditCora',
    main: 'data/cora/nodes.tsv',
    second: 'data/cora/edges.tsv',
    classes: 'data/cora/classes.tsv',
  },
  {
    key: 'graph-motifs',
    families: ['graph'],
    label: 'dataExampleGraphMotifs',
    credit: 'dataCreditGraphMotifs',
    main: 'data/graph-motifs/nodes.tsv',
    second: 'data/graph-motifs/edges.tsv',
    classNames: ['classFeedForward', 'classCascade'],
  },
  {
    key: 'pbmc3k',
    families: ['autoencoder'],
    label: 'dataExamplePbmc',
    credit: 'dataCreditPbmc',
    main: 'data/pbmc3k/expression-500.tsv.gz',
    second: 'data/pbmc3k/cells.tsv',
    labelColumn: 'classified',
  },
  {
    key: 'gan-motif',
    families: ['gan'],
    label: 'dataExampleGanMotif',
    credit: 'dataCreditGanMotif',
    main: 'data/gan-motif.fa',
  },
].map(({ label, credit, classNames, ...ex }) => ({
  ...ex,
  main: shipped(ex.main),
  second: ex.second && shipped(ex.second),
  classes: ex.classes && shipped(ex.classes),
  // Read in the language of the moment (the page can switch language after this module loads).
  get label() {
    return t(label);
  },
  get credit() {
    return t(credit);
  },
  get classNames() {
    return classNames?.map((key) => t(key));
  },
}));

// The transfer preset's other two files: the large related set (step 1: GATA1 and TAL1 labels, the multi-task
// table) and the held-out test set of the small task.
export const TRANSFER_FILES = {
  pretrain: shipped('data/multitask.tsv'),
  test: shipped('data/transfer-finetune-test.tsv'),
};
export const PREDICT_EXAMPLE_URL = shipped('data/gata-predict.fa');
export const VARIANTS_EXAMPLE_URL = shipped('data/gata-variants.tsv'); // variants of two GATA3 peaks of gata-predict.fa
export const SOURCES_URL = shipped('data/SOURCES.md');

export const examplesFor = (family) => EXAMPLES.filter((ex) => ex.families.includes(family));

const isGzip = (bytes) => bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;

// Text of a file's bytes, inflating gzip (by its magic number, whatever the name says).
export async function bytesToText(bytes) {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  if (!isGzip(view)) return new TextDecoder().decode(view);
  const stream = new Blob([view]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Response(stream).text();
}

export async function fetchText(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return bytesToText(new Uint8Array(await response.arrayBuffer()));
}

// { main, second } texts of an example (second is '' when it has none).
export async function loadExample(example) {
  const [main, second] = await Promise.all([fetchText(example.main), example.second ? fetchText(example.second) : '']);
  return { main, second };
}
