// web/families/family.js: what a page family module (web/families/<key>.js) is, and the defaults it starts
// from: a model of a labelled table (one text box, epoch curves, AUROC, Predict), which the table families
// share and the others override. A family module is one object:
//   key, label          its name and the picker's group heading (a strings.js key)
//   data                the data panel's inputs: 'table' | 'graph' (nodes + edges) | 'matrix' | 'fasta'
//   curves              'epochs' (loss per batch and epoch, a validation score) | 'gan' (D and G loss per step)
//   chartMetric         the validation score drawn: 'auroc' | 'accuracy' | 'none'; chartTasks(spec): its heads
//   result              the result view's kind (ResultPanel slot); results(element, ctx) builds its controller:
//                       { show(summary, texts), refresh({ models, busy }), usePreset(spec), options() } (all optional)
//   predict, explain    whether the Predict panel applies; whether its models read DNA (attributions, motifs)
//   predictFrom         what the Predict box takes: 'sequences' (the shipped FASTA) | 'rows' (rows of the example)
//   liveParse           the data box is checked by the engine's sequence parser as the user types
//   engine              the engine family of its models ('sequence' | 'graph' | 'autoencoder' | 'gan'): a saved
//                       file of that family loads into it
//   fields              the training settings it uses (web/state/fields.js names)
//   fileBase            the saved model's file name, without .json
//   input(values)       the training input from the data panel's values {main, second, labelColumn}
//   setup(ctx)          calls made on a new model before training ([[method, ...args]]), and what to remember
//   loadSetup(values)   calls made on a loaded model before it replaces the current one
//   afterLoad(ctx, results)   after a file loaded into this family (results: those of loadSetup's calls)
//   describeData(values)      a one-line account of data the live parser does not check
//   describeModel(d, vars)    the model panel's sentence on what a spec builds (null: not asked)
//   trainedMessage(summary, seconds)   the status line after a run that was not cancelled
//   matches(spec, table) whether a preset (of the engine's preset table `table`) belongs here; examples: the
//                       example each of its presets starts with (keys of web/examples.js; else its first)
import { t } from '../strings.js';
import { tableHeader } from '../table-columns.js';

export const ALL_FIELDS = ['epochs', 'learningRate', 'batchSize', 'seed'];

// "0.934" for metrics; "–" when the engine had nothing to report.
export const metric = (value) => (Number.isFinite(value) ? value.toFixed(3) : '–');

// A classifier's run: its test AUROC and accuracy, when it had a test set.
export function tableTrainedMessage(summary, seconds) {
  const test = summary.test ?? {};
  return test.n > 0 && Number.isFinite(test.auroc)
    ? t('statusTrained', { seconds, n: test.n, auroc: metric(test.auroc), accuracy: metric(test.accuracy) })
    : t('statusTrainedNoTest', { seconds });
}

const TABLE_FAMILY = {
  data: 'table',
  curves: 'epochs',
  chartMetric: 'auroc',
  chartTasks: () => [],
  result: 'predictions',
  results: null,
  predict: true,
  explain: false,
  predictFrom: 'sequences',
  liveParse: false,
  engine: 'sequence',
  fields: ALL_FIELDS,
  input: ({ main }) => main,
  setup: () => ({ calls: [] }),
  loadSetup: () => [],
  afterLoad: (ctx) => ctx.resetExplanations(),
  describeData({ main }) {
    const { columns, rows } = tableHeader(main);
    return t('dataSummaryTable', { count: rows, rows, columns: columns.join(', ') });
  },
  describeModel: (d, vars) =>
    t(!d.fixedLength ? 'modelTakesAny' : d.resize === 'exact' ? 'modelTakesExact' : 'modelTakesFixed', vars),
  trainedMessage: tableTrainedMessage,
  matches: () => false,
  examples: {},
};

// The input types of a sequence-table spec ('dna' when not named): how the table families tell theirs apart.
export const inputTypes = (spec) => new Set((spec?.inputs ?? []).map((i) => i.type ?? 'dna'));

// A family module's object: the table defaults, then its own entries; label and fileBase follow from the key.
export const defineFamily = (own) => ({
  ...TABLE_FAMILY,
  label: `family${own.key[0].toUpperCase()}${own.key.slice(1)}`,
  fileBase: `helix-${own.key}`,
  ...own,
});
