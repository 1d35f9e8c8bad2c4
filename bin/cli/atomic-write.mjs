// bin/atomic-write.mjs: every file the `helix` command writes goes through writeAtomically: the data go to a
// temporary name beside the file, then a rename puts them in place, so a reader never sees half a file. A
// Ctrl-C while a write is going removes the temporary file, then the process dies of the signal (the shell sees
// 130): nothing is left half-written, and no temporary file is left behind.
import { rename, rm } from 'node:fs/promises';
import { openSync, closeSync, unlinkSync, writeFile } from 'node:fs';
import { promisify } from 'node:util';

const writeFd = promisify(writeFile);

const pending = new Set(); // temporary files being written

function removePendingAndExit() {
  for (const tmp of pending) {
    try {
      unlinkSync(tmp);
    } catch {
      // already renamed into place (complete) or never created
    }
  }
  process.stderr.write('\ncancelled while writing: nothing half-written is left\n');
  dieOfSigint();
}

/**
 * Ends the process as an unhandled Ctrl-C does: the signal again with no listener left, so the default action
 * kills it at once (the shell reports 130). process.exit() would first wait for the engine's threads to be torn
 * down, which takes up to seconds on a busy machine.
 */
export function dieOfSigint() {
  process.removeAllListeners('SIGINT');
  process.kill(process.pid, 'SIGINT');
}

/**
 * Registers a temporary file that a Ctrl-C must remove (one a stream writes, as helix predict's --out); returns
 * the function that unregisters it once the file is renamed into place or removed.
 */
export function removeOnInterrupt(tmp) {
  if (pending.size === 0) process.on('SIGINT', removePendingAndExit);
  pending.add(tmp);
  return () => {
    pending.delete(tmp);
    if (pending.size === 0) process.off('SIGINT', removePendingAndExit);
  };
}

/** Writes `data` (string or bytes, or an array of strings written one after another) to `path` through
 * `path.tmp-<pid>` and a rename. */
export async function writeAtomically(path, data) {
  const tmp = `${path}.tmp-${process.pid}`;
  const done = removeOnInterrupt(tmp);
  try {
    // Created before the first await, so a Ctrl-C handled from here on always finds it to remove.
    const fd = openSync(tmp, 'w');
    try {
      for (const piece of Array.isArray(data) ? data : [data]) await writeFd(fd, piece);
    } finally {
      closeSync(fd);
    }
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  } finally {
    done();
  }
}
