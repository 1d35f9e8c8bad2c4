// web/views/regression-scatter.js: a regression model's predictions against the measured values on test
// sequences (DeepSTARR: enhancer activity), one target at a time: observed on x, predicted on y, the same
// scale on both so a perfect model sits on the dashed y = x line. The caption gives Pearson r, Spearman ρ and,
// when known, the noise ceiling (how well two replicate measurements agree), the most a model can reach.
// At most 3000 points are drawn (an even, deterministic subset); the TSV export has them all.
//   new RegressionScatter(container).show({targets: [{name, predicted, observed, pearson, spearman, ceiling?, ids?}]})
import { h, svg } from './dom.js';
import { t } from '../strings.js';
import { classColor } from './palette.js';
import { axis, linearScale, niceTicks, roundedDomain } from './chart-axes.js';
import { figureShell, labelledSelect, hiddenTable, fmt } from './view-parts.js';
import { exportButtons } from './figure-export.js';
import { fileSafe } from './explain-panel.js';

export { niceTicks } from './chart-axes.js';

export const MAX_POINTS = 3000;
const SIZE = 380;
const MARGIN = { left: 70, top: 12, right: 16, bottom: 56 };
const WIDTH = MARGIN.left + SIZE + MARGIN.right;
const HEIGHT = MARGIN.top + SIZE + MARGIN.bottom;

// Indices of at most `max` of n points, spread evenly and the same every time: [0, n/max, 2n/max, ...].
export function thinPoints(n, max = MAX_POINTS) {
  const count = Math.min(n, Math.max(0, max));
  return Array.from({ length: count }, (_, i) => (count === n ? i : Math.floor((i * n) / count)));
}

// The indices where both the observed and the predicted value are numbers.
export const pairedIndices = ({ observed, predicted }) =>
  Array.from(observed, (_, i) => i).filter((i) => Number.isFinite(observed[i]) && Number.isFinite(predicted[i]));

// The one range of both axes: every observed and predicted value, widened to round ticks.
export function scatterDomain({ observed, predicted }) {
  const values = [...observed, ...predicted].filter(Number.isFinite);
  if (values.length === 0) return [0, 1];
  return roundedDomain(Math.min(...values), Math.max(...values), 5);
}

// id (when the target has ids), observed, predicted: every point, drawn or not.
export function scatterTsv({ ids, observed, predicted }) {
  const header = ids ? 'id\tobserved\tpredicted' : 'observed\tpredicted';
  const rows = Array.from(observed, (o, i) => (ids ? [ids[i], o, predicted[i]] : [o, predicted[i]]).join('\t'));
  return [header, ...rows].join('\n') + '\n';
}

export class RegressionScatter {
  constructor(container) {
    Object.assign(
      this,
      figureShell({ key: 'regression', svgTestid: 'regression-scatter', width: WIDTH, height: HEIGHT }),
    );
    this.target = labelledSelect({
      label: t('regressionTarget'),
      testid: 'regression-target',
      onChange: () => this.#draw(),
    });
    this.metrics = h('p', { className: 'summary', dataset: { testid: 'regression-metrics' } });
    this.table = hiddenTable('regression-table');
    this.figure.before(this.target.field);
    this.element.append(
      this.metrics,
      this.table.element,
      exportButtons({
        figure: () => this.figure,
        tsv: () => scatterTsv(this.#current()),
        name: () => `helix-regression-${fileSafe(this.#current().name)}`,
        what: t('regressionTitle'),
        testid: 'regression-export',
      }),
    );
    container.append(this.element);
    this.targets = [];
  }

  // data: {targets: [{name, predicted, observed, pearson, spearman, ceiling?, ids?}]}; keeps the chosen target.
  show({ targets }) {
    const kept = this.targets[Number(this.target.select.value)]?.name;
    this.targets = targets;
    this.element.hidden = false;
    const keptIndex = targets.findIndex((target) => target.name === kept);
    this.target.setOptions(
      targets.map((target, i) => ({ value: i, label: target.name })),
      keptIndex >= 0 ? keptIndex : 0,
    );
    this.target.field.hidden = targets.length < 2;
    this.#draw();
  }

  #current() {
    return this.targets[Number(this.target.select.value) || 0];
  }

  #draw() {
    const target = this.#current();
    const { name, observed, predicted } = target;
    const paired = pairedIndices(target);
    const shown = thinPoints(paired.length).map((k) => paired[k]);
    const domain = scatterDomain(target);
    const ticks = niceTicks(...domain, 5);
    const x = linearScale(domain, [MARGIN.left, MARGIN.left + SIZE]);
    const y = linearScale(domain, [MARGIN.top + SIZE, MARGIN.top]);
    const colour = classColor(0);
    const dots = shown.map((i) =>
      svg('circle', {
        cx: x(observed[i]).toFixed(2),
        cy: y(predicted[i]).toFixed(2),
        r: 2.2,
        fill: colour,
        'fill-opacity': 0.45,
      }),
    );
    const [lo, hi] = domain;
    this.figure.replaceChildren(
      svg('rect', { x: MARGIN.left, y: MARGIN.top, width: SIZE, height: SIZE, fill: 'none', stroke: '#c9d0d8' }),
      svg('line', {
        class: 'identity',
        x1: x(lo),
        y1: y(lo),
        x2: x(hi),
        y2: y(hi),
        stroke: '#4f5965',
        'stroke-dasharray': '6 4',
      }),
      svg('g', { class: 'points' }, dots),
      axis({
        side: 'bottom',
        at: MARGIN.top + SIZE,
        from: MARGIN.left,
        to: MARGIN.left + SIZE,
        ticks,
        scale: x,
        title: t('regressionObservedAxis', { target: name }),
      }),
      axis({
        side: 'left',
        at: MARGIN.left,
        from: MARGIN.top + SIZE,
        to: MARGIN.top,
        ticks,
        scale: y,
        title: t('regressionPredictedAxis', { target: name }),
      }),
    );
    this.#caption(target, paired.length, shown.length);
    Object.assign(this.element.dataset, {
      target: name,
      points: String(shown.length),
      n: String(paired.length),
    });
  }

  #caption(target, n, drawn) {
    const { name, pearson, spearman, ceiling } = target;
    const parts = [t('regressionMetrics', { target: name, n, pearson: fmt(pearson), spearman: fmt(spearman) })];
    if (Number.isFinite(ceiling))
      parts.push(
        t('regressionCeiling', {
          ceiling: fmt(ceiling),
          share: ceiling > 0 && Number.isFinite(pearson) ? Math.round((100 * pearson) / ceiling) : '–',
        }),
      );
    if (drawn < n) parts.push(t('regressionThinned', { drawn, n }));
    this.metrics.textContent = parts.join(' ');
    this.figure.setAttribute(
      'aria-label',
      t('regressionAria', { target: name, n, pearson: fmt(pearson), spearman: fmt(spearman) }),
    );
    const rows = [
      [t('regressionRowN'), n],
      ['Pearson r', fmt(pearson)],
      ['Spearman ρ', fmt(spearman)],
    ];
    if (Number.isFinite(ceiling)) rows.push([t('regressionRowCeiling'), fmt(ceiling)]);
    this.table.set(t('regressionTableCaption', { target: name }), [t('regressionMeasure'), t('regressionValue')], rows);
  }
}
