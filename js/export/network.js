// js/export/network.js: every Helix family (sequence model, autoencoder, GAN, graph model) as one
// description the exporters read: nets of named inputs, layers that name what they read, and outputs.
//   {family, name, nets: [{prefix, inputs: [{name, type, length, resize, size, columns}],
//                          layers: [{type, name, inputs: [...], ...the spec's fields}],
//                          outputs: [{name, layer, activation: 'sigmoid'|'softmax'|'none', classes}]}]}
// A layer without "inputs" reads the layer before it (the first layer reads the first input), as
// core/spec/sequence.hpp says. The autoencoder's standardisation is a layer of its own ("standardize", the
// parameters input.mean, input.scale and imputation.baseline), as are graph_conv and graph_readout.
// Layer types an exporter must know: LAYER_TYPES.
import { ExportError } from './helix-file.js';

export const LAYER_TYPES = [
  'dense',
  'conv1d',
  'max_pool1d',
  'avg_pool1d',
  'global_max_pool',
  'global_avg_pool',
  'flatten',
  'dropout',
  'relu',
  'sigmoid',
  'tanh',
  'lstm',
  'gru',
  'batch_norm',
  'layer_norm',
  'concatenate',
  'add',
  'reshape',
  'upsample1d',
  'softmax',
  'standardize',
  'graph_conv',
  'graph_readout',
];

// Defaults the engine applies when a saved spec leaves a field out (core/spec/sequence.hpp).
const LAYER_DEFAULTS = {
  padding: 'valid',
  activation: '',
  rate: 0,
  return_sequences: false,
  bidirectional: false,
  momentum: 0.1,
  eps: 1e-5,
  size: 2,
};

function resolveLayers(specLayers, firstInput, where) {
  const errors = [];
  const layers = specLayers.map((l, i) => {
    const name = l.name ?? `${l.type}_${i}`;
    const inputs = l.inputs === undefined ? [i === 0 ? firstInput : null] : [].concat(l.inputs);
    if (!LAYER_TYPES.includes(l.type)) {
      errors.push({
        field: `${where}[${i}].type`,
        message: `${where}[${i}].type: '${l.type}' has no PyTorch/ONNX export (layers that export: ${LAYER_TYPES.join(', ')})`,
      });
    }
    const layer = { ...LAYER_DEFAULTS, ...l, name, inputs };
    if (layer.stride === undefined || layer.stride === 0) layer.stride = layer.pool_size;
    return layer;
  });
  layers.forEach((l, i) => {
    if (l.inputs[0] === null) l.inputs = [layers[i - 1].name];
  });
  if (errors.length) throw new ExportError(errors);
  return layers;
}

const lastLayer = (layers) => layers[layers.length - 1].name;

function sequenceNetwork(spec) {
  const inputs = (spec.inputs ?? [{ type: 'dna', ...spec.input }]).map((inp) => ({
    name: inp.name ?? 'dna',
    type: inp.type ?? 'dna',
    length: inp.length ?? 0,
    resize: inp.resize ?? 'pad_crop',
    columns: inp.columns ?? [],
    size: inp.type === 'features' ? inp.columns.length : 4,
  }));
  const layers = resolveLayers(spec.layers, inputs[0].name, 'spec.layers');
  const heads = spec.heads ?? [
    {
      name: 'label',
      layer: lastLayer(layers),
      loss: spec.loss ?? 'bce_with_logits',
      classes: spec.classes ?? [],
      label: 'label',
    },
  ];
  // What turns a head's logits into its prediction (core/nn/head_kind.cpp): a probability, the class
  // probabilities, the number itself (regression), or the expected count (a Poisson head's log rate).
  const HEAD_ACTIVATION = { bce_with_logits: 'sigmoid', softmax_cross_entropy: 'softmax', mse: 'none', poisson: 'exp' };
  const outputs = heads.map((h) => ({
    name: h.name,
    layer: h.layer,
    label: h.label ?? h.name,
    loss: h.loss ?? 'bce_with_logits',
    activation: HEAD_ACTIVATION[h.loss ?? 'bce_with_logits'] ?? 'sigmoid',
    classes: h.classes ?? [],
  }));
  return {
    family: 'sequence',
    name: spec.name ?? 'model',
    multiHead: !!spec.heads && heads.length > 1,
    nets: [{ prefix: '', inputs, layers, outputs }],
  };
}

