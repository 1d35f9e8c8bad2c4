// web/app.js: wiring only. Views take data and return DOM; the engine client does all computing in a worker.
// The state kept here: the chosen model family, which families have a trained model, whether a run is going.
// mountPlayground(root, options) builds the playground inside `root`: the page mounts it in document.body
// (web/page.js), each <helix-playground> element in its shadow root (web/element/helix-playground.js).
import { createEngine } from './engine/client.js';
import { t, setLanguage, currentLanguage, onLanguageChange, LANGUAGES } from './strings.js';
import { retranslate } from './views/retranslate.js';
import { startingLanguage, rememberLanguage, followLanguage } from './page-language.js';
import { decodeState } from './state/url-state.js';
import { HashSync } from './state/hash-sync.js';
import { FAMILIES, familyByKey, familyOf, DEFAULT_EXAMPLE } from './families.js';
import { EXAMPLES, TRANSFER_FILES, PREDICT_EXAMPLE_URL, VARIANTS_EXAMPLE_URL, SOURCES_URL, fetchText, loadExample } from './examples.js';
import { tableHeader, tableColumns } from './table-columns.js';
import { readGraphTables } from './graph-tables.js';
import { recordText } from './record-text.js';
import { h, downloadText, panelHeading } from './views/dom.js';
import { StatusLine } from './views/status-line.js';
import { DataPanel, OWN_DATA } from './views/data-panel.js';
import { LanguageSwitch } from './views/language-switch.js';
import { ShareLink } from './views/share-link.js';
import { ModelPanel } from './views/model-panel.js';
import { Progress } from './views/progress.js';
import { LossChart } from './views/loss-chart.js';
import { SequenceInput } from './views/sequence-input.js';
import { PredictionTable } from './views/prediction-table.js';
import { ResultPanel } from './views/result-panel.js';
import { DecisionMapView } from './views/decision-map.js';
import { TaskMetrics } from './views/task-metrics.js';
import { TransferSteps } from './views/transfer-steps.js';
import { GraphView } from './views/graph-view.js';
import { GraphAccuracy, accuracyBySplit } from './views/graph-accuracy.js';
import { LatentScatter } from './views/latent-scatter.js';
import { GanSamples } from './views/gan-samples.js';
import { BaseComposition } from './views/base-composition.js';
import { ExplainPanel } from './views/explain-panel.js';
import { FilterLogos } from './views/filter-logos.js';
import { VariantTable } from './views/variant-table.js';
import { ExportButtons } from './views/export-buttons.js';
import { MAX_TEXT_CHARS, MAX_TEXT_MB } from './views/input-limit.js';
import { downloadBlob } from './views/dom.js';
import { exportPytorch, exportOnnx, importWeights, OPSET } from '../js/export/index.js';
import { writeZip } from '../js/export/zip.js';
import { readHelixFile } from '../js/export/helix-file.js';

const DEFAULT_PRESET = 'cnn-binding';
const PARSE_DELAY_MS = 300;
const MAP_SIZE = 40; // decision map grid: MAP_SIZE × MAP_SIZE predictions
const PREDICT_ROWS = 12; // table families: the predict box starts with this many rows of the example
const PRETRAIN_PRESET = 'cnn-multitask'; // step 1 of transfer (on GATA1/TAL1 data): its conv1 has the transfer preset's shape

// The training settings each family uses (a graph trains on the whole graph at once: no batches).
const FIELDS = { graph: ['epochs', 'learningRate', 'seed'] };
const ALL_FIELDS = ['epochs', 'learningRate', 'batchSize', 'seed'];

// The panels, in order: [id, class, the `panels` name that shows it (see mountPlayground)].
const PANELS = [
  ['data-panel', 'panel panel-data', 'data'],
  ['model-panel', 'panel panel-model', 'model'],
  ['train-panel', 'panel panel-train', 'curves'],
  ['result-panel', 'panel panel-result', 'curves'],
  ['predict-panel', 'panel panel-predict', 'predictions'],
  ['explain-panel', 'panel panel-explain', 'explain'],
];
export const PANEL_NAMES = ['data', 'model', 'curves', 'predictions', 'explain'];

// The containers the views fill. The page gets landmarks (header, main) and the title; an embedded
// playground lives inside someone else's page, so it gets neither.
function buildSkeleton(root, { page }) {
  const section = ([id, className]) => h('section', { id, className, dataset: id === 'result-panel' ? { testid: 'result-panel' } : id === 'explain-panel' ? { testid: 'explain-section' } : {} });
  root.append(
    h(page ? 'header' : 'div', { className: page ? 'site-header' : 'site-header embedded' }, page && h('div', { id: 'title' }), h('div', { id: 'status' })),
    h(page ? 'main' : 'div', { className: 'panels' }, PANELS.map(section)),
  );
}

// "0.934" for metrics; "–" when the engine had nothing to report.
const metric = (value) => (Number.isFinite(value) ? value.toFixed(3) : '–');

