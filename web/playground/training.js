// web/playground/training.js: a training run as the playground shows it, the same for every family: the
// controls locked, progress and curves fed, the status in the family's terms, engine errors put where they
// belong, then the family's result view. What differs by family comes from its module (web/families/).
import { t } from '../strings.js';

// The status line after a run.
function summaryMessage(family, summary) {
  if (summary.cancelled) {
    if (summary.stepsRun !== undefined)
      return t('statusCancelledSteps', { stepsRun: summary.stepsRun, steps: summary.steps ?? '?' });
    return t(summary.epochsRun > 0 ? 'statusCancelledModel' : 'statusCancelled', {
      epochsRun: summary.epochsRun ?? 0,
      epochs: summary.epochs ?? summary.history?.length ?? '?',
    });
  }
  const trained = family.trainedMessage(summary, Math.round(summary.seconds ?? 0));
  return summary.stoppedEarly ? `${trained} ${t('statusStoppedEarly', summary)}` : trained;
}

// Whether a run left a model: one cancelled after some epochs (or steps) keeps it; one that diverged keeps the
// weights from before its bad step (summary.diverged).
const leftModel = (summary) =>
  summary.cancelled
    ? (summary.epochsRun > 0 || summary.stepsRun > 0) && summary.hasModel !== false
    : !summary.error || Boolean(summary.diverged);

