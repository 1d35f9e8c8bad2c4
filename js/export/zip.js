// js/export/zip.js: the ZIP container of .npz and torch.save files: read (stored or deflated
// entries) and write (stored entries). Deflate is undone by the platform: node:zlib in Node,
// DecompressionStream('deflate-raw') in browsers and workers.

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(bytes) {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 255] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export const isZip = (bytes) =>
  bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 3 && bytes[3] === 4;

async function inflateRaw(bytes) {
  if (typeof process === 'object' && process.versions?.node) {
    const { inflateRawSync } = await import('node:zlib');
    return new Uint8Array(inflateRawSync(bytes));
  }
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** The entries of a ZIP file: Map name -> bytes. Throws Error naming what is wrong. */
export async function readZip(bytes) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65557); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Error('not a ZIP file (no end of central directory)');
  let count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  if (count === 0xffff || at === 0xffffffff) {
    // ZIP64: the real values are in the ZIP64 end record
    const locator = end - 20;
    const record = Number(view.getBigUint64(locator + 8, true));
    count = Number(view.getBigUint64(record + 32, true));
    at = Number(view.getBigUint64(record + 48, true));
  }
  const entries = new Map();
  const decoder = new TextDecoder();
  for (let e = 0; e < count; e++) {
    if (view.getUint32(at, true) !== 0x02014b50) throw new Error('broken ZIP central directory');
    const method = view.getUint16(at + 10, true);
    let compressed = view.getUint32(at + 20, true);
    const nameLen = view.getUint16(at + 28, true),
      extraLen = view.getUint16(at + 30, true),
      commentLen = view.getUint16(at + 32, true);
    let local = view.getUint32(at + 42, true);
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLen));
    if (compressed === 0xffffffff || local === 0xffffffff) {
      // ZIP64 extra field: sizes, then the offset
      let x = at + 46 + nameLen;
      while (x < at + 46 + nameLen + extraLen) {
        const id = view.getUint16(x, true),
          size = view.getUint16(x + 2, true);
        if (id === 1) {
          let f = x + 4;
          if (view.getUint32(at + 24, true) === 0xffffffff) f += 8;
          if (compressed === 0xffffffff) {
            compressed = Number(view.getBigUint64(f, true));
            f += 8;
          }
          if (local === 0xffffffff) local = Number(view.getBigUint64(f, true));
        }
        x += 4 + size;
      }
    }
    const dataAt = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const raw = bytes.subarray(dataAt, dataAt + compressed);
    if (method === 0) entries.set(name, raw);
    else if (method === 8) entries.set(name, await inflateRaw(raw));
    else throw new Error(`${name}: ZIP compression method ${method} is not supported (stored or deflate)`);
    at += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** A ZIP file of stored (uncompressed) entries: Map name -> bytes. */
export function writeZip(entries) {
  const encoder = new TextEncoder();
  const parts = [],
    central = [];
  let offset = 0;
  for (const [name, data] of entries) {
    const n = encoder.encode(name),
      crc = crc32(data);
    const local = new Uint8Array(30 + n.length),
      lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint32(14, crc, true);
    lv.setUint32(18, data.length, true);
    lv.setUint32(22, data.length, true);
    lv.setUint16(26, n.length, true);
    local.set(n, 30);
    const c = new Uint8Array(46 + n.length),
      cv = new DataView(c.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint32(16, crc, true);
    cv.setUint32(20, data.length, true);
    cv.setUint32(24, data.length, true);
    cv.setUint16(28, n.length, true);
    cv.setUint32(42, offset, true);
    c.set(n, 46);
    parts.push(local, data);
    central.push(c);
    offset += local.length + data.length;
  }
  const size = central.reduce((a, c) => a + c.length, 0);
  const end = new Uint8Array(22),
    ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, entries.size, true);
  ev.setUint16(10, entries.size, true);
  ev.setUint32(12, size, true);
  ev.setUint32(16, offset, true);
  const out = new Uint8Array(offset + size + 22);
  let at = 0;
  for (const p of [...parts, ...central, end]) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
