// bin/cli/files.mjs: reading the files a command names. A file that cannot be read is a UsageError naming it;
// an input error the engine finds in a file is tagged with the file's path (withFile), so that it prints as
// `path: line L, column C: message`.
import { readFile, stat } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { HelixInputError } from '../../js/helix.js';
import { UsageError, need } from './args.mjs';

const cannotRead = (what, path, e) =>
  new UsageError(`cannot read ${what} '${path}': ${e.code === 'ENOENT' ? 'no such file' : e.message}`);

/** The file's text (UTF-8). */
export async function readText(path, what) {
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    throw cannotRead(what, path, e);
  }
}

/** The file's text, decompressed first when it is gzip (magic 1f 8b): the engine takes text. */
export async function readMaybeGzipText(path, what) {
  let bytes;
  try {
    bytes = await readFile(path);
  } catch (e) {
    throw cannotRead(what, path, e);
  }
  if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      bytes = gunzipSync(bytes);
    } catch (e) {
      throw new UsageError(`cannot decompress ${what} '${path}': ${e.message}`);
    }
  }
  return bytes.toString('utf8');
}

/** Runs fn (sync or async) and tags an input error with the file (or option) it came from. */
export async function withFile(path, fn) {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof HelixInputError) e.file = path;
    throw e;
  }
}

/**
 * Runs fn (an engine API load of several texts) and tags an input error with the file of the text it is in:
 * `files[e.source]` ('nodes', 'edges', 'matrix', 'labels'...), else `fallback`.
 */
export function withSourceFiles(files, fn, fallback) {
  try {
    return fn();
  } catch (e) {
    if (e instanceof HelixInputError) e.file = files[e.source] ?? fallback;
    throw e;
  }
}

// Training and evaluation hold the whole table in the engine's memory (the threaded build's heap is 512 MB):
// a 100 MB table of 100-base sequences fits (measured: its run starts in 30 s), a 160 MB one aborts the
// engine. A larger file is refused before it is read, with the limit. (predict streams: no limit.)
const MAX_TABLE_MB = 100;

/**
 * The table's text (a gzipped table inflated, as web/data/profile.tsv.gz), or a HelixInputError naming it when
 * it, or its inflated text, is larger than training can hold.
 */
export async function readTable(path) {
  const tooLarge = (size) => {
    const e = new HelixInputError([
      {
        message:
          `${(size / 1e6).toFixed(1)} MB is more than the ${MAX_TABLE_MB} MB that ` +
          'training and evaluation hold in memory; use a sample of the table (helix predict takes files of any size)',
      },
    ]);
    e.file = path;
    return e;
  };
  let size = 0;
  try {
    size = (await stat(path)).size;
  } catch {
    // readMaybeGzipText says what is wrong with the path
  }
  if (size > MAX_TABLE_MB * 1e6) throw tooLarge(size);
  const text = await readMaybeGzipText(path, 'data');
  if (text.length > MAX_TABLE_MB * 1e6) throw tooLarge(text.length);
  return text;
}

/**
 * The saved model that --model names, opened by `open(text)` (a loader of the engine API), then given its data
 * by `feed(model)` when the family reads its data into the model (graphs, matrices).
 */
export async function openModel(args, open, feed = null) {
  const path = need(args, 'model');
  const text = await readText(path, 'model file');
  const model = await withFile(path, () => open(text));
  await feed?.(model);
  return model;
}

/**
 * The spec text that --spec or --preset names (a preset's name is the text: the engine reads it) and where it
 * came from (for errors); a UsageError when neither is given.
 */
export async function specSource(args) {
  if (args.spec) return { text: await readText(args.spec, 'spec'), source: args.spec };
  if (args.preset) return { text: args.preset, source: '--preset' };
  throw new UsageError('give a model: --preset NAME or --spec spec.json');
}
