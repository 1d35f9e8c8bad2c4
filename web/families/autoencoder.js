// web/families/autoencoder.js: autoencoders on an expression matrix (cells × genes) with a cell-labels table:
// the result is the cells' latent map, coloured by the chosen label column.
import { t } from '../strings.js';
import { tableHeader } from '../table-columns.js';
import { LatentScatter } from '../views/latent-scatter.js';
import { defineFamily, metric } from './family.js';

const autoencoder = defineFamily({
  key: 'autoencoder',
  data: 'matrix',
  chartMetric: 'none',
  result: 'latent',
  predict: false,
  engine: 'autoencoder',
  matches: (spec, table) => table === 'autoencoder' || spec?.type === 'autoencoder',
  examples: { autoencoder: 'pbmc3k', 'dae-impute': 'pbmc3k' },
  input: ({ main, second, labelColumn }) => ({ matrix: main, labels: second, labelColumn }),
  // A saved model is used on the matrix (and labels) in the data panel.
  loadSetup: ({ main, second, labelColumn }) => [['load', main, { labels: second, labelColumn }]],
  afterLoad: () => {},
  describeData: ({ second }) => (second.trim() ? t('dataSummaryLabels', { rows: tableHeader(second).rows }) : ''),
  describeModel: null,
  trainedMessage(summary, seconds) {
    const test = summary.test ?? {};
    return Number.isFinite(test.maskedMse)
      ? t('statusTrainedAutoencoder', { seconds, mse: metric(test.maskedMse), mean: metric(test.meanImputationMse) })
      : t('statusTrainedNoTest', { seconds });
  },
  results(element, ctx) {
    const view = new LatentScatter(element);
    return { show: async (summary) => view.show(await ctx.engine.call(autoencoder.key, 'encode'), summary) };
  },
});

export default autoencoder;
