// js/presets/sequence.js: the built-in sequence-model specs (the spec format is documented in core/spec/sequence.hpp).
// js/presets.js gathers every family's table, read by the page's model picker, the JS API and the CLI (`--preset NAME`).
// The binary presets predict one 0/1 label: logistic loss, Adam, and the same training discipline
// (80/10/10 stratified split, early stopping on validation AUROC after 4 epochs without improvement).
// cnn-splice predicts one of 3 classes (softmax_cross_entropy; AUROC is the one-vs-rest macro mean).
// Specs with "heads" name the loss per head: headsTask leaves it out.
const headsTask = (learningRate) => {
  const { loss, ...rest } = binaryTask(learningRate);
  return rest;
};
const binaryTask = (learningRate) => ({
  loss: 'bce_with_logits',
  optimizer: { type: 'adam', learning_rate: learningRate },
  training: {
    epochs: 15,
    batch_size: 64,
    validation_fraction: 0.1,
    test_fraction: 0.1,
    patience: 4,
    monitor: 'val_auroc',
    seed: 1,
  },
});

// Dense networks on a few numeric columns: more epochs of small batches, early stopping on validation loss.
const denseTask = (learningRate) => ({
  optimizer: { type: 'adam', learning_rate: learningRate },
  training: {
    epochs: 100,
    batch_size: 32,
    validation_fraction: 0.15,
    test_fraction: 0.15,
    patience: 15,
    monitor: 'val_loss',
    seed: 1,
  },
});

