// web/engine/presets.js: the built-in model specs (the spec format is documented in core/nn/spec.hpp).
// One table, read by the page's model picker, the JS API and the CLI (`--preset NAME`).
// The binary presets predict one 0/1 label: logistic loss, Adam, and the same training discipline
// (80/10/10 stratified split, early stopping on validation AUROC after 4 epochs without improvement).
// cnn-splice predicts one of 3 classes (softmax_cross_entropy; AUROC is the one-vs-rest macro mean).
const binaryTask = (learningRate) => ({
  loss: 'bce_with_logits',
  optimizer: { type: 'adam', learning_rate: learningRate },
  training: { epochs: 15, batch_size: 64, validation_fraction: 0.1, test_fraction: 0.1, patience: 4,
    monitor: 'val_auroc', seed: 1 },
});

export const PRESETS = {
  'cnn-binding': {
    name: 'cnn-binding',
    description:
      'Convolutional network for transcription-factor binding: 32 motif detectors of 12 bases scan the ' +
      'sequence, the best match of each is kept (global max pool), and a small dense layer combines them. ' +
      'Takes any length of at least 12 bases.',
    input: { name: 'dna', length: null },
    layers: [
      { type: 'conv1d', name: 'conv1', filters: 32, kernel_size: 12, padding: 'valid', activation: 'relu' },
      { type: 'global_max_pool', name: 'pool' },
      { type: 'dense', name: 'fc1', units: 32, activation: 'relu' },
      { type: 'dropout', name: 'drop', rate: 0.2 },
      { type: 'dense', name: 'out', units: 1 },
    ],
    ...binaryTask(0.003),
  },
  'cnn-deep': {
    name: 'cnn-deep',
    description:
      'Two convolutional layers: motifs of 8 bases, pooled in windows of 4, then combinations of motifs; ' +
      'global max pool and a dense output. Takes any length of at least 18 bases.',
    input: { name: 'dna', length: null },
    layers: [
      { type: 'conv1d', name: 'conv1', filters: 32, kernel_size: 8, padding: 'same', activation: 'relu' },
      { type: 'max_pool1d', name: 'pool1', pool_size: 4, stride: 4 },
      { type: 'conv1d', name: 'conv2', filters: 32, kernel_size: 4, padding: 'valid', activation: 'relu' },
      { type: 'global_max_pool', name: 'pool2' },
      { type: 'dropout', name: 'drop', rate: 0.2 },
      { type: 'dense', name: 'out', units: 1 },
    ],
    ...binaryTask(0.003),
  },
  'rnn-order': {
    name: 'rnn-order',
    description:
      'Convolution + bidirectional LSTM, for when the ORDER of motifs matters: 32 motif detectors of 8 bases, ' +
      'pooled in windows of 4, then an LSTM reads the pooled track in both directions and remembers which ' +
      'motif came first. Takes any length of at least 11 bases.',
    input: { name: 'dna', length: null },
    layers: [
      { type: 'conv1d', name: 'conv1', filters: 32, kernel_size: 8, padding: 'valid', activation: 'relu' },
      { type: 'max_pool1d', name: 'pool1', pool_size: 4, stride: 4 },
      { type: 'lstm', name: 'rnn', units: 16, bidirectional: true },
      { type: 'dense', name: 'out', units: 1 },
    ],
    ...binaryTask(0.003),
  },
  'mlp-onehot': {
    name: 'mlp-onehot',
    description:
      'Multi-layer perceptron on the one-hot sequence: every base at every position is an input. ' +
      'Sequences are centred and cropped or padded with N to 101 bases.',
    input: { name: 'dna', length: 101, resize: 'pad_crop' },
    layers: [
      { type: 'flatten', name: 'flat' },
      { type: 'dense', name: 'fc1', units: 64, activation: 'relu' },
      { type: 'dropout', name: 'drop', rate: 0.3 },
      { type: 'dense', name: 'out', units: 1 },
    ],
    ...binaryTask(0.001),
  },
  'cnn-splice': {
    name: 'cnn-splice',
    description:
      'Convolutional network for splice junctions (UCI primate splice data, 60 bases around the junction): ' +
      '32 motif detectors of 7 bases, pooled in windows of 3 so the model keeps roughly WHERE each motif sits, ' +
      'then two dense layers choose among 3 classes: EI (exon→intron, donor), IE (intron→exon, acceptor), N ' +
      '(neither). Labels are class indices 0, 1, 2. Sequences are centred and cropped or padded to 60 bases.',
    input: { name: 'dna', length: 60, resize: 'pad_crop' },
    layers: [
      { type: 'conv1d', name: 'conv1', filters: 32, kernel_size: 7, padding: 'valid', activation: 'relu' },
      { type: 'max_pool1d', name: 'pool1', pool_size: 3, stride: 3 },
      { type: 'flatten', name: 'flat' },
      { type: 'dropout', name: 'drop', rate: 0.3 },
      { type: 'dense', name: 'fc1', units: 32, activation: 'relu' },
      { type: 'dense', name: 'out', units: 3 },
    ],
    loss: 'softmax_cross_entropy',
    classes: ['EI', 'IE', 'N'],
    optimizer: { type: 'adam', learning_rate: 0.001 },
    training: { epochs: 30, batch_size: 64, validation_fraction: 0.1, test_fraction: 0.1, patience: 5,
      monitor: 'val_auroc', seed: 1 },
  },
};