// The status line after a run, in the family's own terms.
function summaryMessage(family, summary) {
  const seconds = Math.round(summary.seconds ?? 0);
  if (summary.cancelled) {
    if (summary.stepsRun !== undefined) return t('statusCancelledSteps', { stepsRun: summary.stepsRun, steps: summary.steps ?? '?' });
    return t(summary.epochsRun > 0 ? 'statusCancelledModel' : 'statusCancelled', { epochsRun: summary.epochsRun ?? 0, epochs: summary.epochs ?? summary.history?.length ?? '?' });
  }
  const test = summary.test ?? {};
  let trained;
  if (family.key === 'gan') trained = t('statusTrainedGan', { seconds, steps: summary.stepsRun });
  else if (family.key === 'graph') trained = t('statusTrainedGraph', { seconds, n: test.n, accuracy: metric(test.accuracy) });
  else if (family.key === 'autoencoder') trained = Number.isFinite(test.maskedMse) ? t('statusTrainedAutoencoder', { seconds, mse: metric(test.maskedMse), mean: metric(test.meanImputationMse) }) : t('statusTrainedNoTest', { seconds });
  else if (family.key === 'multitask' && test.heads) trained = t('statusTrainedTasks', { seconds, tasks: Object.keys(test.heads).length, auroc: metric(test.auroc) });
  else trained = test.n > 0 && Number.isFinite(test.auroc) ? t('statusTrained', { seconds, n: test.n, auroc: metric(test.auroc), accuracy: metric(test.accuracy) }) : t('statusTrainedNoTest', { seconds });
  // The engine also flags a stop that falls on the last epoch; only an earlier stop is news.
  return summary.stoppedEarly && summary.epochsRun < summary.epochs ? `${trained} ${t('statusStoppedEarly', summary)}` : trained;
}

// Numbers of a column (NaN where a cell is not one).
const numbers = (values = []) => values.map((v) => (v === '' ? NaN : Number(v)));

// Mounts the playground in `root` (an element or a shadow root) and returns its handle:
//   { ready, train(), predict(text), saveModel(), preset, destroy() }  (ready: engine up, data in place)
// options:
//   page: true for the playground page (title, landmarks, document title)
//   preset: the preset chosen first; data: {main, second} the training texts instead of the preset's example
//   panels: which of PANEL_NAMES to show (default all): data, model, curves (training and results),
//           predictions, explain
//   epochs, seed: the training settings' starting values; autostart: train as soon as ready
//   onEvent(name, detail): 'epoch' (each epoch's figures), 'trained' (the run's summary), 'predicted' (rows)
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

