// js/export/onnx.js: a saved Helix file as an ONNX model (opset 17, IR version 8) that onnxruntime
// runs. Inputs keep Helix's layout: DNA "dna" (batch, L, 4) float32 one-hot (L symbolic for any-length
// models), feature inputs (batch, F); outputs are probabilities (sigmoid or softmax per head, named after
// the head), the autoencoder's reconstruction and latent codes, or, for a GAN, two files' worth in one: the
// generator's base probabilities and the discriminator's probability of "real".
// Mapping: conv1d = Transpose + Conv (explicit pads for "same") + Transpose; LSTM/GRU = ONNX LSTM/GRU with
// the gate blocks reordered (Helix/PyTorch i,f,g,o -> ONNX i,o,f,c; r,z,n -> z,r,h with linear_before_reset=1);
// batch norm folded into a scale and a shift from the running statistics (inference). Graph models (GCN) take
// their inputs as the exported PyTorch module does: "x" (nodes, F) features, "adjacency" (nodes, nodes), dense,
// normalised as Helix does (D^-1/2 (A + I) D^-1/2; helix_model.py read_graph), and for graph classification
// "graph_index" (nodes,) int64; graph_conv = adjacency @ (x @ W) + b, graph_readout = a one-hot membership
// (graphs, nodes) made from graph_index (OneHot), then MatMul (sum), MatMul / counts (mean) or Where + ReduceMax.
import { ExportError, readHelixFile } from './helix-file.js';
import { networkOf, permute } from './network.js';
import { encodeModel, FLOAT, INT64 } from './onnx-proto.js';

export const OPSET = 17;

function blocks(data, rowsPerBlock, cols, order) {
  // reorder gate blocks of a (G*H, cols) matrix
  const out = new Float32Array(data.length),
    size = rowsPerBlock * cols;
  order.forEach((src, dst) => out.set(data.subarray(src * size, (src + 1) * size), dst * size));
  return out;
}

class Builder {
  constructor(weights, prefix) {
    this.nodes = [];
    this.initializers = [];
    this.weights = weights;
    this.prefix = prefix;
    this.n = 0;
  }
  fresh(base) {
    return `${base}__${this.n++}`;
  }
  const(name, dims, data) {
    const t = { name: this.fresh(name), dims, type: data instanceof BigInt64Array ? INT64 : FLOAT, data };
    this.initializers.push(t);
    return t.name;
  }
  ints(name, values) {
    return this.const(name, [values.length], BigInt64Array.from(values.map(BigInt)));
  }
  w(layer, param) {
    return this.weights.get(`${this.prefix}${layer.name}.${param}`);
  }
  op(op, inputs, attrs = {}, outputs = 1) {
    const outs = Array.from({ length: outputs }, () => this.fresh(op));
    this.nodes.push({ op, inputs, outputs: outs, attrs });
    return outputs === 1 ? outs[0] : outs;
  }
  activate(x, a) {
    return a ? this.op({ relu: 'Relu', sigmoid: 'Sigmoid', tanh: 'Tanh' }[a], [x]) : x;
  }
  channelsFirst(x) {
    return this.op('Transpose', [x], { perm: [0, 2, 1] });
  }
}

