// js/export/onnx-proto.js: the few ONNX protobuf messages an exporter writes (onnx/onnx.proto3),
// encoded by hand: varints and length-delimited fields. Field numbers as in onnx.proto:
//   ModelProto: ir_version 1, producer_name 2, producer_version 3, graph 7, opset_import 8
//   GraphProto: node 1, name 2, initializer 5, input 11, output 12
//   NodeProto: input 1, output 2, name 3, op_type 4, attribute 5
//   AttributeProto: name 1, f 2, i 3, s 4, floats 7, ints 8, type 20
//   TensorProto: dims 1, data_type 2, name 8, raw_data 9;  ValueInfoProto: name 1, type 2
//   TypeProto.tensor_type 1 {elem_type 1, shape 2 {dim 1 {dim_value 1, dim_param 2}}}

class Writer {
  constructor() {
    this.parts = [];
    this.length = 0;
  }
  bytes(b) {
    this.parts.push(b);
    this.length += b.length;
    return this;
  }
  varint(v) {
    const out = [];
    let n = BigInt.asUintN(64, BigInt(v));
    do {
      let byte = Number(n & 0x7fn);
      n >>= 7n;
      if (n) byte |= 0x80;
      out.push(byte);
    } while (n);
    return this.bytes(Uint8Array.from(out));
  }
  tag(field, wire) {
    return this.varint((field << 3) | wire);
  }
  int(field, v) {
    return this.tag(field, 0).varint(v);
  }
  float(field, v) {
    const b = new Uint8Array(4);
    new DataView(b.buffer).setFloat32(0, v, true);
    return this.tag(field, 5).bytes(b);
  }
  blob(field, b) {
    return this.tag(field, 2).varint(b.length).bytes(b);
  }
  string(field, s) {
    return this.blob(field, new TextEncoder().encode(s));
  }
  message(field, w) {
    return this.blob(field, w.finish());
  }
  finish() {
    const out = new Uint8Array(this.length);
    let at = 0;
    for (const p of this.parts) {
      out.set(p, at);
      at += p.length;
    }
    return out;
  }
}

export const FLOAT = 1,
  INT64 = 7;

// value: {name, dims, type: FLOAT | INT64, data: Float32Array | BigInt64Array}
function tensor(t) {
  const w = new Writer();
  for (const d of t.dims) w.int(1, d);
  w.int(2, t.type);
  w.string(8, t.name);
  return w.blob(9, new Uint8Array(t.data.buffer, t.data.byteOffset, t.data.byteLength));
}

// attrs: {name: number (int) | {f: number} | string | number[] (ints) | {floats: number[]}}
function attribute(name, v) {
  const w = new Writer().string(1, name);
  if (typeof v === 'string') return w.string(4, v).int(20, 3);
  if (Array.isArray(v)) {
    for (const i of v) w.int(8, i);
    return w.int(20, 7);
  }
  if (typeof v === 'object' && 'floats' in v) {
    for (const f of v.floats) w.float(7, f);
    return w.int(20, 6);
  }
  if (typeof v === 'object') return w.float(2, v.f).int(20, 1);
  return w.int(3, v).int(20, 2);
}

function node(n, i) {
  const w = new Writer();
  for (const x of n.inputs) w.string(1, x);
  for (const y of n.outputs) w.string(2, y);
  w.string(3, n.name ?? `${n.op}_${i}`).string(4, n.op);
  for (const [k, v] of Object.entries(n.attrs ?? {})) w.message(5, attribute(k, v));
  return w;
}

// io: {name, type, shape: (number | string)[]} (a string is a symbolic dimension)
function valueInfo(v) {
  const shape = new Writer();
  for (const d of v.shape) shape.message(1, typeof d === 'string' ? new Writer().string(2, d) : new Writer().int(1, d));
  const tensorType = new Writer().int(1, v.type ?? FLOAT).message(2, shape);
  return new Writer().string(1, v.name).message(2, new Writer().message(1, tensorType));
}

/** The bytes of an ONNX ModelProto: graph {name, nodes, initializers, inputs, outputs}, at `opset`. */
export function encodeModel({ name, nodes, initializers, inputs, outputs }, { opset, producer = 'helix' }) {
  const g = new Writer();
  nodes.forEach((n, i) => g.message(1, node(n, i)));
  g.string(2, name);
  for (const t of initializers) g.message(5, tensor(t));
  for (const v of inputs) g.message(11, valueInfo(v));
  for (const v of outputs) g.message(12, valueInfo(v));
  return new Writer()
    .int(1, 8)
    .string(2, producer)
    .string(3, '0.1')
    .message(7, g)
    .message(8, new Writer().string(1, '').int(2, opset))
    .finish();
}
