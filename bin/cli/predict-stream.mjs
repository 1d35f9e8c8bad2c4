// bin/predict-stream.mjs: `helix predict` on a file of any size. The file is read as a stream and cut into
// pieces of whole records (js/record-chunks.js); each piece is predicted and its rows written before
// the next is read, so memory holds one piece whatever the file's size, and stderr shows the progress.
// --out is written under a temporary name and renamed at the end: an error or Ctrl-C leaves no half a file.
import { createReadStream, createWriteStream } from 'node:fs';
import { stat, rename, unlink } from 'node:fs/promises';
import { RecordChunker } from '../../js/record-chunks.js';
import { removeOnInterrupt } from './atomic-write.mjs';

const READ_BYTES = 1 << 20;

// Predicts every record of `inputPath` with `model` (helix.js Model); rows go to `outPath` or stdout as
// `toTsv(rows)` makes them (its first line, the header, is written once). Throws HelixInputError naming the
// whole file's line of a bad record (rows before its piece may already be on stdout; --out gets nothing).
export async function predictFile(model, { inputPath, outPath, quiet, toTsv, fail }) {
  let size;
  try {
    size = (await stat(inputPath)).size;
  } catch (e) {
    fail(`cannot read input '${inputPath}': ${e.code === 'ENOENT' ? 'no such file' : e.message}`);
  }
  const tmp = outPath ? `${outPath}.tmp-${process.pid}` : null;
  const unregister = tmp ? removeOnInterrupt(tmp) : () => {}; // Ctrl-C removes the partial output
  const out = tmp ? createWriteStream(tmp) : process.stdout;
  const progress = progressLine(size, quiet);
  let records = 0;
  let header = true;
  const write = async (pieces) => {
    for (const piece of pieces) {
      const rows = model.predictPiece(piece);
      if (!rows.length) continue;
      let tsv = toTsv(rows);
      if (!header) tsv = tsv.slice(tsv.indexOf('\n') + 1);
      header = false;
      records += rows.length;
      if (!out.write(tsv)) await new Promise((resolve) => out.once('drain', resolve));
    }
  };
  try {
    const chunker = new RecordChunker();
    const input = createReadStream(inputPath, { encoding: 'utf8', highWaterMark: READ_BYTES });
    for await (const text of input) {
      await write(chunker.push(text));
      progress(records, input.bytesRead);
    }
    await write(chunker.end());
    progress(records, size, true);
    if (tmp) {
      await new Promise((resolve, reject) => out.end((err) => (err ? reject(err) : resolve())));
      await rename(tmp, outPath);
    }
  } catch (e) {
    if (tmp) {
      out.destroy();
      await unlink(tmp).catch(() => {});
    }
    progress.clear();
    throw e;
  } finally {
    unregister();
  }
  return records;
}

// "predicted 120,000 sequences · 12.0 of 100.0 MB" on stderr: rewritten in place on a terminal, else a line
// every 10% (and none for a file that fits in one piece).
function progressLine(totalBytes, quiet) {
  const tty = process.stderr.isTTY;
  const mb = (bytes) => (bytes / 1e6).toFixed(1);
  let lastPrinted = 0;
  let shown = false;
  const show = (records, bytes, done = false) => {
    if (quiet) return;
    const line = `predicted ${records.toLocaleString('en')} sequences · ${mb(bytes)} of ${mb(totalBytes)} MB`;
    if (tty) {
      process.stderr.write(`\r\x1b[K${line}${done ? '\n' : ''}`);
      shown = !done;
      return;
    }
    const tenth = Math.floor((10 * bytes) / Math.max(totalBytes, 1));
    if (totalBytes > 4e6 && (done || (tenth > lastPrinted && tenth < 10))) {
      process.stderr.write(`${line}\n`);
      lastPrinted = tenth;
    }
  };
  show.clear = () => shown && process.stderr.write('\r\x1b[K');
  return show;
}
