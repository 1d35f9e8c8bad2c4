// js/export/safetensors.js: the safetensors format (huggingface/safetensors), written and read here
// without any package: an 8-byte little-endian header length N, N bytes of JSON
//   {"<name>": {"dtype": "F32", "shape": [...], "data_offsets": [begin, end]}, "__metadata__": {...}}
// padded with spaces to a multiple of 8, then the tensors' bytes, little-endian, row-major.
// The generated helix_model.py reads and writes the same format with struct + torch (20 lines).

const DTYPES = {
  F32: { bytes: 4, array: Float32Array },
  F64: { bytes: 8, array: Float64Array },
  I64: { bytes: 8, array: BigInt64Array },
  I32: { bytes: 4, array: Int32Array },
  F16: { bytes: 2, array: null },
  BF16: { bytes: 2, array: null },
};

/** tensors: Map name -> {shape, data: Float32Array | BigInt64Array}. Returns the file's bytes. */
export function writeSafetensors(tensors, metadata = {}) {
  const header = { __metadata__: metadata };
  let offset = 0;
  for (const [name, t] of tensors) {
    const dtype = t.data instanceof BigInt64Array ? 'I64' : 'F32';
    const size = t.data.length * DTYPES[dtype].bytes;
    header[name] = { dtype, shape: t.shape, data_offsets: [offset, offset + size] };
    offset += size;
  }
  let json = JSON.stringify(header);
  json += ' '.repeat((8 - (json.length % 8)) % 8);
  const head = new TextEncoder().encode(json);
  const out = new Uint8Array(8 + head.length + offset);
  new DataView(out.buffer).setBigUint64(0, BigInt(head.length), true);
  out.set(head, 8);
  let at = 8 + head.length;
  for (const t of tensors.values()) {
    const bytes = new Uint8Array(t.data.buffer, t.data.byteOffset, t.data.byteLength);
    out.set(bytes, at);
    at += bytes.length;
  }
  return out;
}

/**
 * Reads safetensors bytes into Map name -> {shape, data: Float32Array, dtype} (F64 and F16/BF16 are converted
 * to float32; integer tensors are kept as numbers in a Float64Array). Throws Error with the reason.
 */
export function readSafetensors(bytes) {
  if (bytes.length < 8) throw new Error('not a safetensors file: shorter than its 8-byte header length');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const n = Number(view.getBigUint64(0, true));
  if (8 + n > bytes.length)
    throw new Error(`not a safetensors file: its header claims ${n} bytes, the file has ${bytes.length}`);
  let header;
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + n)));
  } catch (e) {
    throw new Error(`not a safetensors file: its header is not JSON (${e.message})`);
  }
  const base = 8 + n;
  const out = new Map();
  for (const [name, t] of Object.entries(header)) {
    if (name === '__metadata__') continue;
    const d = DTYPES[t.dtype];
    if (!d) throw new Error(`${name}: dtype ${t.dtype} is not supported (F32, F64, F16, BF16, I32, I64)`);
    const [begin, end] = t.data_offsets;
    const count = t.shape.reduce((a, b) => a * b, 1);
    if (end - begin !== count * d.bytes || base + end > bytes.length)
      throw new Error(`${name}: data_offsets do not fit shape ${JSON.stringify(t.shape)}`);
    const raw = bytes.slice(base + begin, base + end);
    const data = new Float32Array(count);
    if (t.dtype === 'F16' || t.dtype === 'BF16') {
      const u = new DataView(raw.buffer);
      for (let i = 0; i < count; i++)
        data[i] = t.dtype === 'BF16' ? bf16(u.getUint16(2 * i, true)) : f16(u.getUint16(2 * i, true));
    } else {
      const src = new d.array(raw.buffer);
      for (let i = 0; i < count; i++) data[i] = Number(src[i]);
    }
    out.set(name, { shape: t.shape, data, dtype: t.dtype });
  }
  return out;
}

function bf16(h) {
  const v = new DataView(new ArrayBuffer(4));
  v.setUint32(0, h << 16);
  return v.getFloat32(0);
}

function f16(h) {
  const s = h & 0x8000 ? -1 : 1,
    e = (h >> 10) & 31,
    m = h & 1023;
  if (e === 0) return s * 2 ** -14 * (m / 1024);
  if (e === 31) return m ? NaN : s * Infinity;
  return s * 2 ** (e - 15) * (1 + m / 1024);
}
