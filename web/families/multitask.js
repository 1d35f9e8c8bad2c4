// web/families/multitask.js: one network, several heads (one label column each): a curve per head, and the
// test scores per head as its result.
import { t } from '../strings.js';
import { TaskMetrics } from '../views/task-metrics.js';
import { defineFamily, metric, tableTrainedMessage } from './family.js';

export default defineFamily({
  key: 'multitask',
  result: 'task-metrics',
  explain: true,
  matches: (spec, table) => table === 'sequence' && (spec?.heads?.length ?? 0) > 1,
  examples: { 'cnn-multitask': 'multitask' },
  chartTasks: (spec) => (spec?.heads ?? []).map((head) => head.name),
  trainedMessage(summary, seconds) {
    const test = summary.test ?? {};
    if (!test.heads) return tableTrainedMessage(summary, seconds);
    return t('statusTrainedTasks', { seconds, tasks: Object.keys(test.heads).length, auroc: metric(test.auroc) });
  },
  results(element) {
    const view = new TaskMetrics(element);
    return { show: (summary) => view.show(summary.test) };
  },
});
