// js/families/graph.js: graph convolutional networks (GraphSession, core/api/graph_session.hpp): node
// classification (full batch, one epoch per step) and graph classification (mini-batches of graphs). The
// graph is read apart (load) or given to fit as {nodes, edges}; the extras: load, predict, evaluate.
import { GRAPH_PRESETS } from '../presets.js';
import { answer } from '../errors.js';
import { Session } from '../session.js';
import { registerFamily } from './registry.js';

export class GraphModel extends Session {
  static family = 'graph';
  static inputKeys = ['nodes', 'edges'];
  static saveNeeds = 'load a graph before saving: the weights are made for its features and classes';

  /**
   * Reads the graph: nodes table (node, label, [split], feature_indices or numeric columns) and edges table
   * (source, target). Returns {nodes, edges, features, classes, split: {train, val, test, unlabelled}, ...}.
   * A graph_classification model (gcn-graph) needs a `graph` column; it returns `graphs` too, and `split`
   * counts graphs.
   * Throws HelixInputError whose `source` says which table ('nodes' | 'edges' | 'spec') the errors are in.
   */
  load(nodesText, edgesText) {
    return answer(this.session.load(nodesText, edgesText));
  }

  /**
   * fit([{nodes, edges}], options): full-batch training, one epoch per step: options epochs, seed (fresh
   * weights: same seed, same run), patience, learningRate; onProgress({epoch, epochs, loss, trainAccuracy,
   * valLoss, valAccuracy, seconds}); signal (AbortSignal) cancels between epochs (graph models: between
   * mini-batches of graphs). Early stopping restores the best weights. Resolves to {epochsRun, bestEpoch,
   * stoppedEarly, cancelled, test: {accuracy, loss, n}, seconds} (graph models: n counts test graphs and
   * test.auroc is the macro AUROC), and `error` and `diverged` ({epoch, batch, message}) when training diverged.
   */
  startTraining(input, optionsJson) {
    if (input !== undefined) this.load(input.nodes, input.edges);
    return this.session.startTraining('', optionsJson); // the data were loaded: no input here
  }

  /** The engine steps graph models one mini-batch at a time (so a cancel gets in); progress stays per epoch. */
  showsProgress(p) {
    return p.type !== 'batch';
  }

  /** {accuracy, loss, n} on the labelled test nodes (graph models: graphs, plus auroc). Throws HelixInputError. */
  evaluate() {
    return answer(this.session.evaluate());
  }

  /**
   * Every node of the loaded graph: [{id, class, probabilities}]; a graph model gives one row per graph, `id`
   * being the graph's id. Throws HelixInputError.
   */
  predict() {
    return answer(this.session.predict()).predictions;
  }
}

registerFamily({
  name: 'graph',
  Session: GraphModel,
  engineClass: 'GraphSession',
  presets: GRAPH_PRESETS,
  matchesSpec: (spec) => 'task' in spec,
});
