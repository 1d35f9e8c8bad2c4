// js/genome/text-lines.js: the text of a small tabular file (BED, narrowPeak), plain or gzip (any gzip: these are
// read whole, not by random access), decompressed by the platform's DecompressionStream.
import { readAll } from './file-source.js';
import { isGzip, gunzipText } from '../gzip.js';
import { fileError } from './file-error.js';

/** The file's text; gzip is inflated first. A file that is binary but not gzip is an error at line 1. */
export async function readTextFile(src) {
  const bytes = await readAll(src);
  let text;
  if (isGzip(bytes)) {
    try {
      text = await gunzipText(bytes);
    } catch (e) {
      throw fileError(src.name, {
        line: 1,
        column: 1,
        message: `line 1, column 1: ${src.label} is gzip but does not inflate (${e.message})`,
      });
    }
  } else text = new TextDecoder().decode(bytes);
  const nul = text.indexOf('\0');
  if (nul >= 0) {
    const line = text.slice(0, nul).split('\n').length;
    throw fileError(src.name, { line, column: 1, message: `line ${line}, column 1: binary file, not text` });
  }
  return text.replace(/^\uFEFF/, '');
}
