// bin/cli/exit.mjs: how the `helix` command ends. Exit 0 when the command succeeded, 1 for bad input (each
// error as `helix: file: line L, column C: message`), 2 for bad usage (the message, then the usage). The
// process exits once stdout and stderr have drained: a pipe (helix simulate | head) must get all of the
// output, and the threaded engine's workers would otherwise keep the process alive.
import { HelixInputError } from '../../js/helix.js';
import { UsageError } from './args.mjs';

export function exitAfterFlush(code) {
  let pending = 2;
  const done = () => --pending === 0 && process.exit(code);
  process.stdout.write('', done);
  process.stderr.write('', done);
}

/** Prints what went wrong and exits with its code; `usage` is the text to show after a UsageError. */
export function exitWithError(e, usage) {
  if (e instanceof UsageError) {
    process.stderr.write(`helix: ${e.message}\n\n${usage}\n`);
    return exitAfterFlush(2);
  }
  if (e instanceof HelixInputError) {
    const where = e.file ? `${e.file}: ` : '';
    for (const err of e.errors) process.stderr.write(`helix: ${where}${err.message}\n`);
    if (e.moreErrors) process.stderr.write(`helix: ${where}and ${e.moreErrors} more\n`);
    return exitAfterFlush(1);
  }
  process.stderr.write(`helix: ${e.stack ?? e}\n`);
  return exitAfterFlush(1);
}