// The intron features of web/data/splice-features.tsv (helix simulate --kind splice-features).
const SPLICE_FEATURES = ['branch_point_distance', 'log10_intron_length', 'donor_score', 'acceptor_score', 'gc_content'];

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
    training: {
      epochs: 30,
      batch_size: 64,
      validation_fraction: 0.1,
      test_fraction: 0.1,
      patience: 5,
      monitor: 'val_auroc',
      seed: 1,
    },
  },
  // --- dense networks on table columns (splicing from intron features) ---
  'single-layer': {
    name: 'single-layer',
    description:
      'Single-layer network (logistic regression) on numeric intron features: one weight per feature, so its ' +
      'decision boundary is a straight line. Features are standardised (batch normalisation). Compare with mlp ' +
      'on the same table to see what a hidden layer adds.',
    inputs: [{ name: 'features', type: 'features', columns: SPLICE_FEATURES }],
    layers: [
      { type: 'batch_norm', name: 'scale' },
      { type: 'dense', name: 'out', units: 1 },
    ],
    heads: [{ name: 'label', layer: 'out', loss: 'bce_with_logits' }],
    ...denseTask(0.05),
  },
  mlp: {
    name: 'mlp',
    description:
      'Multi-layer perceptron on numeric intron features: two hidden layers of 32 and 16 ReLU units can draw a ' +
      'curved decision boundary (splicing happens only in a band of intron lengths AND with strong sites). ' +
      'Features are standardised (batch normalisation).',
    inputs: [{ name: 'features', type: 'features', columns: SPLICE_FEATURES }],
    layers: [
      { type: 'batch_norm', name: 'scale' },
      { type: 'dense', name: 'fc1', units: 32, activation: 'relu' },
      { type: 'dense', name: 'fc2', units: 16, activation: 'relu' },
      { type: 'dense', name: 'out', units: 1 },
    ],
    heads: [{ name: 'label', layer: 'out', loss: 'bce_with_logits' }],
    ...denseTask(0.01),
  },
  // --- several tasks, several inputs, transfer ---
  'cnn-multitask': {
    name: 'cnn-multitask',
    description:
      'One convolutional trunk, one output per transcription factor (GATA1 and TAL1 by default): the motif ' +
      'detectors are shared, each head predicts its own 0/1 label column, and an empty cell is a missing label ' +
      'that only that head skips. Other label columns: --labels a,b (CLI), createModel(name, {labels}) (JS API), or each head\'s "label" in the page\'s model spec (Advanced).',
    inputs: [{ name: 'dna', type: 'dna', length: null }],
    layers: [
      { type: 'conv1d', name: 'conv1', filters: 32, kernel_size: 12, padding: 'valid', activation: 'relu' },
      { type: 'global_max_pool', name: 'pool' },
      { type: 'dense', name: 'fc1', units: 32, activation: 'relu' },
      { type: 'dropout', name: 'drop', rate: 0.2 },
      { type: 'dense', name: 'out_gata1', inputs: 'drop', units: 1 },
      { type: 'dense', name: 'out_tal1', inputs: 'drop', units: 1 },
    ],
    heads: [
      { name: 'gata1', layer: 'out_gata1', loss: 'bce_with_logits', weight: 1 },
      { name: 'tal1', layer: 'out_tal1', loss: 'bce_with_logits', weight: 1 },
    ],
    ...headsTask(0.003),
  },
  multimodal: {
    name: 'multimodal',
    description:
      'Two inputs: the DNA (motif detectors, global max pool) and numeric columns of the same table (a ' +
      'chromatin-accessibility and a conservation value by default; --features a,b for others), standardised and joined with the ' +
      'motif scores before a dense layer decides. For binding that needs both a motif AND open chromatin.',
    inputs: [
      { name: 'dna', type: 'dna', length: null },
      { name: 'chromatin', type: 'features', columns: ['accessibility', 'conservation'] },
    ],
    layers: [
      {
        type: 'conv1d',
        name: 'conv1',
        inputs: 'dna',
        filters: 32,
        kernel_size: 12,
        padding: 'valid',
        activation: 'relu',
      },
      { type: 'global_max_pool', name: 'pool' },
      { type: 'batch_norm', name: 'scale', inputs: 'chromatin' },
      { type: 'concatenate', name: 'merge', inputs: ['pool', 'scale'] },
      { type: 'dense', name: 'fc1', units: 32, activation: 'relu' },
      { type: 'dense', name: 'out', units: 1 },
    ],
    heads: [{ name: 'label', layer: 'out', loss: 'bce_with_logits' }],
    ...headsTask(0.003),
  },
  transfer: {
    name: 'transfer',
    description:
      'Fine-tuning on a small task with motif detectors learnt on a large related one: conv1 has the shape of ' +
      "cnn-multitask's (and cnn-binding's) conv1 and is frozen, to take a pretrained model's weights (CLI: " +
      '--init-from model.json; page: step 1 pretrains cnn-multitask on GATA1/TAL1 data or loads a saved model); a ' +
      'small new bank of 8 detectors (conv_new) learns what the new task adds, and the dense layers combine both. ' +
      'Example: composite GATA1 + TAL1 elements from 200 labelled rows. Unfreeze conv1 to fine-tune everything.',
    inputs: [{ name: 'dna', type: 'dna', length: null }],
    layers: [
      {
        type: 'conv1d',
        name: 'conv1',
        inputs: 'dna',
        filters: 32,
        kernel_size: 12,
        padding: 'valid',
        activation: 'relu',
        trainable: false,
      },
      { type: 'global_max_pool', name: 'pool1' },
      {
        type: 'conv1d',
        name: 'conv_new',
        inputs: 'dna',
        filters: 8,
        kernel_size: 12,
        padding: 'valid',
        activation: 'relu',
      },
      { type: 'global_max_pool', name: 'pool_new' },
      { type: 'concatenate', name: 'merge', inputs: ['pool1', 'pool_new'] },
      { type: 'dense', name: 'fc1', units: 16, activation: 'relu' },
      { type: 'dropout', name: 'drop', rate: 0.2 },
      { type: 'dense', name: 'out', units: 1 },
    ],
    heads: [{ name: 'label', layer: 'out', loss: 'bce_with_logits' }],
    optimizer: { type: 'adam', learning_rate: 0.003 },
    training: {
      epochs: 60,
      batch_size: 16,
      validation_fraction: 0.2,
      test_fraction: 0.0,
      patience: 10,
      monitor: 'val_auroc',
      seed: 1,
    },
  },
};
