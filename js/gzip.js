// js/gzip.js: gzip-compressed text (an expression.tsv.gz) to a string, in the browser and in Node 18+,
// with the platform's DecompressionStream. The engine takes text: callers decompress first.
//   const text = isGzip(bytes) ? await gunzipText(bytes) : new TextDecoder().decode(bytes);

/** True when `bytes` (Uint8Array or ArrayBuffer) start with the gzip magic number 1f 8b. */
export function isGzip(bytes) {
  const b = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  return b.length >= 2 && b[0] === 0x1f && b[1] === 0x8b;
}

/** Decompresses gzip `bytes` (Uint8Array, ArrayBuffer or Blob) and decodes them as UTF-8. */
export async function gunzipText(bytes) {
  const blob = bytes instanceof Blob ? bytes : new Blob([bytes]);
  const stream = blob.stream().pipeThrough(new DecompressionStream('gzip'));
  return new Response(stream).text();
}