// Graph models (GraphSession, helix.createGraphModel): a separate table, as PRESETS' consumers expect sequence
// models. The spec format is documented in core/nn/graph_model.hpp.
export const GRAPH_PRESETS = {
  'gcn-node': {
    name: 'gcn-node',
    description:
      'Two-layer graph convolutional network (Kipf & Welling 2017) for semi-supervised node classification: ' +
      'each layer mixes a node\'s features with its neighbours\'; 16 hidden units, dropout 0.5, Adam (lr 0.01, ' +
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
};

// Autoencoders on expression matrices (AutoencoderSession, helix.createAutoencoder): a separate table. The spec
// format is documented in core/nn/autoencoder.hpp. Both train on a cells × genes matrix (e.g. web/data/pbmc3k,
// 2638 cells × 2000 log-normalised genes) with an 80/10/10 seeded split of the cells.
export const AUTOENCODER_PRESETS = {
  autoencoder: {
    name: 'autoencoder',
    description:
      'Autoencoder with a 2-D latent map: each cell\'s expression (standardised per gene) is squeezed through ' +
      'dense layers of 256 and 64 units into 2 numbers, then decoded back to every gene; the loss is the ' +
      'reconstruction MSE. Plot the codes (helix encode) to see cell types as regions of the map.',
    type: 'autoencoder',
    encoder: [
      { type: 'dense', name: 'enc1', units: 256, activation: 'relu' },
      { type: 'dense', name: 'enc2', units: 64, activation: 'relu' },
    ],
    latent: { units: 2 },
    decoder: [
      { type: 'dense', name: 'dec1', units: 64, activation: 'relu' },
      { type: 'dense', name: 'dec2', units: 256, activation: 'relu' },
    ],
    corruption: { type: 'none', rate: 0 },
    reconstruction: 'mse',
    imputation: { mask_fraction: 0.1, entries: 'all' },
    preprocess: { transform: 'none' },
    optimizer: { type: 'adam', learning_rate: 0.001 },
    training: { epochs: 40, batch_size: 64, validation_fraction: 0.1, test_fraction: 0.1, patience: 5,
      monitor: 'val_loss', seed: 1 },
  },
  'dae-impute': {
    name: 'dae-impute',
    description:
      'Denoising autoencoder for imputation: during training 20% of each cell\'s measured (non-zero) values are ' +
      'hidden and the network learns to predict them from the rest (masked MSE), through 256 → 64 → 256 dense ' +
      'units. Zeros are read as "not measured". Evaluation hides 10% of the test cells\' non-zero values and ' +
      'compares with imputing each gene\'s mean non-zero level.',
    type: 'autoencoder',
    encoder: [{ type: 'dense', name: 'enc1', units: 256, activation: 'relu' }],
    latent: { units: 64 },
    decoder: [{ type: 'dense', name: 'dec1', units: 256, activation: 'relu' }],
    corruption: { type: 'mask', rate: 0.2 },
    reconstruction: 'masked_mse',
    imputation: { mask_fraction: 0.1, entries: 'nonzero' },
    preprocess: { transform: 'none' },
    optimizer: { type: 'adam', learning_rate: 0.001 },
    training: { epochs: 30, batch_size: 64, validation_fraction: 0.1, test_fraction: 0.1, patience: 5,
      monitor: 'val_loss', seed: 1 },
  },
};
