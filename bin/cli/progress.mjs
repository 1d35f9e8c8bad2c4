// bin/cli/progress.mjs: training progress on stderr. A terminal sees the current batch rewritten in place and a
// line per epoch; a pipe or a file gets only the lines. An 'error' event (divergence) is not printed here:
// fitWithCtrlC prints the run's error once.

const fmt = (x, digits) => (x == null ? 'n/a' : x.toFixed(digits));

/** A score for a summary line: 4 decimals, or n/a when the run has none. */
export const score = (x) => fmt(x, 4);

/** "best epoch 7 of 12 (stopped early)": how a run that stops early ended. */
export const bestEpoch = (s) =>
  `best epoch ${s.bestEpoch} of ${s.epochsRun}${s.stoppedEarly ? ' (stopped early)' : ''}`;

/**
 * The onProgress of a run with epochs (and batches, when the family reports them); `validation(p)` says what
 * the epoch's line shows of the validation set (default: AUROC and loss, or the loss alone).
 */
export function epochPrinter(quiet, validation = defaultValidation) {
  const tty = process.stderr.isTTY;
  return (p) => {
    if (quiet) return;
    if (p.type === 'epoch') {
      process.stderr.write(
        `${tty ? '\r\x1b[K' : ''}epoch ${p.epoch}/${p.epochs} · loss ${p.loss.toFixed(4)}${validation(p)} · ` +
          `${p.seconds.toFixed(1)} s\n`,
      );
    } else if (p.type === 'batch' && tty) {
      process.stderr.write(
        `\r\x1b[Kepoch ${p.epoch}/${p.epochs} · batch ${p.batch}/${p.batches} · loss ${p.loss.toFixed(4)}`,
      );
    }
  };
}

function defaultValidation(p) {
  if (p.valAuroc != null) return ` · validation AUROC ${p.valAuroc.toFixed(3)} loss ${p.valLoss.toFixed(4)}`;
  return p.valLoss != null ? ` · validation loss ${p.valLoss.toFixed(4)}` : '';
}

/** The onProgress of a run counted in steps (GANs): about 20 lines per run, the current step in place on a terminal. */
export function stepPrinter(quiet, show) {
  const tty = process.stderr.isTTY;
  return (p) => {
    if (quiet || p.type === 'error') return;
    const every = Math.max(1, Math.round(p.steps / 20));
    if (p.step % every === 0 || p.step === p.steps) process.stderr.write(`${tty ? '\r\x1b[K' : ''}${show(p)}\n`);
    else if (tty) process.stderr.write(`\r\x1b[K${show(p)}`);
  };
}
