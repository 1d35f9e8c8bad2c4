// bin/atomic-write.mjs: every file the `helix` command writes goes through writeAtomically: the data go to a
// temporary name beside the file, then a rename puts them in place, so a reader never sees half a file. A
// Ctrl-C while a write is going removes the temporary file before the process exits (130): nothing is left
// half-written, and no temporary file is left behind.
import { writeFile, rename, rm } from 'node:fs/promises';
import { unlinkSync } from 'node:fs';

const pending = new Set();  // temporary files being written

function removePendingAndExit() {
  for (const tmp of pending) {
    try {
      unlinkSync(tmp);
    } catch {
      // already renamed into place (complete) or never created
    }
  }
  process.stderr.write('\ncancelled while writing: nothing half-written is left\n');
  process.exit(130);
}

/** Writes `data` (string or bytes) to `path` through `path.tmp-<pid>` and a rename. */
export async function writeAtomically(path, data) {
  const tmp = `${path}.tmp-${process.pid}`;
  if (pending.size === 0) process.on('SIGINT', removePendingAndExit);
  pending.add(tmp);
  try {
    await writeFile(tmp, data);
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  } finally {
    pending.delete(tmp);
    if (pending.size === 0) process.off('SIGINT', removePendingAndExit);
  }
}