function recurrent(b, l, x, shape) {
  const H = l.units,
    C = shape[1],
    lstm = l.type === 'lstm',
    G = lstm ? 4 : 3;
  const order = lstm ? [0, 3, 1, 2] : [1, 0, 2];
  const dirs = l.bidirectional ? ['', '_reverse'] : [''];
  const W = [],
    R = [],
    B = [];
  for (const s of dirs) {
    const wih = b.w(l, `weight_ih${s}`),
      whh = b.w(l, `weight_hh${s}`);
    W.push(blocks(permute(wih.shape, wih.data, [1, 0]).data, H, C, order));
    R.push(blocks(permute(whh.shape, whh.data, [1, 0]).data, H, H, order));
    const bi = lstm ? b.w(l, `bias${s}`).data : b.w(l, `bias_ih${s}`).data;
    const bh = lstm ? new Float32Array(G * H) : b.w(l, `bias_hh${s}`).data;
    B.push(blocks(bi, H, 1, order), blocks(bh, H, 1, order));
  }
  const cat = (arrs) => {
    const o = new Float32Array(arrs.reduce((a, v) => a + v.length, 0));
    let at = 0;
    for (const a of arrs) {
      o.set(a, at);
      at += a.length;
    }
    return o;
  };
  const nd = dirs.length;
  const attrs = { hidden_size: H, direction: l.bidirectional ? 'bidirectional' : 'forward' };
  if (!lstm) attrs.linear_before_reset = 1;
  const seq = b.op('Transpose', [x], { perm: [1, 0, 2] });
  const [y, yh] = b.op(
    lstm ? 'LSTM' : 'GRU',
    [
      seq,
      b.const(`${l.name}.W`, [nd, G * H, C], cat(W)),
      b.const(`${l.name}.R`, [nd, G * H, H], cat(R)),
      b.const(`${l.name}.B`, [nd, 2 * G * H], cat(B)),
    ],
    attrs,
    2,
  );
  if (l.return_sequences) {
    const t = b.op('Transpose', [y], { perm: [2, 0, 1, 3] }); // (L, nd, B, H) -> (B, L, nd, H)
    return b.op('Reshape', [t, b.ints('shape', [0, 0, nd * H])]);
  }
  const t = b.op('Transpose', [yh], { perm: [1, 0, 2] }); // (nd, B, H) -> (B, nd, H)
  return b.op('Reshape', [t, b.ints('shape', [0, nd * H])]);
}

function outputShape(l, shapes) {
  const x = shapes[0];
  switch (l.type) {
    case 'dense':
    case 'graph_conv':
      return [...x.slice(0, -1), l.units];
    case 'conv1d':
      return [l.padding === 'same' || !x[0] ? x[0] : x[0] - l.kernel_size + 1, l.filters];
    case 'max_pool1d':
    case 'avg_pool1d':
      return [x[0] ? Math.floor((x[0] - l.pool_size) / l.stride) + 1 : 0, x[1]];
    case 'global_max_pool':
    case 'global_avg_pool':
      return [x[1]];
    case 'flatten':
      return [x.reduce((a, v) => a * v, 1)];
    case 'lstm':
    case 'gru': {
      const h = l.units * (l.bidirectional ? 2 : 1);
      return l.return_sequences ? [x[0], h] : [h];
    }
    case 'reshape':
      return [...l.target_shape];
    case 'upsample1d':
      return [x[0] * l.size, x[1]];
    case 'concatenate':
      return [...x.slice(0, -1), shapes.reduce((a, s) => a + s[s.length - 1], 0)];
    default:
      return x;
  }
}

