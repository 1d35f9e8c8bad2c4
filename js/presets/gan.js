// js/presets/gan.js: the built-in GAN specs (js/presets.js gathers every table).
// Generative models (GanSession, helix.createGan): a table of their own, as GRAPH_PRESETS. The spec format is
// documented in core/spec/gan.hpp.
export const GAN_PRESETS = {
  'gan-dna': {
    name: 'gan-dna',
    description:
      'Generative adversarial network for 50-base DNA: a generator turns 32 random numbers into per-position ' +
      'probabilities of A, C, G, T (dense, reshape, upsampling, two convolutions, softmax); a discriminator (a ' +
      'motif-scanning convolution, global max pool, one logit) tells them from real sequences. DCGAN-style Adam ' +
      '(beta1 0.5) with the non-saturating generator loss. Trained on sequences carrying a motif, it writes the motif.',
    type: 'gan',
    length: 50,
    noise: 32,
    generator: {
      layers: [
        { type: 'dense', name: 'project', units: 800, activation: 'relu' },
        { type: 'reshape', name: 'to_positions', target_shape: [25, 32] },
        { type: 'upsample1d', name: 'upsample', size: 2 },
        { type: 'conv1d', name: 'conv1', filters: 16, kernel_size: 5, padding: 'same', activation: 'relu' },
        { type: 'conv1d', name: 'to_bases', filters: 4, kernel_size: 5, padding: 'same' },
        { type: 'softmax', name: 'bases' },
      ],
      optimizer: { type: 'adam', learning_rate: 0.001, beta1: 0.5 },
    },
    discriminator: {
      layers: [
        { type: 'conv1d', name: 'scan', filters: 32, kernel_size: 8, padding: 'valid', activation: 'relu' },
        { type: 'global_max_pool', name: 'pool' },
        { type: 'dense', name: 'real', units: 1 },
      ],
      optimizer: { type: 'adam', learning_rate: 0.001, beta1: 0.5 },
    },
    training: { epochs: 20, batch_size: 64, d_steps: 1, label_smoothing: 0, seed: 1 },
  },
};
