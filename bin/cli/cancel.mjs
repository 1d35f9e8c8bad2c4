// bin/cli/cancel.mjs: a training run under Ctrl-C. Ctrl-C stops it at once: the process dies of the signal
// (the shell sees 130); nothing has been written yet and nothing will be, so the process leaves without waiting
// for the run's summary.
import { dieOfSigint } from './atomic-write.mjs';

/**
 * Runs fit(signal) and resolves to its summary, or to null when there is nothing to write: the run was
 * cancelled (exit 130) or diverged (exit 1, the message printed; no model is written, though the API's model
 * keeps the weights from before the bad step).
 */
export async function fitWithCtrlC(fit) {
  const controller = new AbortController();
  const onSigint = () => {
    controller.abort();
    process.stderr.write('\ncancelled: nothing was written\n');
    dieOfSigint();
  };
  process.once('SIGINT', onSigint);
  let summary;
  try {
    summary = await fit(controller.signal);
  } finally {
    process.off('SIGINT', onSigint);
  }
  if (summary.cancelled) {
    process.exitCode = 130;
    return null;
  }
  if (summary.error) {
    process.stderr.write(`${process.stderr.isTTY ? '\n' : ''}helix: ${summary.error}\nhelix: nothing was written\n`);
    process.exitCode = 1;
    return null;
  }
  return summary;
}
