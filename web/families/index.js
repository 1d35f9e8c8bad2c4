// web/families/index.js: the model families the page knows, in the order the model picker lists them (each
// a module beside this one: see family.js for what one holds). Which family a spec belongs to follows from
// its shape, so an edited spec (or a preset added later) lands in the right one.
import sequence from './sequence.js';
import columns from './columns.js';
import multitask from './multitask.js';
import multimodal from './multimodal.js';
import transfer from './transfer.js';
import graph from './graph.js';
import autoencoder from './autoencoder.js';
import gan from './gan.js';

export const FAMILIES = [sequence, columns, multitask, multimodal, transfer, graph, autoencoder, gan];

export const familyByKey = (key) => FAMILIES.find((f) => f.key === key) ?? FAMILIES[0];

// The family of a spec from the preset table it came from ('sequence', 'graph', 'autoencoder', 'gan') and
// its shape: numeric columns only -> columns; several heads -> multitask; DNA plus columns -> multimodal;
// a frozen layer (waiting for pretrained weights) -> transfer.
export function familyOf(spec, table = 'sequence') {
  if (table === 'graph' || spec?.task === 'node_classification' || spec?.task === 'graph_classification') return 'graph';
  if (table === 'autoencoder' || spec?.type === 'autoencoder') return 'autoencoder';
  if (table === 'gan' || spec?.type === 'gan') return 'gan';
  const inputs = spec?.inputs ?? [];
  const types = new Set(inputs.map((i) => i.type ?? 'dna'));
  if (types.size && !types.has('dna')) return 'columns';
  if ((spec?.heads?.length ?? 0) > 1) return 'multitask';
  if (types.has('dna') && types.has('features')) return 'multimodal';
  if ((spec?.layers ?? []).some((l) => l.trainable === false)) return 'transfer';
  return 'sequence';
}

// The engine family of a saved model file: its envelope's `family`, or the one its older tag names
// ("helix-graph-model", "helix-gan", ...; "helix-model" is a sequence model); the first family's when the
// text is not JSON (the engine then says what is wrong with it).
export function engineFamilyOfFile(text) {
  let file = {};
  try {
    file = JSON.parse(text) ?? {};
  } catch {
    // not JSON
  }
  const format = String(file.format ?? '');
  return file.family ?? FAMILIES.map((f) => f.engine).find((engine) => format.includes(engine)) ?? FAMILIES[0].engine;
}

// The family a saved model file loads into: the current one when it takes that kind of model (any table
// family takes a sequence model), else the first that does.
export function familyForFile(text, current) {
  const engine = engineFamilyOfFile(text);
  return current.engine === engine ? current : (FAMILIES.find((f) => f.engine === engine) ?? current);
}

// The example each shipped preset starts with (keys of web/examples.js); others take their family's first.
export const DEFAULT_EXAMPLE = {
  'cnn-binding': 'gata',
  'cnn-deep': 'gata',
  'mlp-onehot': 'gata',
  'rnn-order': 'order',
  'cnn-splice': 'splice',
  'single-layer': 'splice-features',
  mlp: 'splice-features',
  'cnn-multitask': 'multitask',
  multimodal: 'multimodal',
  transfer: 'transfer-finetune',
  'gcn-node': 'cora',
  'gcn-graph': 'graph-motifs',
  autoencoder: 'pbmc3k',
  'dae-impute': 'pbmc3k',
  'gan-dna': 'gan-motif',
};
