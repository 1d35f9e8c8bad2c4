// web/playground/recovery.js: what the playground does when its engine dies (the worker killed or closed, or the
// engine aborted: out of memory, a failed check): says so at once in the status line, starts a fresh engine and
// puts back the last model it kept (state.kept: the last trained or loaded model, or the last epoch's
// checkpoint), so the texts on the page, the spec and that model all survive. Where the cause is known it says
// what to change (out of memory: a smaller model, batch or sequences).
import { t } from '../strings.js';

export function recoveryController(ctx) {
  const { state, status, engine } = ctx;
  let recovering = null;

  // The status line's words for `crash` (an EngineCrash of web/engine/client.js).
  function crashMessage(crash) {
    if (crash.kind === 'oom') {
      const settings = ctx.model.settings();
      return t('crashOutOfMemory', { batch: settings.batchSize ?? '?' });
    }
    if (crash.kind === 'abort') return t('crashAborted', { message: crash.message });
    return t('crashStopped');
  }

  async function recover(crash) {
    status.set(`${crashMessage(crash)} ${t('crashRestarting')}`, 'error');
    state.models.clear();
    state.predicting = false;
    ctx.refresh();
    let info;
    try {
      info = await engine.init();
    } catch (err) {
      status.set(t('statusEngineError', { message: err.message }), 'error');
      return;
    }
    status.setBackend(info.backend);
    const kept = state.kept;
    let tail = t('crashRecoveredNoModel');
    if (kept && (await ctx.files.load(kept.file, t('restoreModelName'))))
      tail = Number.isInteger(kept.epoch) ? t('crashRecoveredModel', { epoch: kept.epoch }) : t('crashRecoveredLoaded');
    status.set(`${crashMessage(crash)} ${tail}`, 'error');
  }

  // The engine client's onCrash: one recovery at a time (a crash during one is handled by the next call).
  function onCrash(crash) {
    if (crash.kind === 'load' || crash.kind === 'closed') return; // nothing to restart: it never ran, or we closed it
    recovering = (recovering ?? Promise.resolve()).then(() => recover(crash)).finally(() => (recovering = null));
  }

  return { onCrash };
}
