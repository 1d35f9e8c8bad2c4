// js/presets/bpnet.js: base-resolution profile models (BPNet, Avsec et al. 2021, Nat Genet 53:354), engine family
// 'sequence'. The spec format is documented in core/spec/sequence.hpp and the head kinds in
// core/nn/profile_head_kinds.hpp.
//
// bpnet-profile reads 1,000 bp and predicts the reads of both strands in the central 200 bp (the table's
// counts_plus and counts_minus columns; web/data/profile.tsv.gz, `helix simulate --kind profile`): a first
// convolution (64 filters of 21 bp), a tower of six dilated residual blocks (64 filters, kernel 3, dilation 2 to 64,
// valid padding: each block's input is cropped to its convolution's output and added), then BPNet's two heads: a
// profile head (a 25 bp convolution to the two strands, cropped to the window; multinomial NLL over positions per
// strand) and a count head (the tower's window averaged; squared error on log(1 + total reads)), weighted 1 and
// COUNT_WEIGHT. 0.085 M parameters. The first convolution's output is cropped to what the tower and the profile
// head reach of the window (receptive field 297 bp), so no position is computed that the output does not use.
// Unlike BPNet's single dense layer, the count head has a hidden layer of 32 ReLU units: the average over 200
// positions dilutes a site's signal, and through one layer Adam's bounded steps took many epochs to reach the
// scale of log counts (measured: count Pearson 0.60-0.65 after 8 epochs with one layer, 0.81 on validation after
// 5 with the hidden layer). Measured figures: bench/RESULTS.md; learning test: tests/wasm/bpnet-profile.test.mjs.
const INPUT = 1000;
const WINDOW = 200;
const FILTERS = 64;
const DILATIONS = [2, 4, 8, 16, 32, 64];
const FIRST_KERNEL = 21;
const PROFILE_KERNEL = 25;
const COUNT_WEIGHT = 30;

function bpnetLayers() {
  let length = WINDOW + PROFILE_KERNEL - 1 + DILATIONS.reduce((a, d) => a + 2 * d, 0);
  const layers = [
    { type: 'conv1d', name: 'conv1', filters: FILTERS, kernel_size: FIRST_KERNEL, activation: 'relu' },
    { type: 'crop', name: 'tower_in', length },
  ];
  let last = 'tower_in';
  DILATIONS.forEach((dilation, i) => {
    const n = i + 1;
    length -= 2 * dilation;
    layers.push(
      {
        type: 'conv1d',
        name: `dil${n}`,
        inputs: last,
        filters: FILTERS,
        kernel_size: 3,
        dilation,
        activation: 'relu',
      },
      { type: 'crop', name: `skip${n}`, inputs: last, length },
      { type: 'add', name: `res${n}`, inputs: [`skip${n}`, `dil${n}`] },
    );
    last = `res${n}`;
  });
  layers.push(
    { type: 'conv1d', name: 'profile_conv', inputs: last, filters: 2, kernel_size: PROFILE_KERNEL },
    { type: 'crop', name: 'profile_out', length: WINDOW },
    { type: 'crop', name: 'count_window', inputs: last, length: WINDOW },
    { type: 'global_avg_pool', name: 'count_pool' },
    { type: 'dense', name: 'count_hidden', units: 32, activation: 'relu' },
    { type: 'dense', name: 'count_out', units: 1 },
  );
  return layers;
}

const STRANDS = ['counts_plus', 'counts_minus'];

export const PROFILE_PRESETS = {
  'bpnet-profile': {
    name: 'bpnet-profile',
    description:
      'A base-resolution profile model shaped like BPNet: a dilated residual convolution tower reads 1,000 bp and ' +
      'predicts, for the central 200 bp, where the reads fall on each strand (profile head, multinomial ' +
      'likelihood) and how many there are (count head, log counts). Scored by the median profile Pearson of ' +
      'held-out regions with signal, the Jensen-Shannon distance, and the Pearson of predicted and observed log ' +
      "counts, each beside a baseline that predicts the average profile. Other count columns: each head's " +
      '"columns" in the model spec.',
    inputs: [{ name: 'dna', type: 'dna', length: INPUT }],
    layers: bpnetLayers(),
    heads: [
      { name: 'profile', layer: 'profile_out', loss: 'multinomial_nll', columns: STRANDS, weight: 1 },
      { name: 'counts', layer: 'count_out', loss: 'log1p_mse', columns: STRANDS, weight: COUNT_WEIGHT },
    ],
    optimizer: { type: 'adam', learning_rate: 0.004 },
    training: {
      epochs: 6,
      batch_size: 32,
      validation_fraction: 0.1,
      test_fraction: 0.1,
      patience: 5,
      monitor: 'val_loss',
      seed: 1,
    },
  },
};
