// web/app.js: wiring only. Views take data and return DOM; the engine client does all computing in a worker.
// The little state kept here is whether a model exists and whether a run is going.
import { createEngine } from './engine/client.js';
import { t } from './strings.js';
import { h, downloadText, panelHeading } from './views/dom.js';
import { StatusLine } from './views/status-line.js';
import { DataPanel } from './views/data-panel.js';
import { ModelPanel } from './views/model-panel.js';
import { Progress } from './views/progress.js';
import { LossChart } from './views/loss-chart.js';
import { SequenceInput } from './views/sequence-input.js';
import { PredictionTable } from './views/prediction-table.js';

const EXAMPLES = [
  { key: 'gata', label: t('dataExampleGata'), url: 'data/gata-example.tsv', credit: t('dataCreditGata') },
  { key: 'primer', label: t('dataExamplePrimer'), url: 'data/primer-motif.tsv', credit: t('dataCreditPrimer') },
  { key: 'order', label: t('dataExampleOrder'), url: 'data/motif-order.tsv', credit: t('dataCreditOrder') },
  { key: 'splice', label: t('dataExampleSplice'), url: 'data/uci-splice.tsv', credit: t('dataCreditSplice') },
];
const PREDICT_EXAMPLE_URL = 'data/gata-predict.fa';
const SOURCES_URL = 'data/SOURCES.md';
const DEFAULT_PRESET = 'cnn-binding';
const PARSE_DELAY_MS = 300;

const byId = (id) => document.getElementById(id);

async function fetchText(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.text();
}

// "0.934" for metrics; "–" when the engine had nothing to report.
const metric = (value) => (Number.isFinite(value) ? value.toFixed(3) : '–');

function summaryMessage(summary) {
  const seconds = Math.round(summary.seconds ?? 0);
  if (summary.cancelled) return t(summary.hasModel && summary.epochsRun > 0 ? 'statusCancelledModel' : 'statusCancelled', { epochsRun: summary.epochsRun ?? 0, epochs: summary.epochs ?? summary.history?.length ?? '?' });
  const trained = summary.test && Number.isFinite(summary.test.auroc) ? t('statusTrained', { seconds, n: summary.test.n, auroc: metric(summary.test.auroc), accuracy: metric(summary.test.accuracy) }) : t('statusTrainedNoTest', { seconds });
  // The engine also flags a stop that falls on the last epoch; only an earlier stop is news.
  return summary.stoppedEarly && summary.epochsRun < summary.epochs ? `${trained} ${t('statusStoppedEarly', summary)}` : trained;
}

