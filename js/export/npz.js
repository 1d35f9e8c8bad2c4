// js/export/npz.js: NumPy's .npz (a ZIP of .npy arrays, np.savez / np.savez_compressed), read and
// written here. An .npy is the magic "\x93NUMPY", a version, a header length and a Python-literal header
// {'descr': '<f4', 'fortran_order': False, 'shape': (3, 4), } padded with spaces and "\n" to 64 bytes.
import { readZip, writeZip } from './zip.js';

const NPY_TYPES = {
  '<f4': [4, 'getFloat32'],
  '<f8': [8, 'getFloat64'],
  '<f2': [2, null],
  '<i8': [8, 'getBigInt64'],
  '<i4': [4, 'getInt32'],
  '|u1': [1, 'getUint8'],
  '|b1': [1, 'getUint8'],
};

function readNpy(name, bytes) {
  const magic = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59];
  if (!magic.every((b, i) => bytes[i] === b)) throw new Error(`${name}: not a .npy array`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const major = bytes[6];
  const headerLen = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
  const start = major === 1 ? 10 : 12;
  const header = new TextDecoder().decode(bytes.subarray(start, start + headerLen));
  const descr = /'descr':\s*'([^']+)'/.exec(header)?.[1];
  const fortran = /'fortran_order':\s*True/.test(header);
  const shapeText = /'shape':\s*\(([^)]*)\)/.exec(header)?.[1] ?? '';
  const shape = shapeText
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map(Number);
  if (fortran) throw new Error(`${name}: Fortran-ordered arrays are not supported (save np.ascontiguousarray(a))`);
  const type = NPY_TYPES[descr];
  if (!type || !type[1]) throw new Error(`${name}: dtype ${descr} is not supported (float32, float64, int32, int64)`);
  const count = shape.reduce((a, b) => a * b, 1);
  const data = new Float32Array(count);
  const at = start + headerLen;
  for (let i = 0; i < count; i++) data[i] = Number(view[type[1]](at + i * type[0], true));
  return { shape, data, dtype: descr };
}

/** Reads .npz bytes into Map name -> {shape, data: Float32Array} (names without ".npy"). */
export async function readNpz(bytes) {
  const out = new Map();
  for (const [file, data] of await readZip(bytes)) out.set(file.replace(/\.npy$/, ''), readNpy(file, data));
  return out;
}

function npy(shape, data) {
  const dims = shape.length === 1 ? `${shape[0]},` : shape.join(', ');
  let header = `{'descr': '<f4', 'fortran_order': False, 'shape': (${dims}), }`;
  header += ' '.repeat(63 - ((10 + header.length) % 64)) + '\n';
  const head = new TextEncoder().encode(header);
  const out = new Uint8Array(10 + head.length + data.length * 4);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0], 0);
  new DataView(out.buffer).setUint16(8, head.length, true);
  out.set(head, 10);
  out.set(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), 10 + head.length);
  return out;
}

/** tensors: Map name -> {shape, data: Float32Array}. Returns the bytes of an uncompressed .npz. */
export function writeNpz(tensors) {
  const entries = new Map();
  for (const [name, t] of tensors) entries.set(`${name}.npy`, npy(t.shape, Float32Array.from(t.data)));
  return writeZip(entries);
}