function layer(b, l, xs, shapes) {
  const x = xs[0];
  switch (l.type) {
    case 'dense': {
      const w = b.w(l, 'weight'),
        bias = b.w(l, 'bias');
      const y = b.op('Add', [
        b.op('MatMul', [x, b.const(`${l.name}.weight`, w.shape, w.data)]),
        b.const(`${l.name}.bias`, bias.shape, bias.data),
      ]);
      return b.activate(y, l.activation);
    }
    case 'conv1d': {
      const w = b.w(l, 'weight'),
        t = permute(w.shape, w.data, [2, 1, 0]),
        bias = b.w(l, 'bias'),
        K = l.kernel_size;
      const pads = l.padding === 'same' ? [Math.floor((K - 1) / 2), Math.floor(K / 2)] : [0, 0];
      const y = b.op(
        'Conv',
        [
          b.channelsFirst(x),
          b.const(`${l.name}.weight`, t.shape, t.data),
          b.const(`${l.name}.bias`, bias.shape, bias.data),
        ],
        { kernel_shape: [K], pads },
      );
      return b.activate(b.channelsFirst(y), l.activation);
    }
    case 'max_pool1d':
    case 'avg_pool1d':
      return b.channelsFirst(
        b.op(l.type === 'max_pool1d' ? 'MaxPool' : 'AveragePool', [b.channelsFirst(x)], {
          kernel_shape: [l.pool_size],
          strides: [l.stride],
        }),
      );
    case 'global_max_pool':
      return b.op('ReduceMax', [x], { axes: [1], keepdims: 0 });
    case 'global_avg_pool':
      return b.op('ReduceMean', [x], { axes: [1], keepdims: 0 });
    case 'flatten':
      return b.op('Flatten', [x], { axis: 1 });
    case 'dropout':
      return b.op('Identity', [x]);
    case 'relu':
    case 'sigmoid':
    case 'tanh':
      return b.activate(x, l.type);
    case 'softmax':
      return b.op('Softmax', [x], { axis: -1 });
    case 'reshape':
      return b.op('Reshape', [x, b.ints('shape', [0, ...l.target_shape])]);
    case 'upsample1d': {
      const C = shapes[0][1];
      const t = b.op('Tile', [b.op('Unsqueeze', [x, b.ints('axes', [2])]), b.ints('repeats', [1, 1, l.size, 1])]);
      return b.op('Reshape', [t, b.ints('shape', [0, -1, C])]);
    }
    case 'concatenate':
      return b.op('Concat', xs, { axis: -1 });
    case 'add':
      return b.op('Sum', xs);
    case 'batch_norm': {
      const g = b.w(l, 'weight').data,
        be = b.w(l, 'bias').data,
        m = b.w(l, 'running_mean').data,
        v = b.w(l, 'running_var').data;
      const F = g.length,
        inv = new Float32Array(F),
        shift = new Float32Array(F);
      for (let f = 0; f < F; f++) {
        inv[f] = 1 / Math.sqrt(v[f] + l.eps);
        shift[f] = be[f];
      }
      const centred = b.op('Sub', [x, b.const(`${l.name}.mean`, [F], Float32Array.from(m))]);
      const scaled = b.op('Mul', [
        b.op('Mul', [centred, b.const(`${l.name}.inv_std`, [F], inv)]),
        b.const(`${l.name}.weight`, [F], Float32Array.from(g)),
      ]);
      return b.op('Add', [scaled, b.const(`${l.name}.bias`, [F], shift)]);
    }
    case 'layer_norm': {
      const g = b.w(l, 'weight'),
        be = b.w(l, 'bias');
      return b.op(
        'LayerNormalization',
        [x, b.const(`${l.name}.weight`, g.shape, g.data), b.const(`${l.name}.bias`, be.shape, be.data)],
        { axis: -1, epsilon: { f: l.eps } },
      );
    }
    case 'lstm':
    case 'gru':
      return recurrent(b, l, x, shapes[0]);
    case 'graph_conv': {
      const w = b.w(l, 'weight'),
        bias = b.w(l, 'bias');
      const xw = b.op('MatMul', [x, b.const(`${l.name}.weight`, w.shape, w.data)]);
      return b.activate(
        b.op('Add', [b.op('MatMul', [b.graph.adjacency, xw]), b.const(`${l.name}.bias`, bias.shape, bias.data)]),
        l.activation,
      );
    }
    case 'graph_readout': {
      // membership (graphs, nodes): one-hot of graph_index, graphs = max(graph_index) + 1.
      const depth = b.op('Add', [
        b.op('ReduceMax', [b.graph.index], { keepdims: 0 }),
        b.const('one', [], BigInt64Array.of(1n)),
      ]);
      const oneHot = b.op('OneHot', [b.graph.index, depth, b.const('off_on', [2], Float32Array.of(0, 1))], {
        axis: -1,
      });
      const member = b.op('Transpose', [oneHot], { perm: [1, 0] });
      if (l.mode === 'max') {
        const mask = b.op('Greater', [
          b.op('Unsqueeze', [member, b.ints('axes', [2])]),
          b.const('half', [], Float32Array.of(0.5)),
        ]);
        const rows = b.op('Unsqueeze', [x, b.ints('axes', [0])]);
        const masked = b.op('Where', [mask, rows, b.const('minus_inf', [], Float32Array.of(-Infinity))]);
        return b.op('ReduceMax', [masked], { axes: [1], keepdims: 0 });
      }
      const total = b.op('MatMul', [member, x]);
      if (l.mode === 'sum') return total;
      const count = b.op('ReduceSum', [member, b.ints('axes', [1])], { keepdims: 1 });
      return b.op('Div', [total, count]);
    }
    case 'standardize': {
      const mean = b.weights.get(`${b.prefix}input.mean`),
        scale = b.weights.get(`${b.prefix}input.scale`);
      const v = l.transform === 'log1p' ? b.op('Log', [b.op('Add', [x, b.const('one', [1], Float32Array.of(1))])]) : x;
      return b.op('Div', [
        b.op('Sub', [v, b.const('input.mean', mean.shape, mean.data)]),
        b.const('input.scale', scale.shape, scale.data),
      ]);
    }
    default:
      throw new ExportError([{ field: `layers.${l.name}`, message: `layer ${l.name}: ${l.type} has no ONNX export` }]);
  }
}

