// web/state/fields.js: the playground's setup, one row per field: what the URL hash calls it and how its text
// reads (url-state.js), and for the training settings the model panel's input (label, hint, bounds, default,
// test id). No view owns this table: the model panel draws the training rows, the link reads and writes all.
//   name: the state's property; param: its key in the hash; type: 'name' | 'number' | 'language' | 'packed'
//   training: a training setting (a number input in the model panel); min, max, integer: its bounds, the same
//   as the engine's (core/spec: kMinEpochs..kMaxEpochs, kMinLearningRate..kMaxLearningRate (the largest float),
//   kMinBatchSize..kMaxBatchSize, kMinSeed..kMaxSeed (2^53 - 1); helix.optionBounds(), checked by
//   tests/web/fields.test.mjs)
export const FIELDS = [
  { name: 'preset', param: 'preset', type: 'name' },
  { name: 'data', param: 'data', type: 'name' }, // an example's key, or 'own' (the user's table)
  {
    name: 'epochs',
    param: 'epochs',
    type: 'number',
    training: true,
    label: 'modelEpochsLabel',
    hint: 'modelEpochsHint',
    min: 1,
    max: 1_000_000,
    step: 1,
    integer: true,
    default: 10,
    testid: 'epochs-input',
  },
  {
    name: 'learningRate',
    param: 'lr',
    type: 'number',
    training: true,
    label: 'modelLearningRateLabel',
    hint: 'modelLearningRateHint',
    min: 1e-8,
    max: 3.4028235e38,
    step: 'any',
    default: 0.001,
    testid: 'learning-rate-input',
  },
  {
    name: 'batchSize',
    param: 'batch',
    type: 'number',
    training: true,
    label: 'modelBatchSizeLabel',
    hint: 'modelBatchSizeHint',
    min: 1,
    max: 100_000,
    step: 1,
    integer: true,
    default: 64,
    testid: 'batch-size-input',
  },
  {
    name: 'seed',
    param: 'seed',
    type: 'number',
    training: true,
    label: 'modelSeedLabel',
    hint: 'modelSeedHint',
    min: 0,
    max: 2 ** 53 - 1,
    step: 1,
    integer: true,
    default: 1,
    testid: 'seed-input',
  },
  { name: 'lang', param: 'lang', type: 'language' },
  { name: 'spec', param: 'spec', type: 'packed' }, // the spec's JSON text, only when edited
  { name: 'main', param: 'own', type: 'packed' }, // the user's table (data=own), when small
  { name: 'second', param: 'own2', type: 'packed' }, // its second table (edges, cell labels), when small
];

// The training settings, keyed as the engine's fit options are (epochs, learningRate, batchSize, seed).
export const TRAINING_FIELDS = FIELDS.filter((f) => f.training).map((f) => ({ ...f, key: f.name }));

// Whether `value` is a number the field accepts.
export const fieldAccepts = (field, value) =>
  Number.isFinite(value) && value >= field.min && value <= field.max && (!field.integer || Number.isInteger(value));
