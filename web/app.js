// web/app.js: the playground's entry, wiring only. Views take data and return DOM; the engine client does all
// computing in a worker; what differs by model family lives in the family's module (web/families/); the state
// lives in one object (web/state/playground-state.js); the controllers (web/playground/) run the panels.
// mountPlayground(root, options) builds the playground inside `root`: the page mounts it in document.body
// (web/page.js), each <helix-playground> element in its shadow root (web/element/helix-playground.js).
import { createEngine } from './engine/client.js';
import { t, setLanguage, onLanguageChange, LANGUAGES } from './strings.js';
import { retranslate } from './views/retranslate.js';
import { startingLanguage, followLanguage } from './page-language.js';
import { decodeState } from './state/url-state.js';
import { createPlaygroundState } from './state/playground-state.js';
import { EXAMPLES, SOURCES_URL, loadExample } from './examples.js';
import { panelHeading } from './views/dom.js';
import { StatusLine } from './views/status-line.js';
import { DataPanel, OWN_DATA } from './views/data-panel.js';
import { ModelPanel } from './views/model-panel.js';
import { Progress } from './views/progress.js';
import { LossChart } from './views/loss-chart.js';
import { ResultPanel } from './views/result-panel.js';
import { ExportButtons } from './views/export-buttons.js';
import { OPSET } from '../js/export/index.js';
import { buildSkeleton, PANEL_NAMES } from './playground/skeleton.js';
import { pageTools, followLink } from './playground/link.js';
import { trainingController } from './playground/training.js';
import { predictController } from './playground/predicting.js';
import { explainController } from './playground/explaining.js';
import { modelFilesController } from './playground/model-files.js';
import { checksController } from './playground/checks.js';
import { presetCatalogue, usePreset } from './playground/presets.js';
import { autosaveController } from './playground/autosave.js';
import { recoveryController } from './playground/recovery.js';
import { myModelsController } from './playground/my-models.js';
import { pageScope } from './state/saved-session.js';

export { PANEL_NAMES };

const DEFAULT_PRESET = 'cnn-binding';

// Mounts the playground in `root` (an element or a shadow root) and returns its handle:
//   { ready, train(), predict(text), saveModel(), preset, destroy() }  (ready: engine up, data in place)
// options:
//   page: true for the playground page (title, landmarks, document title)
//   preset: the preset chosen first; data: {main, second} the training texts instead of the preset's example
//   panels: which of PANEL_NAMES to show (default all): data, model, curves (training and results),
//           predictions, explain
//   epochs, seed: the training settings' starting values; autostart: train as soon as ready
//   onEvent(name, detail): 'epoch' (each epoch's figures), 'trained' (the run's summary), 'predicted' (rows)
//   keep: the key its work is kept under in this browser (web/state/saved-session.js; the page: its path;
//         an element: its page and id); false keeps nothing
export function mountPlayground(root, options = {}) {
  const handle = {};
  handle.ready = main(root, options, handle);
  handle.ready.catch((err) => {
    console.error(err);
    const box = root.querySelector('#status');
    if (box) box.textContent = t('errorGeneric', { message: err.message });
  });
  return handle;
}

// The engine client of one playground: another playground on this page using the shared engine makes it
// wait, and the status says so until its turn comes.
// onCrash(crash): the worker died or its engine aborted (web/playground/recovery.js).
function engineFor(status, onCrash) {
  let beforeWait = null;
  return createEngine({
    onCrash,
    onWait: (waiting) => {
      if (waiting) {
        beforeWait = { text: status.message.textContent, tone: status.element.dataset.tone };
        status.set(t('statusWaitingForEngine'), 'busy');
      } else if (beforeWait && status.message.textContent === t('statusWaitingForEngine'))
        status.set(beforeWait.text, beforeWait.tone);
    },
  });
}

// The page: the link's setup (preset, data, spec, settings, language) is read first and applied once the
// panels exist. An embedded playground only follows the language (its `lang` attribute, or the host page
// switching). -> the link's { state, problems }
async function languageAndLink(root, page, handle) {
  if (!page) {
    handle.unfollowLanguage = onLanguageChange((lang, previous) =>
      retranslate(root, LANGUAGES[previous].strings, LANGUAGES[lang].strings),
    );
    return { state: {}, problems: [] };
  }
  const incoming = await decodeState(location.hash);
  setLanguage(startingLanguage(incoming.state.lang));
  followLanguage(document.body);
  return incoming;
}

// Builds the panels and their controllers into `ctx` (the playground's context: state, engine, views and the
// controllers' calls, which the family modules use too).
function buildPanels(ctx) {
  const { byId, state } = ctx;
  ctx.data = new DataPanel(byId('data-panel'), {
    examples: EXAMPLES,
    sourcesUrl: SOURCES_URL,
    loadExample,
    onChange: () => (ctx.checks.checkData(), state.hashSync?.schedule(), ctx.autosave?.schedule()),
  });
  panelHeading(byId('train-panel'), t('trainTitle'), t('trainIntro'));
  ctx.trainIntro = byId('train-panel').querySelector('.intro');
  ctx.progress = new Progress(byId('train-panel'), {
    onTrain: () => ctx.training.train(),
    onCancel: () => ctx.training.cancel(),
  });
  ctx.chart = new LossChart(byId('train-panel'));
  ctx.results = new ResultPanel(byId('result-panel'));
  ctx.resultView = (family) => state.resultView(family);
  ctx.predictions = predictController(ctx, byId('predict-panel'));
  ctx.table = ctx.predictions.table;
  ctx.explain = explainController(ctx, byId('explain-panel'));
  ctx.resetExplanations = (heads) => ctx.explain.reset(heads);
  ctx.checks = checksController(ctx);
}

