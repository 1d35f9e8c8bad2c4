// web/families.js: the model families the page knows, in the order the model picker lists them. A family
// says what data its presets train on (the data panel's input), which curves training draws and which
// result view shows what the model learnt. Which family a spec belongs to follows from its shape, so an
// edited spec (or a preset added later) lands in the right one.
//   data:   'table' (a labelled table in one text box) | 'graph' (nodes + edges) | 'matrix' (cells × genes
//           file + cell labels) | 'fasta' (unlabelled sequences)
//   curves: 'epochs' (loss per batch and epoch, a validation score) | 'gan' (D and G loss per step)
//   result: the result view (web/views/*) app.js mounts for it
//   predict: whether the Predict panel (paste sequences or rows, get probabilities) applies
//   explain: whether its models read DNA, so predictions can be explained (attributions, motifs, variants)
export const FAMILIES = [
  { key: 'sequence', label: 'familySequence', data: 'table', curves: 'epochs', result: 'predictions', predict: true, explain: true },
  { key: 'columns', label: 'familyColumns', data: 'table', curves: 'epochs', result: 'decision-map', predict: true },
  { key: 'multitask', label: 'familyMultitask', data: 'table', curves: 'epochs', result: 'task-metrics', predict: true, explain: true },
  { key: 'multimodal', label: 'familyMultimodal', data: 'table', curves: 'epochs', result: 'predictions', predict: true, explain: true },
  { key: 'transfer', label: 'familyTransfer', data: 'table', curves: 'epochs', result: 'transfer', predict: true, explain: true },
  { key: 'graph', label: 'familyGraph', data: 'graph', curves: 'epochs', result: 'graph', predict: false },
  { key: 'autoencoder', label: 'familyAutoencoder', data: 'matrix', curves: 'epochs', result: 'latent', predict: false },
  { key: 'gan', label: 'familyGan', data: 'fasta', curves: 'gan', result: 'gan', predict: false },
];

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
