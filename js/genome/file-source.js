// js/genome/file-source.js: the one adapter between what a person picks and the GMOD readers: a browser `File`
// (or any Blob) is read by File.slice, a Node path by positioned reads; neither is ever read whole.
//   const src = await openSource(file);           // {name, size, handle}: handle is a generic-filehandle2 handle
//   const bytes = await src.handle.read(16, 0);    // the first 16 bytes
import { BlobFile } from 'generic-filehandle2';
import { fileError } from './file-error.js';

const isBlob = (x) => typeof Blob !== 'undefined' && x instanceof Blob;

/** The name a source goes by: a File's name, a Node path as given (errors are tagged with it). */
export const sourceName = (source) => (typeof source === 'string' ? source : (source?.name ?? 'file'));

/** The short name messages use: the file's name without its directories. */
export const labelOf = (name) => name.replace(/^.*[\\/]/, '');

/**
 * An opened source: {name, size, handle}. `source` is a browser File/Blob or (in Node) a path; `role` says
 * what it is for in messages ('genome', 'peaks'...). A path that cannot be opened is a HelixInputError on `role`.
 */
export async function openSource(source, role) {
  if (isBlob(source))
    return {
      name: sourceName(source),
      label: labelOf(sourceName(source)),
      size: source.size,
      handle: new BlobFile(source),
    };
  if (typeof source !== 'string') throw fileError(role, { field: role, message: `${role}: no file given` });
  // Only Node has paths; the import keeps the browser's module graph free of node:fs.
  const { LocalFile } = await import('generic-filehandle2');
  const handle = new LocalFile(source);
  let size;
  try {
    ({ size } = await handle.stat());
  } catch (e) {
    const why = e.code === 'ENOENT' ? 'no such file' : e.message;
    throw fileError(source, { field: role, message: `cannot read the ${role} file: ${why}` });
  }
  return { name: source, label: labelOf(source), size, handle: bounded(handle, size) };
}

// A handle whose reads stop at the end of the file: a damaged index or header can ask a reader for gigabytes
// (or 2^32 bytes, which aborts Node's fs.read), and must get the few bytes there are instead.
function bounded(handle, size) {
  return {
    read: (length, position = 0, opts) =>
      handle.read(Math.max(0, Math.min(length, size - position)), Math.max(0, Math.min(position, size)), opts),
    readFile: (opts) => handle.readFile(opts),
    stat: () => handle.stat(),
    close: () => handle.close?.(),
  };
}

/** Whether `source` (a path or a File) exists and can be read: used to find an index beside its file. */
export async function sourceExists(source) {
  if (isBlob(source)) return true;
  try {
    await openSource(source, 'file');
    return true;
  } catch {
    return false;
  }
}

/** The first `n` bytes (fewer for a shorter file), for telling formats apart. */
export const readHead = (src, n) => src.handle.read(Math.min(n, src.size), 0);

/** The whole source as bytes (for small files: BED, indexes). */
export const readAll = (src) => src.handle.read(src.size, 0);