export function trainingController(ctx) {
  const { state, engine, status, progress, chart } = ctx;

  // The chart's curves for `family` with `spec` (a multi-head model: a curve per head).
  function configureChart(family, spec) {
    chart.configure({ mode: family.curves, metric: family.chartMetric, tasks: family.chartTasks(spec) });
  }

  // Runs `work(onProgress)` as a training run: locks the controls, feeds progress and curves, reports.
  // run.offset: the epochs done before (a resumed run: its events are numbered on from there, out of run.epochs).
  async function trainingRun(work, { chartSpec, family = state.family, offset = 0, epochs = null } = {}) {
    Object.assign(state, { training: true, cancelling: false });
    ctx.refresh();
    ctx.model.setDisabled(true);
    ctx.data.clearErrors();
    if (!offset) configureChart(family, chartSpec ?? ctx.currentSpec());
    progress.start();
    status.set(t('statusTrainingStart'), 'busy');
    let shown = 0;
    try {
      const summary = await work((p) => {
        if (state.cancelling) return;
        if (offset && p.epoch !== undefined) p = { ...p, epoch: p.epoch + offset, epochs: epochs ?? p.epochs };
        if (p.checkpoint) ctx.autosave?.epoch(p, { offset });
        progress.update(p);
        chart.append(p);
        if (!p.steps && (p.type === 'epoch' || (p.type === undefined && p.epoch !== undefined)))
          ctx.onEvent('epoch', p); // (a GAN counts steps, not epochs)
        const mark = p.steps ? Math.floor(p.step / 25) : p.epoch;
        if (mark !== shown) status.set(p.steps ? t('statusTrainingSteps', p) : t('statusTraining', p), 'busy');
        shown = mark;
      });
      progress.finish(summary);
      if (summary.error) status.set(t('statusTrainError', { message: summary.error }), 'error');
      else status.set(summaryMessage(family, summary), summary.cancelled ? 'info' : 'done');
      return summary;
    } catch (err) {
      progress.finish(null);
      showTrainError(err);
      return null;
    } finally {
      state.training = false;
      ctx.model.setDisabled(false);
      ctx.refresh();
    }
  }

  // Engine errors go where they belong: the data box they name (by line), else the model panel.
  function showTrainError(err) {
    if (err.name === 'EngineCrash') return; // the recovery says what happened (web/playground/recovery.js)
    const errors = err.errors ?? [];
    const list = errors.length ? errors : err.message;
    const located = errors.filter((e) => e.line > 0);
    const toModel = err.stage === 'model' || (err.stage !== 'data' && errors.some((e) => e.field && !(e.line > 0)));
    const second = err.source === 'edges' || err.source === 'labels';
    if (located.length || (!toModel && err.stage === 'data'))
      ctx.data.showErrors(list, { moreErrors: err.moreErrors, select: true, source: second ? 'second' : 'main' });
    else if (err.name === 'AbortError' || !err.stage) status.set(t('errorGeneric', { message: err.message }), 'error');
    else ctx.model.showErrors(list);
    if (err.stage) status.set(t('statusTrainFailed'), 'error');
  }

  // A training run of a new model of `family`, built from `spec` (then `calls` made on it), on `input`. The
  // engine keeps the family's previous model when the run ends without one. -> the summary, or null.
  function trainNew(family, { spec, input, options, calls = [] }, { chartSpec } = {}) {
    const model = { spec, family: family.engine, setup: calls };
    const opts = { ...options, model, checkpoint: Boolean(ctx.autosave) };
    return trainingRun((onProgress) => engine.train(family.key, input, opts, onProgress), {
      chartSpec,
      family,
    });
  }

  // The Train button. -> the run's summary (null when it did not start or failed; the panels say why).
  async function train() {
    const settings = ctx.model.values();
    if (!settings.ok || state.training) return null;
    const { ok, spec, ...options } = settings;
    const family = state.family;
    const texts = ctx.data.values;
    const setup = family.setup(ctx);
    const summary = await trainNew(family, { spec, input: family.input(texts), options, calls: setup.calls });
    if (!summary) return null;
    if (summary.hasModel && !summary.cancelled) Object.assign(summary, setup.summary);
    const trained = leftModel(summary);
    if (trained) {
      state.models.add(family.key);
      ctx.resetExplanations(ctx.currentSpec()?.heads?.map((head) => head.name));
    }
    ctx.refresh();
    if (trained && family === state.family) await showResults(summary, texts);
    if (trained) {
      ctx.autosave?.finished(summary);
      ctx.myModels?.trained(summary);
    }
    ctx.onEvent('trained', { preset: ctx.model.preset, family: family.key, trained, summary });
    return summary;
  }

  // Continues the model in the engine (a checkpoint put back after a reload or a crash) from `epoch` to
  // `epochs`: the same data and settings but no seed, so the engine goes on from the current weights. Its
  // optimizer's moments, the shuffling's random state and the early stopping's best epoch start afresh (the
  // engine does not hand them out), so it is not the run that was interrupted, bit for bit.
  async function resume({ epoch, epochs }) {
    const settings = ctx.model.values();
    if (!settings.ok || state.training || !state.hasModel()) return null;
    const { ok, spec, seed, ...options } = settings;
    const family = state.family;
    const texts = ctx.data.values;
    const opts = { ...options, epochs: Math.max(1, epochs - epoch), checkpoint: Boolean(ctx.autosave) };
    status.set(t('statusResuming', { epoch, epochs }), 'busy');
    const summary = await trainingRun((onProgress) => engine.train(family.key, family.input(texts), opts, onProgress), {
      family,
      offset: epoch,
      epochs,
    });
    if (!summary) return null;
    ctx.refresh();
    if (leftModel(summary)) {
      await showResults(summary, texts);
      ctx.autosave?.finished(summary);
    }
    ctx.onEvent('trained', { preset: ctx.model.preset, family: family.key, trained: leftModel(summary), summary });
    return summary;
  }

  // The current family's result view after a run (or a loaded model's scores).
  async function showResults(summary, texts) {
    try {
      await ctx.resultView(state.family)?.show?.(summary, texts);
      ctx.results.setHasResult(true);
    } catch (err) {
      status.set(t('errorGeneric', { message: err.message }), 'error');
    }
  }

  // The worker acknowledges a cancel between two engine steps; the run's summary (the kept weights scored) follows.
  async function cancel() {
    if ((await engine.cancel()) && state.training) {
      state.cancelling = true;
      progress.cancelButton.disabled = true;
      status.set(t('statusCancelling'), 'info');
    }
  }

  return { train, trainNew, trainingRun, resume, showResults, cancel, configureChart };
}
