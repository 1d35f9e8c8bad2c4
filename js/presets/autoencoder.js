// js/presets/autoencoder.js: the built-in autoencoder specs (js/presets.js gathers every table).
// Autoencoders on expression matrices (AutoencoderSession, helix.createAutoencoder): a separate table. The spec
// format is documented in core/spec/autoencoder.hpp. Both train on a cells × genes matrix (e.g. web/data/pbmc3k,
// 2638 cells × 2000 log-normalised genes) with an 80/10/10 seeded split of the cells.
export const AUTOENCODER_PRESETS = {
  autoencoder: {
    name: 'autoencoder',
    description:
      "Autoencoder with a 2-D latent map: each cell's expression (standardised per gene) is squeezed through " +
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
    training: {
      epochs: 40,
      batch_size: 64,
      validation_fraction: 0.1,
      test_fraction: 0.1,
      patience: 5,
      monitor: 'val_loss',
      seed: 1,
    },
  },
  'dae-impute': {
    name: 'dae-impute',
    description:
      "Denoising autoencoder for imputation: during training 20% of each cell's measured (non-zero) values are " +
      'hidden and the network learns to predict them from the rest (masked MSE), through 256 → 64 → 256 dense ' +
      'units. Zeros are read as "not measured". Evaluation hides 10% of the test cells\' non-zero values and ' +
      "compares with imputing each gene's mean non-zero level.",
    type: 'autoencoder',
    encoder: [{ type: 'dense', name: 'enc1', units: 256, activation: 'relu' }],
    latent: { units: 64 },
    decoder: [{ type: 'dense', name: 'dec1', units: 256, activation: 'relu' }],
    corruption: { type: 'mask', rate: 0.2 },
    reconstruction: 'masked_mse',
    imputation: { mask_fraction: 0.1, entries: 'nonzero' },
    preprocess: { transform: 'none' },
    optimizer: { type: 'adam', learning_rate: 0.001 },
    training: {
      epochs: 30,
      batch_size: 64,
      validation_fraction: 0.1,
      test_fraction: 0.1,
      patience: 5,
      monitor: 'val_loss',
      seed: 1,
    },
  },
};
