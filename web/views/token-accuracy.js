// web/views/token-accuracy.js: how a DNA language model learns: the accuracy with which it fills in masked
// bases of held-out sequences after each epoch, against the best order-k Markov model (a dashed line), which
// guesses a base from its k neighbours on each side. A sentence says whether the model beats it.
// (A language model's embeddings are drawn by latent-scatter.js.)
//   new TokenAccuracy(container).show({history: [{epoch, accuracy, loss}], baseline: {order, accuracy}})
import { h, svg } from './dom.js';
import { t } from '../strings.js';
import { axis, linearScale, niceTicks, polyline, roundedDomain } from './chart-axes.js';
import { figureShell, hiddenTable, legendItem, fmt } from './view-parts.js';
import { exportButtons } from './figure-export.js';

const WIDTH = 640;
const HEIGHT = 280;
const MARGIN = { left: 70, top: 14, right: 20, bottom: 50 };
const MODEL = '#1d4f91';
const BASELINE = '#b9400f';

const measured = (history) => history.filter((p) => Number.isFinite(p.epoch) && Number.isFinite(p.accuracy));

/**
 * The model's latest held-out accuracy against the baseline: {epoch, accuracy, order, baseline, above}, or
 * null before the first epoch. `above` is null when there is no baseline.
 */
export function verdict(history, baseline) {
  const points = measured(history);
  if (points.length === 0) return null;
  const { epoch, accuracy } = points[points.length - 1];
  const base = Number.isFinite(baseline?.accuracy) ? baseline.accuracy : null;
  return { epoch, accuracy, order: baseline?.order, baseline: base, above: base === null ? null : accuracy > base };
}

// The y range: every accuracy and the baseline with 5% to spare, widened to round ticks, inside [0, 1].
export function accuracyDomain(history, baseline) {
  const values = [...measured(history).map((p) => p.accuracy), baseline?.accuracy].filter(Number.isFinite);
  if (values.length === 0) return [0, 1];
  const [min, max] = [Math.min(...values), Math.max(...values)];
  const pad = 0.05 * (max - min); // no point on the frame
  const [lo, hi] = roundedDomain(min - pad, max + pad, 4);
  return [Math.max(0, lo), Math.min(1, hi)];
}

// epoch, accuracy, loss: one row per epoch.
export const accuracyTsv = (history) =>
  ['epoch\taccuracy\tloss', ...history.map((p) => `${p.epoch}\t${p.accuracy ?? ''}\t${p.loss ?? ''}`)].join('\n') +
  '\n';

export class TokenAccuracy {
  constructor(container) {
    Object.assign(this, figureShell({ key: 'token', svgTestid: 'token-accuracy', width: WIDTH, height: HEIGHT }));
    this.verdict = h('p', { className: 'summary', dataset: { testid: 'token-verdict' } });
    this.legend = h('div', { className: 'legend' });
    this.table = hiddenTable('token-table');
    this.element.append(
      this.legend,
      this.verdict,
      this.table.element,
      exportButtons({
        figure: () => this.figure,
        tsv: () => accuracyTsv(this.history),
        name: () => 'helix-masked-token-accuracy',
        what: t('tokenTitle'),
        testid: 'token-export',
      }),
    );
    container.append(this.element);
    this.history = [];
  }

  show({ history = [], baseline } = {}) {
    this.history = history;
    this.element.hidden = false;
    const points = measured(history);
    const epochs = points.map((p) => p.epoch);
    const first = Math.min(...epochs, 1);
    const last = Math.max(...epochs, first + 1);
    const x = linearScale([first - 0.4, last + 0.4], [MARGIN.left, WIDTH - MARGIN.right]); // no point on the frame
    const domain = accuracyDomain(history, baseline);
    const y = linearScale(domain, [HEIGHT - MARGIN.bottom, MARGIN.top]);
    const epochTicks = niceTicks(first, last, 8).filter(Number.isInteger);
    const marks = [
      svg('path', {
        class: 'model-line',
        d: polyline(points.map((p) => [x(p.epoch), y(p.accuracy)])),
        fill: 'none',
        stroke: MODEL,
        'stroke-width': 2,
      }),
      points.map((p) =>
        svg(
          'circle',
          { class: 'model-point', cx: x(p.epoch).toFixed(2), cy: y(p.accuracy).toFixed(2), r: 3.5, fill: MODEL },
          svg('title', {}, t('tokenPointTitle', { epoch: p.epoch, accuracy: fmt(p.accuracy) })),
        ),
      ),
    ];
    const v = verdict(history, baseline);
    if (Number.isFinite(baseline?.accuracy)) {
      const by = y(baseline.accuracy);
      const label = t('tokenBaselineLabel', { order: baseline.order, accuracy: fmt(baseline.accuracy) });
      marks.unshift(
        svg('line', {
          class: 'baseline',
          x1: MARGIN.left,
          x2: WIDTH - MARGIN.right,
          y1: by,
          y2: by,
          stroke: BASELINE,
          'stroke-width': 1.5,
          'stroke-dasharray': '6 4',
        }),
        svg(
          'text',
          {
            x: WIDTH - MARGIN.right - 4,
            y: by + (v?.above === false ? 14 : -5),
            'text-anchor': 'end',
            'font-size': 11,
            fill: BASELINE,
          },
          label,
        ),
      );
    }
    this.figure.replaceChildren(
      ...marks.flat(),
      axis({
        side: 'bottom',
        at: HEIGHT - MARGIN.bottom,
        from: MARGIN.left,
        to: WIDTH - MARGIN.right,
        ticks: epochTicks,
        scale: x,
        labels: epochTicks.map(String),
        title: t('tokenEpochAxis'),
      }),
      axis({
        side: 'left',
        at: MARGIN.left,
        from: HEIGHT - MARGIN.bottom,
        to: MARGIN.top,
        ticks: niceTicks(...domain, 4),
        scale: y,
        title: t('tokenAccuracyAxis'),
      }),
    );
    this.#describe(v, baseline);
    Object.assign(this.element.dataset, {
      points: String(points.length),
      baseline: Number.isFinite(baseline?.accuracy) ? String(baseline.accuracy) : '',
      above: v?.above === null || !v ? '' : String(v.above),
    });
  }

  #describe(v, baseline) {
    const numbers = v && {
      epoch: v.epoch,
      accuracy: fmt(v.accuracy),
      order: v.order,
      baseline: fmt(v.baseline),
    };
    const key = !v ? 'tokenEmpty' : v.above === null ? 'tokenNoBaseline' : v.above ? 'tokenAbove' : 'tokenNotAbove';
    this.verdict.textContent = t(key, numbers ?? {});
    this.figure.setAttribute('aria-label', `${t('tokenTitle')}: ${this.verdict.textContent}`);
    this.legend.replaceChildren(
      legendItem(MODEL, t('tokenModelLegend'), { line: 'solid' }),
      ...(Number.isFinite(baseline?.accuracy)
        ? [legendItem(BASELINE, t('tokenBaselineLegend', { order: baseline.order }), { line: 'dashed' })]
        : []),
    );
    this.table.set(
      t('tokenTableCaption'),
      [t('tokenEpochAxis'), t('tokenAccuracyAxis'), t('tokenLoss')],
      this.history.map((p) => [p.epoch, fmt(p.accuracy), fmt(p.loss)]),
    );
  }
}
