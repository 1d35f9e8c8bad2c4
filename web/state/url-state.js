// web/state/url-state.js: the playground's setup in the URL hash, so a link reproduces a run. One row per field
// (web/state/fields.js) drives both directions; a value that does not read (a typo, a range) is dropped and named, never thrown.
//   #preset=cnn-binding&data=gata&epochs=15&lr=0.001&batch=64&seed=1&lang=zh
//   &spec=<edited spec>&own=<pasted table>&own2=<second table>   (packed: gzip, then base64url)
// Pasted data goes in only when it packs to at most MAX_PACKED_DATA bytes; `encodeState` says when it did not.
import { FIELDS, fieldAccepts } from './fields.js';
import { languageOf } from '../strings.js';
import { gunzipText } from '../../js/gzip.js';

export const MAX_PACKED_DATA = 2048; // bytes of gzip, before base64url (which adds a third)
const MAX_RAW_DATA = 256 * 1024; // characters; DNA packs to about a quarter, far above the limit

const toBase64Url = (bytes) => {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
};

const fromBase64Url = (text) => {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
};

// Text -> gzip bytes (CompressionStream: browsers and Node 18+).
export async function gzipText(text) {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

export const packText = async (text) => toBase64Url(await gzipText(text));
export const unpackText = (packed) => gunzipText(fromBase64Url(packed));

// A field's text from the hash -> its value, or undefined when it does not read.
async function readField(field, text) {
  if (field.type === 'name') return /^[\w.-]{1,64}$/.test(text) ? text : undefined;
  if (field.type === 'language') return languageOf(text) ?? undefined;
  if (field.type === 'number') {
    const value = Number(text);
    return text.trim() !== '' && fieldAccepts(field, value) ? value : undefined;
  }
  try {
    return await unpackText(text);
  } catch {
    return undefined;
  }
}

// '#preset=…&…' (or '' / '#') -> { state, problems }: state holds the fields that read, problems names the
// hash keys that did not (unknown keys are ignored: a later Helix may add some). With `presets` (the names
// this Helix has), a preset not among them is a problem too.
export async function decodeState(hash, { presets = null } = {}) {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const state = {};
  const problems = [];
  for (const field of FIELDS) {
    if (!params.has(field.param)) continue;
    const value = await readField(field, params.get(field.param));
    if (value === undefined || (field.name === 'preset' && presets && !presets.includes(value)))
      problems.push(field.param);
    else state[field.name] = value;
  }
  return { state, problems };
}

// state ({ preset, data, epochs, …, main, second }) -> { hash, data } where data says whether the user's table
// went in: { included: bool, bytes } (bytes: its packed size, or its length when too long to try), or null
// when no table of the user's is chosen.
export async function encodeState(state) {
  const params = new URLSearchParams();
  let data = null;
  const packed = {};
  const raw = (state.main?.length ?? 0) + (state.second?.length ?? 0);
  if (state.data === 'own' && raw > MAX_RAW_DATA) {
    data = { included: false, bytes: raw }; // no need to compress a large file to know it will not fit
  } else if (state.data === 'own' && raw > 0) {
    const main = state.main ? await gzipText(state.main) : new Uint8Array();
    const second = state.second ? await gzipText(state.second) : new Uint8Array();
    const bytes = main.length + second.length;
    data = { included: bytes <= MAX_PACKED_DATA, bytes };
    if (data.included)
      Object.assign(packed, {
        main: main.length ? toBase64Url(main) : undefined,
        second: second.length ? toBase64Url(second) : undefined,
      });
  }
  if (state.spec) packed.spec = await packText(state.spec);
  for (const field of FIELDS) {
    const value = field.type === 'packed' ? packed[field.name] : state[field.name];
    if (value !== undefined && value !== null && value !== '') params.set(field.param, String(value));
  }
  return { hash: `#${params}`, data };
}

// "1.4 KB", "230 B"
export const formatBytes = (bytes) => (bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KB`);
