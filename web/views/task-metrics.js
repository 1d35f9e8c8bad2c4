// web/views/task-metrics.js: a multi-task model's held-out scores, one row per task (head): how many test
// rows had that task's label, AUROC, AUPRC and accuracy. Each task is scored only where its label is known.
import { h } from './dom.js';
import { t } from '../strings.js';

const fmt = (v) => (Number.isFinite(v) ? v.toFixed(3) : '–');

export class TaskMetrics {
  constructor(container) {
    this.body = h('tbody');
    this.caption = h('caption', {}, t('tasksCaption'));
    this.table = h(
      'table',
      { className: 'metrics', dataset: { testid: 'task-metrics' } },
      this.caption,
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          [t('tasksTask'), t('tasksN'), 'AUROC', 'AUPRC', t('tasksAccuracy')].map((label, i) =>
            h('th', { scope: 'col', className: i ? 'numeric' : '' }, label),
          ),
        ),
      ),
      this.body,
    );
    this.element = h(
      'div',
      { className: 'task-metrics table-scroll', hidden: true },
      h('h3', {}, t('tasksTitle')),
      h('p', { className: 'hint' }, t('tasksIntro')),
      this.table,
    );
    container.append(this.element);
  }

  // test: the fit summary's test scores {n, auroc, ..., heads: {name: {n, auroc, auprc, accuracy}}}.
  show(test) {
    this.element.hidden = false;
    const heads = Object.entries(test?.heads ?? {});
    this.body.replaceChildren(
      ...heads.map(([name, s]) =>
        h(
          'tr',
          { dataset: { testid: 'task-row', task: name } },
          h('th', { scope: 'row' }, name),
          h('td', { className: 'numeric', dataset: { metric: 'n' } }, String(s.n ?? '–')),
          h('td', { className: 'numeric', dataset: { metric: 'auroc' } }, fmt(s.auroc)),
          h('td', { className: 'numeric', dataset: { metric: 'auprc' } }, fmt(s.auprc)),
          h('td', { className: 'numeric', dataset: { metric: 'accuracy' } }, fmt(s.accuracy)),
        ),
      ),
    );
    this.caption.textContent = t('tasksCaption');
  }
}
