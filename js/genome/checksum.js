// js/genome/checksum.js: SHA-256 of a file read a piece at a time (@noble/hashes: the same in the browser and in
// Node), for the dataset manifest: a multi-gigabyte genome is hashed without being held in memory.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

const PIECE = 8 << 20;

/** The hex SHA-256 of an opened source ({handle, size}); `signal` cancels between pieces. */
export async function sha256OfSource(src, { signal } = {}) {
  const h = sha256.create();
  for (let pos = 0; pos < src.size; pos += PIECE) {
    signal?.throwIfAborted();
    h.update(await src.handle.read(Math.min(PIECE, src.size - pos), pos));
  }
  return bytesToHex(h.digest());
}

/** The hex SHA-256 of a string (UTF-8) or bytes. */
export const sha256OfText = (text) =>
  bytesToHex(sha256(typeof text === 'string' ? new TextEncoder().encode(text) : text));
