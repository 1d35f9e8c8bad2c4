// js/presets/graph.js: the built-in graph-model specs (js/presets.js gathers every table).
// Graph models (GraphSession, helix.createGraphModel): a separate table, as PRESETS' consumers expect sequence
// models. The spec format is documented in core/spec/graph.hpp.
export const GRAPH_PRESETS = {
  'gcn-node': {
    name: 'gcn-node',
    description:
      'Two-layer graph convolutional network (Kipf & Welling 2017) for semi-supervised node classification: ' +
      "each layer mixes a node's features with its neighbours'; 16 hidden units, dropout 0.5, Adam (lr 0.01, " +
      'L2 5e-4 on the first layer), early stopping on validation loss. Cora: about 0.82 test accuracy.',
    task: 'node_classification',
    features: 'row_normalize',
    layers: [
      { type: 'dropout', name: 'drop_in', rate: 0.5 },
      { type: 'graph_conv', name: 'gc1', units: 16, activation: 'relu' },
      { type: 'dropout', name: 'drop_hidden', rate: 0.5 },
      { type: 'graph_conv', name: 'gc2' },
    ],
    loss: 'softmax_cross_entropy',
    optimizer: { type: 'adam', learning_rate: 0.01, weight_decay: 5e-4, weight_decay_on: 'first_layer' },
    training: { epochs: 200, patience: 10, monitor: 'val_loss', seed: 1, validation_fraction: 0.2, test_fraction: 0.2 },
  },
  'gcn-graph': {
    name: 'gcn-graph',
    description:
      'Graph convolutional network for graph classification (one label per graph, e.g. which regulatory motif ' +
      'a gene network holds): three graph convolutions of 32 units, a max readout per graph, then two dense ' +
      'layers; graphs are batched 32 at a time as one block-diagonal graph. Nodes without feature columns get ' +
      'a constant and their one-hot degree. Early stopping on validation loss.',
    task: 'graph_classification',
    features: 'as_is',
    structural_features: 'degree',
    layers: [
      { type: 'graph_conv', name: 'gc1', units: 32, activation: 'relu' },
      { type: 'graph_conv', name: 'gc2', units: 32, activation: 'relu' },
      { type: 'graph_conv', name: 'gc3', units: 32, activation: 'relu' },
      { type: 'graph_readout', name: 'readout', mode: 'max' },
      { type: 'dense', name: 'fc1', units: 32, activation: 'relu' },
      { type: 'dense', name: 'out' },
    ],
    loss: 'softmax_cross_entropy',
    optimizer: { type: 'adam', learning_rate: 0.005, weight_decay: 0 },
    training: {
      epochs: 150,
      patience: 25,
      monitor: 'val_loss',
      seed: 1,
      batch_size: 32,
      validation_fraction: 0.2,
      test_fraction: 0.2,
    },
  },
};