function autoencoderNetwork(spec, file) {
  const genes = file.genes;
  const inputs = [{ name: 'x', type: 'matrix', size: genes.length, columns: genes }];
  const layers = resolveLayers(
    [
      { type: 'standardize', name: 'input', transform: spec.preprocess?.transform ?? 'none' },
      ...(spec.encoder ?? []),
      { type: 'dense', name: 'latent', units: spec.latent.units, activation: spec.latent.activation ?? '' },
      ...(spec.decoder ?? []),
      { type: 'dense', name: 'reconstruction', units: genes.length },
    ],
    'x',
    'spec.layers',
  );
  return {
    family: 'autoencoder',
    name: spec.name ?? 'autoencoder',
    genes,
    nets: [
      {
        prefix: '',
        inputs,
        layers,
        outputs: [
          { name: 'reconstruction', layer: 'reconstruction', activation: 'none' },
          { name: 'latent', layer: 'latent', activation: 'none' },
        ],
      },
    ],
  };
}

function ganNetwork(spec) {
  const generator = resolveLayers(spec.generator.layers, 'z', 'spec.generator.layers');
  const discriminator = resolveLayers(spec.discriminator.layers, 'dna', 'spec.discriminator.layers');
  return {
    family: 'gan',
    name: spec.name ?? 'gan',
    length: spec.length,
    noise: spec.noise,
    nets: [
      {
        prefix: 'generator',
        inputs: [{ name: 'z', type: 'noise', size: spec.noise }],
        layers: generator,
        outputs: [{ name: 'bases', layer: lastLayer(generator), activation: 'none' }],
      },
      {
        prefix: 'discriminator',
        inputs: [{ name: 'dna', type: 'dna', length: spec.length, size: 4, resize: 'exact' }],
        layers: discriminator,
        outputs: [{ name: 'real', layer: lastLayer(discriminator), activation: 'sigmoid' }],
      },
    ],
  };
}

function graphNetwork(spec, weights) {
  const layers = resolveLayers(spec.layers, 'x', 'spec.layers');
  const first = layers.find((l) => l.type === 'graph_conv');
  const features = weights.get(`${first.name}.weight`)?.shape[0] ?? 0;
  for (const l of layers)
    if ((l.type === 'graph_conv' || l.type === 'dense') && !l.units)
      l.units = weights.get(`${l.name}.weight`)?.shape[1];
  const graphTask = spec.task === 'graph_classification';
  return {
    family: 'graph',
    name: spec.name ?? 'gcn',
    task: spec.task,
    featuresMode: spec.features ?? 'row_normalize',
    structural: spec.structural_features ?? 'degree',
    nets: [
      {
        prefix: '',
        graphTask,
        inputs: [
          { name: 'x', type: 'node_features', size: features },
          { name: 'adjacency', type: 'adjacency' },
          ...(graphTask ? [{ name: 'graph_index', type: 'graph_index' }] : []),
        ],
        layers,
        outputs: [{ name: graphTask ? 'graph' : 'node', layer: lastLayer(layers), activation: 'softmax', classes: [] }],
      },
    ],
  };
}

/** The network of a parsed Helix file (readHelixFile). Throws ExportError naming a layer that cannot export. */
export function networkOf(parsed) {
  const { family, spec, file, weights } = parsed;
  if (family === 'sequence') return sequenceNetwork(spec);
  if (family === 'autoencoder') return autoencoderNetwork(spec, file);
  if (family === 'gan') return ganNetwork(spec);
  return graphNetwork(spec, weights);
}

