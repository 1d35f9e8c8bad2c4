// js/genome/checksum.js: SHA-256 of a file read a piece at a time, for the dataset manifest: a multi-gigabyte
// genome is hashed without being held in memory. Node hashes with node:crypto (2 GB in about 5 s here); the
// browser with @noble/hashes (about 70 MB/s: WebCrypto cannot hash a stream).
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

const PIECE = 1 << 20;

/** The hex SHA-256 of an opened source ({handle, size}); `signal` cancels between pieces. */
export async function sha256OfSource(src, { signal } = {}) {
  const h = await hasher();
  for (let pos = 0; pos < src.size; pos += PIECE) {
    signal?.throwIfAborted();
    h.update(await src.handle.read(Math.min(PIECE, src.size - pos), pos));
  }
  return h.hex();
}

// An incremental SHA-256: {update(bytes), hex()}.
async function hasher() {
  if (globalThis.process?.versions?.node) {
    const { createHash } = await import('node:crypto');
    const h = createHash('sha256');
    return { update: (b) => h.update(b), hex: () => h.digest('hex') };
  }
  const h = sha256.create();
  return { update: (b) => h.update(b), hex: () => bytesToHex(h.digest()) };
}

/** {bytes, sha256} of the UTF-8 text that `pieces` (strings) make together, encoded one piece at a time. */
export async function digestOfPieces(pieces) {
  const h = await hasher();
  const encoder = new TextEncoder();
  let bytes = 0;
  for (const piece of pieces) {
    const b = encoder.encode(piece);
    bytes += b.length;
    h.update(b);
  }
  return { bytes, sha256: h.hex() };
}

/** The hex SHA-256 of a string (UTF-8) or bytes. */
export const sha256OfText = (text) =>
  bytesToHex(sha256(typeof text === 'string' ? new TextEncoder().encode(text) : text));