// The controls follow the state: what is enabled while a run goes, and what needs a trained model.
function refreshControls(ctx) {
  const { state } = ctx;
  const busy = state.training || state.predicting;
  const hasModel = state.hasModel();
  ctx.progress.setReady(!busy);
  ctx.predictions.refresh({ hasModel, busy });
  ctx.explain.refresh({ hasModel });
  ctx.model?.setHasModel(hasModel && !busy);
  ctx.exporter?.setEnabled(hasModel && !busy);
  ctx.myModels?.setHasModel(hasModel && !busy);
  for (const view of state.resultViews.values()) view.refresh?.({ models: state.models, busy });
}

// The model panel (once the engine has said which presets exist) and its file buttons.
function buildModelPanel(ctx, selected) {
  const files = (ctx.files = modelFilesController(ctx));
  ctx.model = new ModelPanel(ctx.byId('model-panel'), {
    presets: ctx.presets,
    groups: ctx.groups,
    selected,
    onSave: () => files.save(),
    onLoad: async (text, name) => (await files.load(text, name)) && ctx.autosave?.finished(null),
    onSpecChange: (spec) => ctx.checks.describeModel(spec),
    onPresetChange: (key) => usePreset(ctx, key),
  });
  ctx.exporter = new ExportButtons(ctx.byId('model-panel'), {
    opset: OPSET,
    onPytorch: () => files.exportModel('pytorch'),
    onOnnx: () => files.exportModel('onnx'),
    onImport: (bytes, name) => files.importModelWeights(bytes, name),
  });
}

async function main(root, options, handle) {
  const {
    page = false,
    preset: firstPreset = DEFAULT_PRESET,
    data: ownData = null,
    panels = null,
    epochs,
    seed,
    autostart = false,
    onEvent = () => {},
    keep = page ? pageScope() : false,
  } = options;
  buildSkeleton(root, { page, panels });
  const byId = (id) => root.querySelector(`#${id}`);
  const incoming = await languageAndLink(root, page, handle);
  const state = createPlaygroundState();
  const share = page ? pageTools(byId('title'), state) : null;
  const status = new StatusLine(byId('status'));
  const engine = engineFor(status, (crash) => ctx.recovery?.onCrash(crash));
  const ctx = {
    root,
    byId,
    state,
    status,
    engine,
    onEvent,
    refresh: () => refreshControls(ctx),
    currentSpec: () => currentSpec(ctx),
  };
  buildPanels(ctx);
  ctx.training = trainingController(ctx);
  ctx.recovery = recoveryController(ctx);
  if (keep) {
    ctx.autosave = autosaveController(ctx, keep);
    for (const type of ['input', 'change']) root.addEventListener(type, () => ctx.autosave.userChanged());
  }
  // The views that listen to the language (a module-wide list) or tick are stopped, else they would keep the
  // whole removed playground alive.
  handle.destroy = () => {
    handle.unfollowLanguage?.();
    ctx.autosave?.destroy();
    for (const view of [status, ctx.model, ctx.progress, ctx.chart, ctx.checks]) view?.destroy();
    engine.terminate();
    root.replaceChildren();
  };

  let info;
  try {
    info = await engine.init();
  } catch (err) {
    status.setBackend(null);
    status.set(t('statusEngineError', { message: err.message }), 'error');
    throw err;
  }
  status.setBackend(info.backend);
  Object.assign(ctx, presetCatalogue(info.presetTables ?? { sequence: info.presets }));
  buildModelPanel(ctx, incoming.state.preset in ctx.presets ? incoming.state.preset : firstPreset);
  if (page) {
    ctx.myModels = myModelsController(ctx, byId('model-panel'));
    ctx.myModels.refreshList();
  }
  const exampleLoaded = usePreset(ctx, ctx.model.preset, ownData ? OWN_DATA : undefined); // given data: no example fetched
  ctx.model.setValues({ epochs, seed });
  if (ownData) ctx.data.setOwnData(ownData); // (given data win over an example still loading)
  status.set(t('statusReady'));
  ctx.refresh();
  Object.assign(handle, {
    train: () => ctx.training.train(),
    predict: (text) => ctx.predictions.predictFromHost(text),
    saveModel: () => ctx.files.currentFile(),
    get preset() {
      return ctx.model.preset;
    },
  });
  if (page) followLink(ctx, share, incoming);
  await exampleLoaded; // `ready` means the data are in place
  await ctx.autosave?.arrive(page ? incoming.state : null);
  if (autostart) ctx.training.train();
}

// The spec to build, as an object (a preset's or the edited one), or null when the edit is not JSON.
function currentSpec(ctx) {
  const spec = ctx.model.currentSpec();
  return typeof spec === 'string' ? ctx.presets[spec] : spec;
}
