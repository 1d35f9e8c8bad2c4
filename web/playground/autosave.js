// web/playground/autosave.js: the playground's work kept in this browser between visits (web/state/
// saved-session.js): the setup (preset, data choice and own texts, edited spec, settings), the last model (the
// trained one, or each epoch's checkpoint while a run goes), the results summary and its curves. Writes happen
// a moment after a change, after each epoch and after each finished job, in an idle callback: never in the way
// of training or typing. On arrival the kept work is offered in one click (data-testid restore-session), or
// put back silently when the page's link already holds the same setup. A run that was interrupted continues
// from its last saved epoch (resume-training): from that epoch's weights, not bit for bit (the engine does not
// hand out its optimizer, random and early-stopping state).
// Storage failures are said once in the status line; the page keeps working without them.
import { t } from '../strings.js';
import { SavedSession, tabId } from '../state/saved-session.js';
import { OWN_DATA } from '../views/data-panel.js';
import { RestoreOffer } from '../views/restore-offer.js';
import { storageErrorText } from '../views/my-models.js';
import { familyByKey } from '../families/index.js';

const CHANGE_DELAY_MS = 800;
const idle = (fn) => (globalThis.requestIdleCallback ? requestIdleCallback(fn, { timeout: 2000 }) : setTimeout(fn, 50));
const cancelIdle = (handle) => (globalThis.cancelIdleCallback ? cancelIdleCallback(handle) : clearTimeout(handle));

// The playground's setup as a record keeps it.
function currentSetup({ model, data }) {
  const own = data.selected === OWN_DATA;
  return {
    preset: model.preset,
    data: data.selected,
    main: own ? data.values.main : undefined,
    second: own ? data.values.second : undefined,
    spec: model.editedSpec(),
    settings: model.settings(),
  };
}

// Whether a link's setup (decodeState's state) is the record's: every field the link holds agrees.
function sameSetup(link, setup) {
  if (!link?.preset || link.preset !== setup.preset) return false;
  if ((link.data ?? setup.data) !== setup.data) return false;
  if ((link.spec ?? null) !== (setup.spec ?? null)) return false;
  if (link.main !== undefined && link.main !== setup.main) return false;
  return Object.entries(setup.settings ?? {}).every(([k, v]) => link[k] === undefined || link[k] === v);
}

// A summary as a record keeps it: plain data only, and without its per-example arrays when they are large.
function keptSummary(summary) {
  const plain = JSON.parse(JSON.stringify(summary));
  return JSON.stringify(plain).length < 1_000_000 ? plain : { test: plain.test, history: plain.history };
}

export function autosaveController(ctx, scope) {
  const { state, status } = ctx;
  let session = new SavedSession(scope);
  let enabled = false; // off until the arrival's offer is settled: the defaults must not overwrite kept work
  let timer = 0;
  let idleHandle = 0;
  let destroyed = false; // the playground was removed: no more writes (a pending one would keep its DOM alive)
  let failed = null; // the last StoreError said, so it is said once
  const offer = new RestoreOffer(ctx.byId('status')); // under the status line: shown whichever panels are
  // What the next write holds besides the setup (state.kept is the model crash recovery puts back).
  const kept = { results: null, interrupted: null };

  function write() {
    if (!enabled || destroyed) return;
    const fields = { setup: currentSetup(ctx), model: state.kept, ...kept };
    cancelIdle(idleHandle);
    idleHandle = idle(() =>
      session.save(fields).then(
        () => (failed = null),
        (err) => {
          if (failed?.kind !== err.kind) status.set(storageErrorText(err), 'error');
          failed = err;
        },
      ),
    );
  }

  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(write, CHANGE_DELAY_MS);
  };

  // The user typed or chose something: from now on this tab's work is written (the offer, if any, stays).
  function userChanged() {
    enabled = true;
    schedule();
  }

  // An epoch's event of the running training (with the worker's `checkpoint`, the model file at its end).
  function epoch(p, run) {
    if (!p.checkpoint) return;
    enabled = true;
    state.kept = { file: p.checkpoint, family: state.family.key, epoch: p.epoch };
    Object.assign(kept, { interrupted: { epoch: p.epoch, epochs: p.epochs, ...run }, results: null });
    write();
  }

  // A finished job: a training run (summary), or a model loaded from a file (summary null). The model file
  // comes from the engine after the run; the write waits for it.
  async function finished(summary) {
    enabled = true;
    try {
      const file = await ctx.engine.save(state.family.key);
      state.kept = { file, family: state.family.key, epoch: summary?.epochsRun ?? null };
    } catch {
      /* no model in the engine: keep the last one */
    }
    Object.assign(kept, { interrupted: null, results: summary ? keptSummary(summary) : null });
    write();
  }

  // Puts `record`'s work back: the setup, then its model into the engine, its curves and results.
  async function restore(record) {
    const { setup } = record;
    if (setup.preset in ctx.presets) ctx.model.selectPreset(setup.preset);
    if (setup.data === OWN_DATA) ctx.data.setOwnData({ main: setup.main ?? '', second: setup.second ?? '' });
    else if (setup.data && setup.data !== ctx.data.selected) await ctx.data.choose(setup.data);
    if (setup.spec) ctx.model.setSpecText(setup.spec);
    ctx.model.setSettings(setup.settings ?? {});
    Object.assign(kept, { results: record.results ?? null, interrupted: record.interrupted ?? null });
    state.kept = record.model ?? null;
    if (record.model) await putModelBack(record);
    state.hashSync?.schedule();
  }

  async function putModelBack(record) {
    const family = familyByKey(record.model.family);
    if (!(await ctx.files.load(record.model.file, t('restoreModelName')))) return;
    const history = record.results?.history ?? [];
    if (history.length) {
      ctx.training.configureChart(family, ctx.currentSpec());
      ctx.chart.clear();
      for (const row of history) ctx.chart.append({ type: 'epoch', ...row });
    }
    if (record.results && family === state.family) await ctx.training.showResults(record.results, ctx.data.values);
    if (record.interrupted) {
      const { epoch, epochs } = record.interrupted;
      status.set(t('statusRestoredCheckpoint', { epoch, epochs }), 'done');
      offer.offerResume({ epoch, epochs }, () => {
        offer.hide();
        ctx.training.resume({ epoch, epochs });
      });
    } else status.set(t('statusRestored'), 'done');
  }

  // On arrival: offer (or silently restore) the kept work. `link`: the setup the page's URL holds (null for an
  // embedded playground).
  async function arrive(link) {
    let record = null;
    try {
      record = await session.candidate();
    } catch (err) {
      failed = err;
      status.set(storageErrorText(err), 'error');
      return;
    }
    // Restored work is written under this tab's key at once; otherwise the first change or run writes.
    const start = () => {
      enabled = true;
      write();
    };
    if (!record?.setup) return void (enabled = true);
    if (link && sameSetup(link, record.setup)) {
      await restore(record);
      return start();
    }
    // Not taken yet: this tab writes a record of its own, so the kept one stays until pruned.
    if (record.key === session.key) session = new SavedSession(session.scope, tabId({ fresh: true }));
    offer.offer(record, {
      onRestore: async () => {
        offer.hide();
        await restore(record);
        start();
      },
      onDismiss: () => (offer.hide(), start()),
    });
    // Until an answer, nothing is written unless the user changes something (userChanged) or trains.
  }

  function destroy() {
    destroyed = true;
    clearTimeout(timer);
    cancelIdle(idleHandle);
  }

  return { arrive, schedule, userChanged, epoch, finished, destroy, hideOffer: () => offer.hide() };
}
