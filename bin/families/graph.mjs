// bin/families/graph.mjs: graph models (GCNs: a label per node, or per graph) in the `helix` command. Their data
// are two tables, --nodes and --edges, read into the model before training, evaluation or prediction.
import { need } from '../cli/args.mjs';
import { readText, openModel, withSourceFiles } from '../cli/files.mjs';
import { epochPrinter, score, bestEpoch } from '../cli/progress.mjs';
import { printJson, tsv, writeOutput } from '../cli/output.mjs';

export const graph = {
  name: 'graph',
  what: 'graph models',
  marks: ['nodes', 'edges'],
  train: {
    usage: '--nodes nodes.tsv --edges edges.tsv [--epochs N] [--lr X] [--seed S]',
    required: ['nodes', 'edges'],
    options: ['nodes', 'edges', 'epochs', 'lr', 'seed'],
    prepare: async (model, args) => {
      const info = await loadGraph(model, args);
      if (!args.quiet) process.stderr.write(describe(info));
      return { info, metadata: { nodes: args.nodes, edges: args.edges } };
    },
    progress: (args) =>
      epochPrinter(args.quiet, (p) =>
        p.valLoss == null ? '' : ` · validation accuracy ${p.valAccuracy.toFixed(3)} loss ${p.valLoss.toFixed(4)}`,
      ),
    summary: (s, { info }) => {
      const graphs = info.graphs !== undefined;
      return (
        `${bestEpoch(s)}; test ${graphs ? 'graphs' : 'nodes'} (${s.test.n}): accuracy ${score(s.test.accuracy)}` +
        `${graphs ? `, AUROC ${score(s.test.auroc)}` : ''} · ${s.seconds.toFixed(1)} s\n`
      );
    },
  },
  predict: {
    usage: '--model model.json --nodes nodes.tsv --edges edges.tsv [--out predictions.tsv]',
    run: predict,
  },
  evaluate: {
    usage: '--model model.json --nodes nodes.tsv --edges edges.tsv\n(JSON: accuracy on the test nodes or graphs)',
    run: async (helix, args) => {
      const model = await openGraphModel(helix, args);
      printJson(model.evaluate());
      model.dispose();
    },
  },
};

const describe = (info) =>
  `${info.graphs === undefined ? 'graph: ' : `${info.graphs} graphs: `}` +
  `${info.nodes} nodes, ${info.edges} edges, ${info.features} features, ${info.classes} classes; ` +
  `train ${info.split.train}, val ${info.split.val}, test ${info.split.test}\n`;

// Reads --nodes and --edges into the model; an input error names the table it is in.
async function loadGraph(model, args) {
  const nodesPath = need(args, 'nodes');
  const edgesPath = need(args, 'edges');
  const nodes = await readText(nodesPath, 'nodes');
  const edges = await readText(edgesPath, 'edges');
  return withSourceFiles({ nodes: nodesPath, edges: edgesPath }, () => model.load(nodes, edges));
}

const openGraphModel = (helix, args) =>
  openModel(
    args,
    (text) => helix.loadGraphModel(text),
    (model) => loadGraph(model, args),
  );

// One row per graph (graph classification: graph id, class, p_<class>...) or per node (node classification).
async function predict(helix, args) {
  const model = await openGraphModel(helix, args);
  const rows = model.predict();
  const K = rows[0]?.probabilities.length ?? 0;
  const key = model.spec.task === 'graph_classification' ? 'graph' : 'node';
  await writeOutput(
    args.out,
    tsv(
      [key, 'class', ...Array.from({ length: K }, (_, k) => `p_${k}`)],
      rows.map((r) => [r.id, r.class, ...r.probabilities.map((p) => p.toFixed(6))]),
    ),
  );
  model.dispose();
}
