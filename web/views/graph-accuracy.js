// web/views/graph-accuracy.js: how often a graph model's predicted class is right, per split of the nodes
// (train, validation, test; unlabelled nodes are not scored), with the count of nodes each figure rests on.
import { h } from './dom.js';
import { t } from '../strings.js';

const SPLIT_ORDER = ['train', 'val', 'validation', 'test', 'graphsTest', 'graphsAll'];

// {split: {n, correct, accuracy}} from true labels and predictions (Maps id -> class) and each node's split.
export function accuracyBySplit(labels, predicted, splits) {
  const out = {};
  for (const [id, truth] of labels) {
    const split = splits.get(id) ?? 'all';
    const p = predicted.get(id);
    if (truth === undefined || p === undefined || (!SPLIT_ORDER.includes(split) && split !== 'all')) continue;
    const s = (out[split] ??= { n: 0, correct: 0 });
    s.n += 1;
    if (p === truth) s.correct += 1;
  }
  for (const s of Object.values(out)) s.accuracy = s.correct / s.n;
  return out;
}

export class GraphAccuracy {
  constructor(container) {
    this.body = h('tbody');
    this.element = h(
      'div',
      { className: 'graph-accuracy table-scroll', hidden: true },
      (this.title = h('h3', {}, t('graphAccuracyTitle'))),
      h(
        'table',
        { className: 'metrics', dataset: { testid: 'graph-accuracy' } },
        h('caption', { className: 'visually-hidden' }, t('graphAccuracyTitle')),
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            (this.what = h('th', { scope: 'col' }, t('graphSplit'))),
            h('th', { scope: 'col', className: 'numeric' }, t('graphNodes')),
            h('th', { scope: 'col', className: 'numeric' }, t('graphAccuracy')),
          ),
        ),
        this.body,
      ),
    );
    container.append(this.element);
  }

  // bySplit: accuracyBySplit()'s result.
  show(bySplit) {
    this.element.hidden = false;
    const order = (k) => (SPLIT_ORDER.indexOf(k) + 10) % 10;
    const graphs = 'graphsTest' in bySplit || 'graphsAll' in bySplit;
    this.title.textContent = t(graphs ? 'graphAccuracyTitleGraphs' : 'graphAccuracyTitle');
    this.what.textContent = t(graphs ? 'graphSplitGraphs' : 'graphSplit');
    const rows = Object.entries(bySplit).sort(([a], [b]) => order(a) - order(b));
    this.body.replaceChildren(
      ...rows.map(([split, s]) =>
        h(
          'tr',
          { dataset: { testid: 'graph-accuracy-row', split } },
          h('th', { scope: 'row' }, t(`graphSplit_${split}`)),
          h('td', { className: 'numeric' }, String(s.n)),
          h('td', { className: 'numeric', dataset: { accuracy: s.accuracy.toFixed(4) } }, s.accuracy.toFixed(3)),
        ),
      ),
    );
  }
}