// --- parameters: Helix's layout and names against PyTorch's ---
// Helix stores dense weights (in, out), conv1d (K, C, F), recurrent (inputs, gates); torch.nn stores
// Linear (out, in), Conv1d (F, C, K), LSTM/GRU (gates, inputs), and names recurrent tensors weight_ih_l0,
// bias_ih_l0, ... (+ "_reverse"). The LSTM's one Helix bias is torch's bias_ih + bias_hh: exported as
// bias_ih with bias_hh zero, imported as their sum. Batch norm adds torch's num_batches_tracked counter.
// Each entry: {helix, torch, perm (axes of the Helix tensor in torch order), role: 'param'|'zero_twin'|'counter'}.
export function parameterMap(net) {
  const p = net.prefix ? `${net.prefix}.` : '';
  const out = [];
  const same = (layer, names) =>
    names.forEach((n) =>
      out.push({ helix: `${p}${layer.name}.${n}`, torch: `${p}${layer.name}.${n}`, perm: null, role: 'param' }),
    );
  for (const l of net.layers) {
    const at = `${p}${l.name}`;
    if (l.type === 'dense') {
      out.push({ helix: `${at}.weight`, torch: `${at}.weight`, perm: [1, 0], role: 'param' });
      same(l, ['bias']);
    } else if (l.type === 'conv1d') {
      out.push({ helix: `${at}.weight`, torch: `${at}.weight`, perm: [2, 1, 0], role: 'param' });
      same(l, ['bias']);
    } else if (l.type === 'lstm' || l.type === 'gru') {
      for (const s of l.bidirectional ? ['', '_reverse'] : ['']) {
        out.push({ helix: `${at}.weight_ih${s}`, torch: `${at}.weight_ih_l0${s}`, perm: [1, 0], role: 'param' });
        out.push({ helix: `${at}.weight_hh${s}`, torch: `${at}.weight_hh_l0${s}`, perm: [1, 0], role: 'param' });
        if (l.type === 'lstm') {
          out.push({ helix: `${at}.bias${s}`, torch: `${at}.bias_ih_l0${s}`, perm: null, role: 'param' });
          out.push({ helix: `${at}.bias${s}`, torch: `${at}.bias_hh_l0${s}`, perm: null, role: 'zero_twin' });
        } else {
          out.push({ helix: `${at}.bias_ih${s}`, torch: `${at}.bias_ih_l0${s}`, perm: null, role: 'param' });
          out.push({ helix: `${at}.bias_hh${s}`, torch: `${at}.bias_hh_l0${s}`, perm: null, role: 'param' });
        }
      }
    } else if (l.type === 'batch_norm') {
      same(l, ['weight', 'bias', 'running_mean', 'running_var']);
      out.push({ helix: null, torch: `${at}.num_batches_tracked`, perm: null, role: 'counter' });
    } else if (l.type === 'layer_norm' || l.type === 'graph_conv') {
      same(l, ['weight', 'bias']);
    } else if (l.type === 'standardize') {
      for (const n of ['input.mean', 'input.scale', 'imputation.baseline'])
        out.push({ helix: `${p}${n}`, torch: `${p}${n}`, perm: null, role: 'param' });
    }
  }
  return out;
}

/** `data` (row-major, `shape`) with its axes reordered: axis i of the result is axis perm[i] of the input. */
export function permute(shape, data, perm) {
  if (!perm) return { shape: [...shape], data: Float32Array.from(data) };
  const outShape = perm.map((a) => shape[a]);
  const stride = shape.map((_, i) => shape.slice(i + 1).reduce((a, b) => a * b, 1));
  const out = new Float32Array(data.length);
  const idx = new Array(outShape.length).fill(0);
  for (let o = 0; o < out.length; o++) {
    let src = 0;
    for (let i = 0; i < perm.length; i++) src += idx[i] * stride[perm[i]];
    out[o] = data[src];
    for (let i = outShape.length - 1; i >= 0; i--) {
      if (++idx[i] < outShape[i]) break;
      idx[i] = 0;
    }
  }
  return { shape: outShape, data: out };
}

/** The inverse of a permutation (to bring a torch tensor back to Helix's layout). */
export const inversePerm = (perm) => perm && perm.map((_, i) => perm.indexOf(i));
