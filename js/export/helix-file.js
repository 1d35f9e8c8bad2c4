// js/export/helix-file.js: a saved Helix file (any family) read into plain JS: its format, spec and
// weights as Float32Arrays, and written back. Every family shares the shape
//   {format, version, spec, weights: {name: {shape, dtype: "float32", data: <base64 little-endian>}}, metadata}
// (core/io/weights_json.cpp), so this one reader serves the exporters and the weight importer. Which family a
// file holds (the envelope's "family", or an old file's format tag) is js/model-file.js's to say.
import { familyOfFile, FORMATS, OLD_TAGS } from '../model-file.js';
import { HelixInputError } from '../errors.js';

export { FORMATS };
// The families a file can hold and export knows (network.js).
const FAMILIES = [...new Set(Object.values(OLD_TAGS))];

/** A problem with a file or a weights table; `errors` are [{field, message}] as the engine reports them. */
export class ExportError extends Error {
  constructor(errors) {
    super(errors.map((e) => e.message).join('\n'));
    this.name = 'ExportError';
    this.errors = errors;
  }
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_INDEX = new Map([...B64].map((c, i) => [c, i]));

export function base64Encode(bytes) {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += B64[(n >> 18) & 63] + B64[(n >> 12) & 63];
    out += i + 1 < bytes.length ? B64[(n >> 6) & 63] : '=';
    out += i + 2 < bytes.length ? B64[n & 63] : '=';
  }
  return out;
}

export function base64Decode(text) {
  const clean = text.replace(/=+$/, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0,
    acc = 0,
    o = 0;
  for (const c of clean) {
    const v = B64_INDEX.get(c);
    if (v === undefined) return null;
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 255;
    }
  }
  return out;
}

const numel = (shape) => shape.reduce((a, b) => a * b, 1);

// Where JSON.parse stopped, as an editor counts (1-based): V8 names the "position" (a UTF-16 offset) of the
// bad character, except for a text that ends too soon ("Unexpected end of JSON input": its end) or one that is
// not JSON from its first character on (no position: that character).
function jsonErrorPlace(text, error) {
  const at = /position (\d+)/.exec(error.message);
  const offset = at
    ? Math.min(Number(at[1]), text.length)
    : /end of JSON/.test(error.message)
      ? text.length
      : Math.max(text.search(/\S/), 0);
  const lines = text.slice(0, offset).split(/\r\n|\r|\n/);
  return { line: lines.length, column: [...lines[lines.length - 1]].length + 1 };
}

/**
 * Reads the text of a saved Helix file: {format, family, file (the parsed JSON), spec, weights: Map name ->
 * {shape, data: Float32Array}}. Throws ExportError naming the field of each problem.
 */
export function readHelixFile(text) {
  let file;
  try {
    file = JSON.parse(text);
  } catch (e) {
    const { line, column } = jsonErrorPlace(text, e);
    throw new ExportError([
      {
        line,
        column,
        field: '',
        message: `line ${line}, column ${column}: not a Helix model file: the text is not valid JSON (${e.message})`,
      },
    ]);
  }
  let family;
  try {
    family = familyOfFile(file, FAMILIES);
  } catch (e) {
    if (!(e instanceof HelixInputError)) throw e;
    throw new ExportError(
      e.errors.map((err) => ({ ...err, message: `${err.message} (export needs a saved model file, not a bare spec)` })),
    );
  }
  const errors = [];
  const weights = new Map();
  for (const [name, w] of Object.entries(file.weights ?? {})) {
    const bytes = typeof w?.data === 'string' ? base64Decode(w.data) : null;
    if (!Array.isArray(w?.shape) || !bytes || bytes.length !== numel(w.shape) * 4) {
      errors.push({
        field: `weights.${name}`,
        message: `weights.${name}: is not ${w?.shape ? numel(w.shape) : '?'} float32 values in base64`,
      });
      continue;
    }
    weights.set(name, { shape: w.shape, data: new Float32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4) });
  }
  if (errors.length) throw new ExportError(errors);
  return { format: file.format, family, file, spec: file.spec, weights };
}

/** The file's text with `weights` (Map name -> {shape, data}) in place of its own, in the same key order. */
export function writeHelixFile(parsed, weights, metadata = undefined) {
  const out = { ...parsed.file, weights: {} };
  for (const [name, w] of weights) {
    const bytes = new Uint8Array(w.data.buffer, w.data.byteOffset, w.data.length * 4);
    out.weights[name] = { shape: w.shape, dtype: 'float32', data: base64Encode(bytes) };
  }
  if (metadata !== undefined) out.metadata = metadata;
  return JSON.stringify(out);
}

export { numel };
