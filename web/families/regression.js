// web/families/regression.js: sequence models whose heads predict numbers (loss mse or poisson: enhancer
// activity, log counts): loss curves, and as the result a predicted-vs-measured scatter per target with its
// Pearson r, Spearman ρ and, where the table has a second replicate (<target>_rep2), the noise ceiling.
import { t } from '../strings.js';
import { RegressionScatter } from '../views/regression-scatter.js';
import { defineFamily, metric } from './family.js';

const NUMBER_LOSSES = new Set(['mse', 'poisson']);

// The heads of a sequence spec ({name, loss}), a spec without "heads" being one head named 'label'.
const headsOf = (spec) => spec?.heads ?? [{ name: 'label', loss: spec?.loss }];

// Each target's test figures: {name, observed, predicted, pearson, spearman} from the summary's test scores.
export function regressionTargets(summary, spec) {
  const test = summary?.test ?? {};
  return headsOf(spec)
    .map(({ name }) => ({ name, scores: test.heads?.[name] ?? test }))
    .filter(({ scores }) => scores.points)
    .map(({ name, scores }) => ({
      name,
      observed: scores.points.observed,
      predicted: scores.points.predicted,
      pearson: scores.pearson,
      spearman: scores.spearman,
    }));
}

// Pearson r of two replicate columns of a table text (the noise ceiling), or undefined when absent.
export function replicateCeiling(text, column) {
  const lines = (text ?? '').split(/\r?\n/).filter((l) => l.trim());
  if (lines.length < 3) return undefined;
  const delim = lines[0].includes('\t') ? '\t' : ',';
  const header = lines[0].split(delim).map((c) => c.trim().toLowerCase());
  const a = header.indexOf(column.toLowerCase());
  const b = header.indexOf(`${column.toLowerCase()}_rep2`);
  if (a < 0 || b < 0) return undefined;
  const pairs = lines
    .slice(1)
    .map((l) => l.split(delim))
    .map((f) => [Number(f[a]), Number(f[b])])
    .filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y));
  return pearson(pairs);
}

function pearson(pairs) {
  const n = pairs.length;
  if (n < 2) return undefined;
  const mx = pairs.reduce((s, [x]) => s + x, 0) / n;
  const my = pairs.reduce((s, [, y]) => s + y, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (const [x, y] of pairs) {
    sxy += (x - mx) * (y - my);
    sxx += (x - mx) ** 2;
    syy += (y - my) ** 2;
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : undefined;
}

export default defineFamily({
  key: 'regression',
  chartMetric: 'none',
  result: 'regression',
  explain: true,
  matches: (spec, table) => table === 'sequence' && headsOf(spec).every((h) => NUMBER_LOSSES.has(h.loss)),
  examples: { 'regression-activity': 'activity' },
  trainedMessage(summary, seconds) {
    const test = summary.test ?? {};
    const heads = test.heads ?? (Number.isFinite(test.pearson) ? { label: test } : {});
    const targets = Object.entries(heads)
      .map(([name, s]) => `${name} ${metric(s.pearson)}`)
      .join(', ');
    return targets && test.n > 0
      ? t('statusTrainedRegression', { seconds, targets, n: test.n })
      : t('statusTrainedNoTest', { seconds });
  },
  results(element, ctx) {
    const view = new RegressionScatter(element);
    return {
      show(summary, texts) {
        const targets = regressionTargets(summary, ctx.currentSpec()).map((target) => ({
          ...target,
          ceiling: replicateCeiling(texts?.main, target.name),
        }));
        if (targets.length) view.show({ targets });
      },
    };
  },
});