async function main(root, { page = false, preset: firstPreset = DEFAULT_PRESET, data: ownData = null, panels = null, epochs, seed, autostart = false, onEvent = () => {} }, handle) {
  const byId = (id) => root.querySelector(`#${id}`);
  buildSkeleton(root, { page });
  for (const [id, , name] of PANELS) if (panels && !panels.includes(name)) byId(id).style.display = 'none';
  // The page: the link's setup (preset, data, spec, settings, language), applied once the panels exist; the
  // language switch and the share link. An embedded playground leaves the host page's URL and title alone and
  // only follows the language (its `lang` attribute, or the host page switching).
  const incoming = page ? await decodeState(location.hash) : { state: {}, problems: [] };
  let hashSync = null; // once the link's setup is applied, the hash follows every change
  let share = null;
  if (page) {
    setLanguage(startingLanguage(incoming.state.lang));
    followLanguage(document.body);
    const tools = h('div', { className: 'page-tools' });
    byId('title').append(h('h1', {}, t('appName')), h('p', { className: 'tagline' }, t('tagline')), tools);
    new LanguageSwitch(tools, { onChoose: (lang) => setLanguage(lang) && rememberLanguage(lang) });
    share = new ShareLink(tools, { link: () => hashSync?.flush() ?? location.href });
  } else {
    handle.unfollowLanguage = onLanguageChange((lang, previous) => retranslate(root, LANGUAGES[previous].strings, LANGUAGES[lang].strings));
  }
  const status = new StatusLine(byId('status'));
  // Another playground on this page is using the shared engine: say so until this one's turn comes.
  let beforeWait = null;
  const engine = createEngine({
    onWait: (waiting) => {
      if (waiting) {
        beforeWait = { text: status.message.textContent, tone: status.element.dataset.tone };
        status.set(t('statusWaitingForEngine'), 'busy');
      } else if (beforeWait && status.message.textContent === t('statusWaitingForEngine')) status.set(beforeWait.text, beforeWait.tone);
    },
  });
  // The views that listen to the language (a module-wide list) or tick are stopped, else they would keep the
  // whole removed playground alive.
  handle.destroy = () => {
    handle.unfollowLanguage?.();
    for (const view of [status, model, progress, chart]) view?.destroy();
    engine.terminate();
    root.replaceChildren();
  };
  const run = { training: false, predicting: false, models: new Set() }; // models: families with a trained model
  let model = null; // the ModelPanel, once the engine has said which presets exist
  let exporter = null; // the export / import buttons beside the model panel's Save
  let family = familyByKey('sequence');

  // Training data: validated in the worker a moment after the user stops typing.
  let labelClasses = 2; // how many classes the chosen model predicts: which labels the data may hold
  let parseTicket = 0;
  let parseTimer = 0;
  const validateTraining = () => {
    clearTimeout(parseTimer);
    const { main: text, second } = data.values;
    const ticket = ++parseTicket; // an answer about earlier text (or another family's) is dropped
    if (!text.trim()) return data.showParsed({ count: 0, errors: [] }); // nothing pasted yet: nothing to say
    if (family.key !== 'sequence' && family.key !== 'transfer') return data.setSummary(describeData(text, second));
    parseTimer = setTimeout(async () => {
      try {
        const parsed = await engine.parse(text, { requireLabels: true, labelColumn: 'label', classes: labelClasses });
        if (ticket === parseTicket) data.showParsed(parsed);
      } catch (err) {
        if (ticket === parseTicket) data.errors.show(err.errors.length ? err.errors : err.message, { moreErrors: err.moreErrors });
      }
    }, PARSE_DELAY_MS);
  };
  // A one-line account of data the live parser does not check (tables of columns, graphs, matrices, FASTA).
  const describeData = (text, second) => {
    if (family.data === 'fasta') return t('dataSummaryFasta', { count: (text.match(/^>/gm) ?? []).length || text.split('\n').filter((l) => l.trim()).length });
    if (family.data === 'graph') return t('dataSummaryGraph', { nodes: tableHeader(text).rows, edges: tableHeader(second).rows });
    if (family.data === 'matrix') return second.trim() ? t('dataSummaryLabels', { rows: tableHeader(second).rows }) : '';
    const { columns, rows } = tableHeader(text);
    return t('dataSummaryTable', { count: rows, rows, columns: columns.join(', ') });
  };
  const data = new DataPanel(byId('data-panel'), { examples: EXAMPLES, sourcesUrl: SOURCES_URL, loadExample, onChange: () => (validateTraining(), hashSync?.schedule()) });

  panelHeading(byId('train-panel'), t('trainTitle'), t('trainIntro'));
  const trainIntro = byId('train-panel').querySelector('.intro');
  // The worker acknowledges a cancel between two engine steps; the run's summary (the kept weights scored) follows.
  const onCancel = async () => {
    if ((await engine.cancel()) && run.training) {
      run.cancelling = true; // progress events still in flight are not shown over this
      progress.cancelButton.disabled = true;
      status.set(t('statusCancelling'), 'info');
    }
  };
  const progress = new Progress(byId('train-panel'), { onTrain: () => train(), onCancel });
  const chart = new LossChart(byId('train-panel'));
  const results = new ResultPanel(byId('result-panel'));

  let predictTyped = false;
  const predictInput = new SequenceInput(byId('predict-panel'), { onPredict: (text) => predict(text), onChange: () => (predictTyped = true) });
  const table = new PredictionTable(byId('predict-panel'), { onExplain: (row) => explainRow(row) });
  const predictExample = fetchText(PREDICT_EXAMPLE_URL).catch(() => ''); // an empty box is fine: the user pastes their own
  predictExample.then((text) => predictTyped || !family.predict || family.data !== 'table' || ['columns', 'multimodal'].includes(family.key) || predictInput.setText(text));

  // Explain (families whose models read DNA): a prediction row's attributions and ISM map, the first layer's
  // filters as motifs, variant effects.
  const explainSection = byId('explain-panel');
  panelHeading(explainSection, t('explainSectionTitle'), t('explainSectionIntro'));
  const explainNeedsModel = h('p', { className: 'hint' }, t('explainNeedsModel'));
  explainSection.append(explainNeedsModel);
  const explainer = new ExplainPanel(explainSection, { onChange: () => explainChosen() });
  const motifs = new FilterLogos(explainSection, { onCompute: (db) => learnedMotifs(db) });
  const variants = new VariantTable(explainSection, {
    onScore: (text) => scoreVariants(text),
    onExample: () => fetchText(VARIANTS_EXAMPLE_URL).then((text) => variants.offerText(text)).catch((err) => status.set(t('dataLoadFailed', { message: err.message }), 'error')),
  });
  let predictedText = ''; // the paste the prediction table's rows came from
  let explained = null; // { row, text }: the prediction row being explained and that paste
  let explainTicket = 0; // an answer about an earlier choice is dropped

  const hasModel = () => run.models.has(family.key);
  const refreshControls = () => {
    const busy = run.training || run.predicting;
    progress.setReady(!busy);
    predictInput.setEnabled({ hasModel: hasModel(), busy });
    const canExplain = Boolean(family.explain) && hasModel();
    explainSection.hidden = !family.explain;
    explainNeedsModel.hidden = hasModel();
    table.setExplainable(canExplain);
    motifs.setEnabled(canExplain && !run.training);
    variants.setEnabled(canExplain && !run.training);
    model?.setHasModel(hasModel() && !busy);
    exporter?.setEnabled(hasModel() && !busy);
    views.transfer?.setBusy(busy);
    views.gan?.samples.setEnabled(run.models.has('gan') && !busy);
  };

  // The result views of the current family (built by ResultPanel on first use).
  const views = {};
  const buildViews = {
    'decision-map': (el) => new DecisionMapView(el, { onAxes: (x, y) => drawDecisionMap(x, y) }),
    'task-metrics': (el) => new TaskMetrics(el),
    transfer: (el) => new TransferSteps(el, { onPretrain: (epochs) => pretrain(epochs), onLoad: (text, name) => usePretrainedFile(text, name) }),
    graph: (el) => ({ accuracy: new GraphAccuracy(el), view: new GraphView(el) }),
    latent: (el) => new LatentScatter(el),
    gan: (el) => ({ samples: new GanSamples(el, { onGenerate: (opts) => generate(opts) }), composition: new BaseComposition(el) }),
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

  // Every preset of every table, grouped by family in FAMILIES' order.
  const tables = info.presetTables ?? { sequence: info.presets };
  const presets = {};
  const familyOfPreset = {};
  for (const [tableName, entries] of Object.entries(tables)) {
    for (const [key, spec] of Object.entries(entries)) {
      presets[key] = spec;
      familyOfPreset[key] = familyOf(spec, tableName);
    }
  }
  const groups = FAMILIES.map((f) => ({ label: t(f.label), keys: Object.keys(presets).filter((k) => familyOfPreset[k] === f.key) })).filter((g) => g.keys.length);
  model = new ModelPanel(byId('model-panel'), {
    presets,
    groups,
    selected: incoming.state.preset in presets ? incoming.state.preset : firstPreset,
    onSave: () => saveModel(),
    onLoad: (text, name) => loadModel(text, name),
    onSpecChange: (spec) => describeModel(spec),
    onPresetChange: (key) => usePreset(key),
  });
  exporter = new ExportButtons(byId('model-panel'), {
    opset: OPSET,
    onPytorch: () => exportModel('pytorch'),
    onOnnx: () => exportModel('onnx'),
    onImport: (bytes, name) => importModelWeights(bytes, name),
  });
  const exampleLoaded = usePreset(model.preset, ownData ? OWN_DATA : undefined); // given data: no example fetched
  model.setValues({ epochs, seed });
  if (ownData) data.setOwnData(ownData); // (given data win over an example still loading)
  status.set(t('statusReady'));
  refreshControls();
  Object.assign(handle, {
    train: () => train(),
    predict: (text) => {
      // The box holds at most MAX_TEXT_CHARS (input-limit.js): more is refused at once, the box kept.
      if (text.length > MAX_TEXT_CHARS) return Promise.reject(new Error(t('textTooLarge', { size: (text.length / 1e6).toFixed(0), limit: MAX_TEXT_MB })));
      predictInput.setText(text);
      predictTyped = true;
      return predict(text);
    },
    saveModel: () => ({ graph: engine.saveGraphModel, autoencoder: engine.saveAutoencoder, gan: engine.saveGan })[family.key]?.() ?? engine.saveModel(),
    get preset() {
      return model.preset;
    },
  });
  if (page) {
    useLinkState(incoming);
    hashSync = new HashSync({ read: linkState, onData: (d) => share.setDataNote(d) });
    hashSync.flush();
    for (const type of ['input', 'change']) byId('model-panel').addEventListener(type, () => hashSync.schedule());
    onLanguageChange(() => hashSync.schedule());
    // A link opened in this tab changes only the hash.
    window.addEventListener('hashchange', async () => {
      if (hashSync.isOwn(location.hash)) return;
      const next = await decodeState(location.hash);
      if (next.state.lang) setLanguage(next.state.lang);
      if (next.state.preset in presets) model.selectPreset(next.state.preset);
      useLinkState(next);
      hashSync.schedule();
    });
  }
  await exampleLoaded; // `ready` means the data are in place
  if (autostart) train();

  // The setup a link carries, on top of its preset (already chosen): the data, an edited spec, the settings.
  function useLinkState({ state, problems }) {
    const bad = [...problems, ...(state.preset && !(state.preset in presets) ? ['preset'] : [])];
    if (state.data === OWN_DATA && (state.main || state.second)) data.setOwnData(state);
    else if (state.data === OWN_DATA) {
      data.choose(OWN_DATA);
      share.askForData();
    } else if (state.data && EXAMPLES.some((ex) => ex.key === state.data && ex.families.includes(family.key))) data.choose(state.data);
    else if (state.data) bad.push('data');
    if (state.spec) model.setSpecText(state.spec);
    model.setSettings(state);
    if (bad.length) status.set(t('shareBadFields', { fields: bad.join(', ') }), 'error');
  }

  // The setup as the link holds it (url-state.js).
  function linkState() {
    const own = data.selected === OWN_DATA ? { main: data.values.main, second: data.values.second } : {};
    return { preset: model.preset, data: data.selected, ...model.settings(), spec: model.editedSpec(), lang: currentLanguage(), ...own };
  }

  // The spec to build, as an object (a preset's or the edited one), or null when the edit is not JSON.
  function currentSpecObject() {
    const spec = model.currentSpec();
    return typeof spec === 'string' ? presets[spec] : spec;
  }

  // A preset was chosen: its family's data inputs, example, curves and result view. Resolves once the
  // example is in the data panel.
  function usePreset(key, exampleKey = DEFAULT_EXAMPLE[key]) {
    const next = familyByKey(familyOfPreset[key]);
    const changed = next.key !== family.key;
    family = next;
    const exampleLoaded = data.setFamily(family, exampleKey);
    model.setIntro(t(`modelIntro_${family.key}`));
    trainIntro.textContent = t(`trainIntro_${family.key}`);
    model.showFields(FIELDS[family.key] ?? ALL_FIELDS);
    results.setFamily(family);
    if (family.result !== 'predictions') Object.assign(views, { [family.result]: results.use(family.result, buildViews[family.result]) });
    results.setHasResult(run.models.has(family.key));
    if (family.key === 'transfer') views.transfer.setSpec(presets[key]);
    byId('predict-panel').hidden = !family.predict;
    predictInput.setFamily(family.key);
    configureChart(presets[key]);
    if (changed) {
      table.clear();
      resetExplanations();
      if (!predictTyped) offerPredictExample();
    }
    refreshControls();
    return exampleLoaded;
  }

  function configureChart(spec) {
    const tasks = family.key === 'multitask' ? (spec?.heads ?? []).map((head) => head.name) : [];
    chart.configure({ mode: family.curves, metric: family.key === 'graph' ? 'accuracy' : family.key === 'autoencoder' ? 'none' : 'auroc', tasks });
  }

  // The predict box starts with sequences for DNA models, a few rows of the example for column models.
  async function offerPredictExample() {
    if (!family.predict) return;
    if (family.key === 'columns' || family.key === 'multimodal') {
      const key = family.key;
      const example = EXAMPLES.find((ex) => ex.families.includes(key));
      const text = example ? await fetchText(example.main).catch(() => '') : '';
      if (!predictTyped && family.key === key) predictInput.setText(text.split('\n').slice(0, PREDICT_ROWS + 1).join('\n') + '\n');
    } else {
      const text = await predictExample;
      if (!predictTyped && family.predict) predictInput.setText(text);
    }
  }

  // Shows what the chosen spec builds (accepted lengths, padding or cropping, size) under the preset menu.
  async function describeModel(spec) {
    if (spec === null) return model.setSummary('');
    if (family.data !== 'table') return model.setSummary('');
    try {
      const d = await engine.describe(spec);
      if (d.classes !== labelClasses) {
        labelClasses = d.classes;
        validateTraining(); // labels 0..K-1 are right or wrong depending on the model
      }
      const vars = { min: d.minLength, length: d.fixedLength, parameters: d.parameters.toLocaleString('en') };
      model.setSummary(family.key === 'columns' ? t('modelTakesColumns', vars) : t(!d.fixedLength ? 'modelTakesAny' : d.resize === 'exact' ? 'modelTakesExact' : 'modelTakesFixed', vars));
    } catch (err) {
      model.setSummary(t('modelSpecInvalid', { message: err.errors?.[0]?.message ?? err.message }));
    }
  }

  // Runs `work(onProgress)` as a training run: locks the controls, feeds progress and curves, reports.
  async function trainingRun(work, { chartSpec } = {}) {
    run.training = true;
    run.cancelling = false;
    refreshControls();
    model.setDisabled(true);
    data.clearErrors();
    configureChart(chartSpec ?? currentSpecObject());
    progress.start();
    status.set(t('statusTrainingStart'), 'busy');
    let shown = 0;
    try {
      const summary = await work((p) => {
        if (run.cancelling) return;
        progress.update(p);
        chart.append(p);
        if (p.type === 'epoch' || (p.type === undefined && p.epoch !== undefined)) onEvent('epoch', p); // (a GAN counts steps, not epochs)
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
      run.training = false;
      model.setDisabled(false);
      refreshControls();
    }
  }

  // Engine errors go where they belong: the data box they name (by line), else the model panel.
  function showTrainError(err) {
    const errors = err.errors ?? [];
    const list = errors.length ? errors : err.message;
    const located = errors.filter((e) => e.line > 0);
    const toModel = err.stage === 'model' || (err.stage !== 'data' && errors.some((e) => e.field && !(e.line > 0)));
    const second = err.source === 'edges' || err.source === 'labels';
    if (located.length || (!toModel && err.stage === 'data')) data.showErrors(list, { moreErrors: err.moreErrors, select: true, source: second ? 'second' : 'main' });
    else if (err.name === 'AbortError' || !err.stage) status.set(t('errorGeneric', { message: err.message }), 'error');
    else model.showErrors(list);
    if (err.stage) status.set(t('statusTrainFailed'), 'error');
  }

  // -> the run's summary (null when it did not start or failed; the panels say why).
  async function train() {
    const settings = model.values();
    if (!settings.ok || run.training) return null;
    const { spec, epochs, learningRate, batchSize, seed } = settings;
    const common = { spec, epochs, learningRate, seed };
    const trainedFamily = family;
    const { main: text, second } = data.values;
    let summary;
    if (family.key === 'graph') {
      summary = await trainingRun((onProgress) => engine.trainGraph(text, second, common, onProgress));
    } else if (family.key === 'autoencoder') {
      const { labelColumn } = data.values;
      summary = await trainingRun((onProgress) => engine.trainAutoencoder(text, { ...common, batchSize, labels: second, labelColumn }, onProgress));
    } else if (family.key === 'gan') {
      summary = await trainingRun((onProgress) => engine.trainGan(text, { ...common, batchSize }, onProgress));
    } else {
      const transfer = family.key === 'transfer' ? views.transfer.options() : {};
      summary = await trainingRun((onProgress) => engine.train(text, { ...common, batchSize, ...transfer }, onProgress));
      if (summary && family.key === 'transfer' && summary.hasModel && !summary.cancelled) summary.transfer = transfer;
    }
    if (!summary) return null;
    // A run that diverged keeps the weights from before its bad step (summary.diverged): that model predicts.
    const trained = summary.cancelled ? (summary.epochsRun > 0 || summary.stepsRun > 0) && summary.hasModel !== false : !summary.error || Boolean(summary.diverged);
    if (trained) run.models.add(trainedFamily.key);
    if (trained) resetExplanations(currentSpecObject()?.heads?.map((head) => head.name));
    refreshControls();
    if (trained && trainedFamily.key === family.key) await showResults(summary, { text, second });
    onEvent('trained', { preset: model.preset, family: trainedFamily.key, trained, summary });
    return summary;
  }

  // The family's result view after a run.
  async function showResults(summary, { text, second }) {
    try {
      if (family.key === 'columns') {
        const spec = currentSpecObject();
        const columns = (spec.inputs ?? []).find((i) => i.type === 'features')?.columns ?? [];
        views['decision-map'].setColumns(columns, columns[0], columns[1]);
        await drawDecisionMap(columns[0], columns[1]);
      } else if (family.key === 'multitask') {
        views['task-metrics'].show(summary.test);
      } else if (family.key === 'transfer' && summary.transfer) {
        const test = await engine.evaluate(await fetchText(TRANSFER_FILES.test));
        views.transfer.addResult(summary.transfer, test);
        status.set(t('statusFineTuned', { seconds: Math.round(summary.seconds ?? 0), n: test.n, auroc: metric(test.auroc) }), 'done');
      } else if (family.key === 'graph') {
        await showGraph(text, second, summary);
      } else if (family.key === 'autoencoder') {
        views.latent.show(await engine.encode(), summary);
      } else if (family.key === 'gan') {
        await generate(views.gan.samples.values(), { announce: false }); // the status keeps the run's summary
      }
      results.setHasResult(true);
    } catch (err) {
      status.set(t('errorGeneric', { message: err.message }), 'error');
    }
  }

  async function drawDecisionMap(x, y) {
    const text = data.values.main;
    const map = await engine.decisionMap(text, { x, y, size: MAP_SIZE });
    const cols = tableColumns(text, [x, y, 'label']);
    views['decision-map'].show(map, { x: numbers(cols[x]), y: numbers(cols[y]), label: numbers(cols.label) });
  }

  // Node classification (Cora): accuracy per split of the nodes and a neighbourhood. Graph classification
  // (a `graph` column): accuracy on the test graphs and over all graphs, and a few whole graphs.
  async function showGraph(nodesText, edgesText, summary) {
    const predicted = new Map((await engine.predictGraph()).map((p) => [String(p.id), p.class]));
    const graph = readGraphTables(nodesText, edgesText);
    let classNames = data.example?.classNames ?? [];
    if (data.example?.classes) {
      const cls = tableColumns(await fetchText(data.example.classes).catch(() => ''), ['name_inferred', 'name']);
      classNames = (cls.name_inferred ?? cls.name ?? []).map((n) => n.replace(/_/g, ' '));
    }
    if (graph.graphs) {
      const all = accuracyBySplit(new Map(graph.graphs.map((g) => [g.id, g.label])), predicted, new Map()).all;
      const test = { n: summary.test?.n ?? 0, accuracy: summary.test?.accuracy };
      views.graph.accuracy.show(Object.fromEntries(Object.entries({ graphsTest: test, graphsAll: all }).filter(([, v]) => v?.n > 0 && Number.isFinite(v.accuracy))));
      views.graph.view.showGraphs(graph.graphs, predicted, classNames);
    } else {
      views.graph.accuracy.show(accuracyBySplit(graph.labels, predicted, graph.splits));
      views.graph.view.show(graph, predicted, classNames);
    }
  }

  async function generate({ count, seed }, { announce = true } = {}) {
    run.predicting = true;
    refreshControls();
    try {
      const { sequences, composition } = await engine.sampleGan(count, { seed });
      views.gan.samples.show(sequences);
      views.gan.composition.show(composition);
      if (announce) status.set(t('statusGenerated', { count: sequences.length }), 'done');
    } catch (err) {
      status.set(t('errorGeneric', { message: err.message }), 'error');
    } finally {
      run.predicting = false;
      refreshControls();
    }
  }

  // Transfer, step 1: the pretraining preset on the large related set; its file becomes the pretrained model.
  async function pretrain(epochs) {
    const settings = model.values();
    if (!settings.ok) return;
    status.set(t('dataLoading'), 'busy');
    let text;
    try {
      text = await fetchText(TRANSFER_FILES.pretrain);
    } catch (err) {
      status.set(t('dataLoadFailed', { message: err.message }), 'error');
      return;
    }
    const options = { spec: PRETRAIN_PRESET, epochs, seed: settings.seed };
    const summary = await trainingRun((onProgress) => engine.train(text, options, onProgress), { chartSpec: presets[PRETRAIN_PRESET] });
    if (!summary || summary.cancelled || summary.error) return;
    const file = await engine.saveModel();
    views.transfer.setPretrained({ file, source: 'trained', auroc: summary.test?.auroc, records: summary.records });
    resetExplanations();
    run.models.delete('transfer'); // the model now in the worker is the pretraining one
    status.set(t('statusPretrained', { auroc: metric(summary.test?.auroc) }), 'done');
    refreshControls();
  }

  function usePretrainedFile(text, name) {
    views.transfer.setPretrained({ file: text, source: 'file', name });
    status.set(t('statusPretrainedLoaded', { name }), 'done');
  }

  async function predict(text) {
    run.predicting = true;
    refreshControls();
    predictInput.clearErrors();
    status.set(t('statusPredicting'), 'busy');
    try {
      const rows = await engine.predict(text);
      predictedText = text;
      forgetExplanation();
      explainer.setHeads(rows[0]?.heads ? Object.keys(rows[0].heads) : []);
      table.clear();
      table.show(rows);
      status.set(t('statusPredicted', { count: rows.length }), 'done');
      onEvent('predicted', { rows });
      return rows;
    } catch (err) {
      table.clear();
      forgetExplanation();
      predictInput.showErrors(err.errors?.length ? err.errors : err.message, err.moreErrors);
      status.set(t('statusPredictFailed'), 'error');
      return null;
    } finally {
      run.predicting = false;
      refreshControls();
    }
  }

  // New predictions: no row is explained (an answer still on its way is dropped).
  function forgetExplanation() {
    explainTicket++;
    explained = null;
    table.setChosen(null);
    explainer.clear();
  }

  // A new model (or family): explanations of the old one are gone; `heads` names a multi-head model's heads.
  function resetExplanations(heads) {
    forgetExplanation();
    if (heads) explainer.setHeads(heads);
    motifs.clear();
    variants.clearRows();
  }

  function explainRow(row) {
    if (run.training) return;
    explained = { row, text: predictedText };
    table.setChosen(row.index);
    explainChosen({ focus: true });
  }

  // Explains the chosen row with the panel's options; the map always shows ISM (the same answer when ISM is
  // the method, else a second call on the same text).
  async function explainChosen({ focus = false } = {}) {
    if (!explained) return;
    const { row, text } = explained;
    const options = explainer.options();
    const ticket = ++explainTicket;
    explainer.start(row, { focus });
    try {
      const { result, explanation } = await explainOne(text, row, options);
      const ism = options.method === 'ism' ? explanation : (await explainOne(text, row, { method: 'ism', head: options.head, output: options.output })).explanation;
      if (ticket === explainTicket) explainer.show(result, explanation, ism);
    } catch (err) {
      if (ticket === explainTicket) explainer.showError(err);
    }
  }

  // One prediction row's explanation: its record alone when it can be cut from the paste (the engine then
  // names the same id), else the whole paste's. -> { result, explanation }.
  async function explainOne(text, row, options) {
    const single = recordText(text, row.index, row.id);
    if (single !== null) {
      const result = await engine.explain(single, options).catch(() => null);
      if (result?.explanations.length === 1 && String(result.explanations[0].id) === String(row.id)) return { result, explanation: result.explanations[0] };
    }
    const result = await engine.explain(text, options);
    return { result, explanation: result.explanations[row.index] };
  }

  // The first layer's filters as motifs, from the training data in the data panel (none, e.g. after loading a
  // model: the engine's seeded random sequences).
  async function learnedMotifs(db) {
    motifs.start();
    const text = data.values.main;
    try {
      motifs.show(await engine.motifs({ ...(text.trim() ? { sequences: text } : {}), ...db }));
    } catch (err) {
      motifs.showError(err);
    } finally {
      refreshControls();
    }
  }

  async function scoreVariants(text) {
    variants.start();
    try {
      variants.show(await engine.variants(text, { head: explainer.headChoice }));
    } catch (err) {
      variants.showError(err);
    } finally {
      refreshControls();
    }
  }

  async function saveModel() {
    const save = { graph: engine.saveGraphModel, autoencoder: engine.saveAutoencoder, gan: engine.saveGan }[family.key] ?? engine.saveModel;
    try {
      const name = `helix-${family.key === 'sequence' ? 'model' : family.key}.json`;
      downloadText(await save(), name, 'application/json');
      status.set(t('statusModelSaved', { name }), 'done');
    } catch (err) {
      status.set(t('errorGeneric', { message: err.message }), 'error');
    }
  }

  // The current family's model file, as Save model writes it.
  function currentModelFile() {
    const save = { graph: engine.saveGraphModel, autoencoder: engine.saveAutoencoder, gan: engine.saveGan }[family.key] ?? engine.saveModel;
    return save();
  }

  // Export for PyTorch (one .zip: helix_model.py, weights, train.py, predict.py, torchrun.py, README.md) or ONNX.
  async function exportModel(format) {
    status.set(t('statusExporting'), 'busy');
    try {
      const text = await currentModelFile();
      const base = `helix-${family.key === 'sequence' ? 'model' : family.key}`;
      let name;
      if (format === 'onnx') {
        name = `${base}.onnx`;
        downloadBlob(new Blob([exportOnnx(text).bytes], { type: 'application/octet-stream' }), name);
      } else {
        const { files } = await exportPytorch(text);
        const encoder = new TextEncoder();
        const entries = new Map(Object.entries(files).map(([f, data]) => [`${base}-pytorch/${f}`, typeof data === 'string' ? encoder.encode(data) : data]));
        name = `${base}-pytorch.zip`;
        downloadBlob(new Blob([writeZip(entries)], { type: 'application/zip' }), name);
      }
      status.set(t('statusExported', { name }), 'done');
    } catch (err) {
      status.set(t('statusExportFailed', { message: err.message }), 'error');
    }
  }

  // Weights trained elsewhere replace the current model's; the status names the layers that changed and the
  // model panel's error box every missing, unknown or misshapen tensor.
  async function importModelWeights(bytes, name) {
    model.errors.clear();
    let before, after;
    try {
      before = await currentModelFile();
      after = await importWeights(before, bytes, name);
    } catch (err) {
      model.errors.show((err.errors ?? [err]).map((e) => ({ message: e.message })));
      status.set(t('statusImportFailed', { name }), 'error');
      return;
    }
    if (!(await loadModel(after, name))) return;
    const old = readHelixFile(before).weights, layerOf = (key) => key.split('.').slice(0, -1).join('.');
    const changed = new Set(), all = new Set();
    for (const [key, w] of readHelixFile(after).weights) {
      all.add(layerOf(key));
      if (w.data.some((v, i) => v !== old.get(key).data[i])) changed.add(layerOf(key));
    }
    status.set(changed.size ? t('statusImportedWeights', { name, changed: changed.size, layers: [...changed].join(', '), unchanged: all.size - changed.size })
      : t('statusImportedWeightsNone', { name }), 'done');
  }

  // A model file: a sequence model (any table family), a GAN, or an autoencoder or graph model (used on the
  // current matrix or graph). Resolves true when it loaded.
  async function loadModel(text, name) {
    let format = '';
    try {
      format = JSON.parse(text).format ?? '';
    } catch {
      // not JSON: the engine says so below
    }
    try {
      if (/gan/.test(format)) {
        await engine.loadGan(text);
        run.models.add('gan');
      } else if (/autoencoder/.test(format)) {
        const { main, second, labelColumn } = data.values;
        await engine.loadAutoencoder(text, main, { labels: second, labelColumn });
        run.models.add('autoencoder');
      } else if (/graph/.test(format)) {
        const { main, second } = data.values;
        const test = await engine.loadGraphModel(text, main, second);
        run.models.add('graph');
        if (family.key === 'graph') await showResults({ test }, { text: main, second });
      } else {
        await engine.loadModel(text);
        run.models.add(family.data === 'table' ? family.key : 'sequence');
        resetExplanations();
      }
      status.set(t('statusModelLoaded', { name }), 'done');
    } catch (err) {
      status.set(t('statusModelLoadFailed', { name, message: err.message }), 'error');
      refreshControls();
      return false;
    }
    refreshControls();
    return true;
  }
}
