// web/families/graph.js: graph convolutional networks on a nodes table and an edges table. Node
// classification (Cora): accuracy per split of the nodes and a neighbourhood coloured by prediction. Graph
// classification (a `graph` column): accuracy on the test graphs and over all graphs, and a few whole graphs.
import { t } from '../strings.js';
import { fetchText } from '../examples.js';
import { tableColumns, tableHeader } from '../table-columns.js';
import { readGraphTables } from '../graph-tables.js';
import { GraphView } from '../views/graph-view.js';
import { GraphAccuracy, accuracyBySplit } from '../views/graph-accuracy.js';
import { defineFamily, metric } from './family.js';

// The class names: the example's own, or its classes table's.
async function classNames(example) {
  if (!example?.classes) return example?.classNames ?? [];
  const cls = tableColumns(await fetchText(example.classes).catch(() => ''), ['name_inferred', 'name']);
  return (cls.name_inferred ?? cls.name ?? []).map((n) => n.replace(/_/g, ' '));
}

const graph = defineFamily({
  key: 'graph',
  data: 'graph',
  chartMetric: 'accuracy',
  result: 'graph',
  predict: false,
  engine: 'graph',
  matches: (spec, table) =>
    table === 'graph' || spec?.task === 'node_classification' || spec?.task === 'graph_classification',
  examples: { 'gcn-node': 'cora', 'gcn-graph': 'graph-motifs' },
  fields: ['epochs', 'learningRate', 'seed'], // it trains on the whole graph at once: no batches
  input: ({ main, second }) => ({ nodes: main, edges: second }),
  // A saved model is used on the graph in the data panel: its scores there are shown as a run's.
  loadSetup: ({ main, second }) => [['load', main, second], ['evaluate']],
  afterLoad: async (ctx, results) =>
    ctx.state.family === graph && (await ctx.training.showResults({ test: results.at(-1) }, ctx.data.values)),
  describeData: ({ main, second }) =>
    t('dataSummaryGraph', { nodes: tableHeader(main).rows, edges: tableHeader(second).rows }),
  describeModel: null,
  trainedMessage: (summary, seconds) =>
    t('statusTrainedGraph', { seconds, n: summary.test?.n, accuracy: metric(summary.test?.accuracy) }),
  results(element, ctx) {
    const accuracy = new GraphAccuracy(element);
    const view = new GraphView(element);
    return {
      async show(summary, { main, second }) {
        const predicted = new Map((await ctx.engine.call(graph.key, 'predict')).map((p) => [String(p.id), p.class]));
        const tables = readGraphTables(main, second);
        const names = await classNames(ctx.data.example);
        if (tables.graphs) {
          const all = accuracyBySplit(new Map(tables.graphs.map((g) => [g.id, g.label])), predicted, new Map()).all;
          const test = { n: summary.test?.n ?? 0, accuracy: summary.test?.accuracy };
          accuracy.show(
            Object.fromEntries(
              Object.entries({ graphsTest: test, graphsAll: all }).filter(
                ([, v]) => v?.n > 0 && Number.isFinite(v.accuracy),
              ),
            ),
          );
          view.showGraphs(tables.graphs, predicted, names);
        } else {
          accuracy.show(accuracyBySplit(tables.labels, predicted, tables.splits));
          view.show(tables, predicted, names);
        }
      },
    };
  },
});

export default graph;