async function main() {
  document.title = t('pageTitle');
  document.documentElement.lang = 'en';
  byId('title').append(h('h1', {}, t('appName')), h('p', { className: 'tagline' }, t('tagline')));
  const status = new StatusLine(byId('status'));
  const engine = createEngine();
  const run = { hasModel: false, training: false, predicting: false };
  let model = null; // the ModelPanel, once the engine has said which presets exist

  // Training data: validated in the worker a moment after the user stops typing.
  let labelClasses = 2; // how many classes the chosen model predicts: which labels the data may hold
  let parseTicket = 0;
  let parseTimer = 0;
  const validateTraining = (text) => {
    clearTimeout(parseTimer);
    if (!text.trim()) return data.showParsed({ count: 0, errors: [] }); // nothing pasted yet: nothing to say
    parseTimer = setTimeout(async () => {
      const ticket = ++parseTicket;
      try {
        const parsed = await engine.parse(text, { requireLabels: true, labelColumn: 'label', classes: labelClasses });
        if (ticket === parseTicket) data.showParsed(parsed);
      } catch (err) {
        if (ticket === parseTicket) data.errors.show(err.errors.length ? err.errors : err.message, { moreErrors: err.moreErrors });
      }
    }, PARSE_DELAY_MS);
  };
  const data = new DataPanel(byId('data-panel'), {
    examples: EXAMPLES,
    sourcesUrl: SOURCES_URL,
    loadExample: (key) => fetchText(EXAMPLES.find((ex) => ex.key === key).url),
    onChange: validateTraining,
  });

  panelHeading(byId('train-panel'), t('trainTitle'), t('trainIntro'));
  const progress = new Progress(byId('train-panel'), { onTrain: () => train(), onCancel: () => engine.cancel() });
  const chart = new LossChart(byId('train-panel'));

  let predictTyped = false;
  const predictInput = new SequenceInput(byId('predict-panel'), { onPredict: (text) => predict(text), onChange: () => (predictTyped = true) });
  const table = new PredictionTable(byId('predict-panel'));
  fetchText(PREDICT_EXAMPLE_URL).then(
    (text) => predictTyped || predictInput.setText(text),
    () => {}, // an empty box is fine: the user pastes their own
  );

  const refreshControls = () => {
    const busy = run.training || run.predicting;
    progress.setReady(!busy);
    predictInput.setEnabled({ hasModel: run.hasModel, busy });
    model?.setHasModel(run.hasModel && !busy);
  };

  let info;
  try {
    info = await engine.init();
  } catch (err) {
    status.setBackend(null);
    status.set(t('statusEngineError', { message: err.message }), 'error');
    return;
  }
  status.setBackend(info.backend);
  model = new ModelPanel(byId('model-panel'), {
    presets: info.presets,
    selected: DEFAULT_PRESET,
    onSave: () => saveModel(),
    onLoad: (text, name) => loadModel(text, name),
    onSpecChange: (spec) => describeModel(spec),
  });
  describeModel(model.currentSpec());
  status.set(t('statusReady'));
  refreshControls();

  // Shows what the chosen spec builds (accepted lengths, padding or cropping, size) under the preset menu.
  async function describeModel(spec) {
    if (spec === null) return model.setSummary('');
    try {
      const d = await engine.describe(spec);
      if (d.classes !== labelClasses) {
        labelClasses = d.classes;
        validateTraining(data.text); // labels 0..K-1 are right or wrong depending on the model
      }
      const vars = { min: d.minLength, length: d.fixedLength, parameters: d.parameters.toLocaleString('en') };
      model.setSummary(t(!d.fixedLength ? 'modelTakesAny' : d.resize === 'exact' ? 'modelTakesExact' : 'modelTakesFixed', vars));
    } catch (err) {
      model.setSummary(t('modelSpecInvalid', { message: err.errors?.[0]?.message ?? err.message }));
    }
  }

  async function train() {
    const settings = model.values();
    if (!settings.ok) return;
    const { spec, epochs, learningRate, batchSize, seed } = settings;
    const options = { spec, epochs, learningRate, batchSize, seed };
    run.training = true;
    refreshControls();
    model.setDisabled(true);
    data.errors.clear();
    chart.clear();
    progress.start();
    status.set(t('statusTrainingStart'), 'busy');
    let shownEpoch = 0;
    try {
      const summary = await engine.train(data.text, options, (p) => {
        progress.update(p);
        chart.append(p);
        if (p.epoch !== shownEpoch) status.set(t('statusTraining', p), 'busy');
        shownEpoch = p.epoch;
      });
      run.hasModel = summary.hasModel;
      progress.finish(summary);
      if (summary.error) status.set(t('statusTrainError', { message: summary.error }), 'error');
      else status.set(summaryMessage({ epochs: options.epochs, ...summary }), summary.cancelled ? 'info' : 'done');
    } catch (err) {
      progress.finish(null);
      const located = err.errors.filter((e) => e.line > 0);
      const toModel = err.stage === 'model' || err.errors.some((e) => e.field && !(e.line > 0));
      if (located.length || (!toModel && err.stage === 'data')) data.errors.show(err.errors.length ? err.errors : err.message, { moreErrors: err.moreErrors, select: true });
      else model.showErrors(err.errors.length ? err.errors : err.message);
      status.set(t('statusTrainFailed'), 'error');
    } finally {
      run.training = false;
      model.setDisabled(false);
      refreshControls();
    }
  }

  async function predict(text) {
    run.predicting = true;
    refreshControls();
    predictInput.clearErrors();
    status.set(t('statusPredicting'), 'busy');
    try {
      const rows = await engine.predict(text);
      table.show(rows);
      status.set(t('statusPredicted', { count: rows.length }), 'done');
    } catch (err) {
      table.clear();
      predictInput.showErrors(err.errors.length ? err.errors : err.message, err.moreErrors);
      status.set(t('statusPredictFailed'), 'error');
    } finally {
      run.predicting = false;
      refreshControls();
    }
  }

  async function saveModel() {
    try {
      const name = 'helix-model.json';
      downloadText(await engine.saveModel(), name, 'application/json');
      status.set(t('statusModelSaved', { name }), 'done');
    } catch (err) {
      status.set(t('errorGeneric', { message: err.message }), 'error');
    }
  }

  async function loadModel(text, name) {
    try {
      await engine.loadModel(text);
      run.hasModel = true;
      status.set(t('statusModelLoaded', { name }), 'done');
    } catch (err) {
      status.set(t('statusModelLoadFailed', { message: err.message }), 'error');
    }
    refreshControls();
  }
}

main().catch((err) => {
  console.error(err);
  const box = document.getElementById('status');
  if (box) box.textContent = t('errorGeneric', { message: err.message });
});