function buildNet(b, net, outputPrefix) {
  const values = new Map(),
    shapes = new Map(),
    inputs = [],
    outputs = [];
  b.graph = {};
  for (const inp of net.inputs) {
    const name = `${outputPrefix}${inp.name}`;
    if (inp.type === 'adjacency' || inp.type === 'graph_index') {
      b.graph[inp.type === 'adjacency' ? 'adjacency' : 'index'] = name;
      inputs.push(
        inp.type === 'adjacency' ? { name, shape: ['nodes', 'nodes'] } : { name, type: INT64, shape: ['nodes'] },
      );
      continue;
    }
    if (!['dna', 'features', 'matrix', 'noise', 'node_features'].includes(inp.type)) {
      throw new ExportError([{ field: 'spec', message: `input ${inp.name}: type ${inp.type} has no ONNX export` }]);
    }
    values.set(inp.name, name);
    shapes.set(inp.name, inp.type === 'dna' ? [inp.length || 0, 4] : [inp.size]);
    inputs.push({
      name,
      shape:
        inp.type === 'dna'
          ? ['batch', inp.length || 'length', 4]
          : [inp.type === 'node_features' ? 'nodes' : 'batch', inp.size],
    });
  }
  for (const l of net.layers) {
    const xs = l.inputs.map((n) => values.get(n)),
      ins = l.inputs.map((n) => shapes.get(n));
    values.set(l.name, layer(b, l, xs, ins));
    shapes.set(l.name, outputShape(l, ins));
  }
  for (const o of net.outputs) {
    const v = values.get(o.layer);
    const act = { sigmoid: 'Sigmoid', softmax: 'Softmax', exp: 'Exp' }[o.activation] ?? 'Identity';
    const name = `${outputPrefix}${o.name}`;
    b.nodes.push({ op: act, inputs: [v], outputs: [name], attrs: act === 'Softmax' ? { axis: -1 } : {} });
    const s = shapes.get(o.layer);
    outputs.push({ name, shape: ['batch', ...s.map((d, i) => d || `d${i}`)] });
  }
  return { inputs, outputs };
}

/**
 * The ONNX model of a saved Helix file (its text): {bytes: Uint8Array, opset, inputs, outputs}. Input and
 * output names are those of the network (a GAN's are prefixed "generator." / "discriminator.").
 * Throws ExportError naming what cannot be exported.
 */
export function exportOnnx(modelFileText) {
  const parsed = readHelixFile(modelFileText);
  const network = networkOf(parsed);
  const b = new Builder(parsed.weights, '');
  const inputs = [],
    outputs = [];
  for (const net of network.nets) {
    b.prefix = net.prefix ? `${net.prefix}.` : '';
    const io = buildNet(b, net, net.prefix ? `${net.prefix}.` : '');
    inputs.push(...io.inputs);
    outputs.push(...io.outputs);
  }
  const bytes = encodeModel(
    { name: network.name, nodes: b.nodes, initializers: b.initializers, inputs, outputs },
    { opset: OPSET },
  );
  return { bytes, opset: OPSET, inputs: inputs.map((i) => i.name), outputs: outputs.map((o) => o.name) };
}
