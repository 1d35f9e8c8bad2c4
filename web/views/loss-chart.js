// web/views/loss-chart.js: live learning curves with uPlot, for every model family. Two modes:
//   'epochs': top, training loss per batch (smoothed) and per epoch, validation loss per epoch; below, a
//             validation score per epoch (AUROC, or accuracy for graphs, or one AUROC per task).
//   'gan':    top, the discriminator's and the generator's loss per step; below, the discriminator's mean
//             output on real and on generated sequences.
// Redraws at most once per animation frame; a visually hidden table carries the numbers for screen readers.
// Knows nothing of workers.
import uPlot from '../vendor/uPlot.esm.js';
import { h } from './dom.js';
import { t, onLanguageChange } from '../strings.js';

const COLORS = {
  batch: '#8fb8de',
  trainEpoch: '#1d4f91',
  valLoss: '#b9400f',
  metric: ['#17703a', '#7a3db8', '#b8860b', '#0f6f7a'],
};
const SMOOTHING = 0.9; // exponential moving average of batch losses, debiased as TensorBoard does
const GAN_TABLE_EVERY = 25; // GAN: one table row per this many steps (and the last)

const fmt = (value, digits = 3) =>
  value === null || value === undefined || Number.isNaN(value) ? '–' : Number(value).toFixed(digits);

export class LossChart {
  constructor(container, { height = 220, metricHeight = 130 } = {}) {
    this.heights = { loss: height, metric: metricHeight };
    this.lossTarget = h('div', { className: 'chart' });
    this.metricTarget = h('div', { className: 'chart chart-small' });
    this.empty = h('p', { className: 'hint chart-empty' }, t('chartEmpty'));
    this.intro = h('p', { className: 'hint' }, t('chartIntro'));
    this.tableHead = h('thead');
    this.tableBody = h('tbody');
    this.caption = h('caption', {}, t('chartTableCaption'));
    const table = h(
      'div',
      { className: 'visually-hidden' }, // a hidden <table> itself would still widen the page
      h('table', { dataset: { testid: 'loss-table' } }, this.caption, this.tableHead, this.tableBody),
    );
    this.figure = h('div', { role: 'img' }, this.empty, this.lossTarget, this.metricTarget);
    this.element = h(
      'figure',
      { className: 'loss-chart', dataset: { testid: 'loss-chart' } },
      h('figcaption', {}, h('h3', {}, t('chartTitle')), this.intro),
      this.figure,
      table,
    );
    container.append(this.element);
    this.frame = 0;
    this.configure({ mode: 'epochs', metric: 'auroc' });
    this.resizeObserver = new ResizeObserver(() => this.#resize());
    this.resizeObserver.observe(this.element);
    // The axes are drawn on canvas: a language switch redraws them, keeping the curves.
    this.stopLanguage = onLanguageChange(() => {
      this.#label();
      this.#rebuild();
      this.#scheduleDraw();
    });
  }

  get pointCount() {
    return this.loss[0].length;
  }

  /**
   * Sets what the next run draws and clears the curves. mode: 'epochs' | 'gan'; metric (epochs mode):
   * 'auroc' | 'accuracy' | 'none'; tasks: head names, one validation AUROC curve each (multi-task).
   */
  configure({ mode = 'epochs', metric = 'auroc', tasks = [] } = {}) {
    this.mode = mode;
    this.metric = metric;
    this.tasks = mode === 'epochs' && metric === 'auroc' ? tasks : [];
    this.#label();
    this.metricTarget.hidden = this.metricSeries.length === 0;
    this.clear();
    this.#rebuild();
  }

  // The series, axes and table columns of the mode, in the current language.
  #label() {
    const { mode, metric } = this;
    const metricLabel = metric === 'accuracy' ? t('chartValAccuracy') : t('chartValAuroc');
    if (mode === 'gan') {
      this.lossSeries = [
        { label: t('chartDLoss'), stroke: COLORS.valLoss, width: 1.5 },
        { label: t('chartGLoss'), stroke: COLORS.trainEpoch, width: 1.5 },
      ];
      this.metricSeries = [
        { label: t('chartDReal'), stroke: COLORS.metric[0], width: 1.5 },
        { label: t('chartDFake'), stroke: COLORS.metric[1], width: 1.5, dash: [6, 4] },
      ];
      this.axes = { x: t('chartStep'), loss: t('chartLoss'), metric: t('chartDOutput'), metricRange: [0, 1] };
      this.columns = [t('chartStep'), t('chartDLoss'), t('chartGLoss'), t('chartDReal'), t('chartDFake')];
    } else {
      this.lossSeries = [
        { label: t('chartTrainLoss'), stroke: COLORS.batch, width: 1.5, points: { show: false } },
        { label: t('chartTrainLossEpoch'), stroke: COLORS.trainEpoch, points: { show: true, size: 6 } },
        { label: t('chartValLoss'), stroke: COLORS.valLoss, dash: [6, 4], points: { show: true, size: 6 } },
      ];
      const names = this.tasks.length
        ? this.tasks.map((task) => t('chartTaskAuroc', { task }))
        : metric === 'none'
          ? []
          : [metricLabel];
      this.metricSeries = names.map((label, i) => ({
        label,
        stroke: COLORS.metric[i % COLORS.metric.length],
        points: { show: true, size: 6 },
      }));
      this.axes = {
        x: t('chartX'),
        loss: t('chartLoss'),
        metric: metric === 'accuracy' ? t('chartAccuracy') : 'AUROC',
        metricRange: null,
      };
      this.columns = [t('chartEpoch'), t('chartTrainLoss'), t('chartValLoss'), ...names];
    }
    this.intro.textContent = t(mode === 'gan' ? 'chartIntroGan' : 'chartIntro');
    this.figure.setAttribute('aria-label', t(mode === 'gan' ? 'chartAriaLabelGan' : 'chartAriaLabel'));
    this.element.dataset.mode = mode;
    this.element.dataset.series = this.lossSeries.map((s) => s.label).join('|');
    this.tableHead.replaceChildren(
      h(
        'tr',
        {},
        this.columns.map((label) => h('th', { scope: 'col' }, label)),
      ),
    );
  }

  #rebuild() {
    this.lossPlot?.destroy();
    this.metricPlot?.destroy();
    this.#createPlots();
  }

  // Starts a new run: clears all curves.
  clear() {
    this.loss = [[], ...this.lossSeries.map(() => [])];
    this.metricData = [[], ...this.metricSeries.map(() => [])];
    this.ema = 0;
    this.batchesSeen = 0;
    this.tableBody.replaceChildren();
    this.#scheduleDraw();
  }

  // p: a progress event of the engine: {type: 'batch'|'epoch', epoch, batch, batches, loss, batchLoss, valLoss,
  // valAuroc, valAccuracy, valHeads} or, for a GAN, {step, steps, dLoss, gLoss, dReal, dFake, earlier: [steps before]}.
  append(p) {
    if (this.mode === 'gan') return this.#appendGan(p);
    if (p.type === 'batch') {
      const loss = p.batchLoss ?? p.loss; // the engine's `loss` on a batch event is the epoch's running mean
      if (!Number.isFinite(loss)) return;
      this.batchesSeen += 1;
      this.ema = SMOOTHING * this.ema + (1 - SMOOTHING) * loss;
      const smoothed = this.ema / (1 - SMOOTHING ** this.batchesSeen);
      const x = p.batches > 0 ? p.epoch - 1 + p.batch / p.batches : p.epoch - 1;
      this.#push(this.loss, x, [smoothed, null, null]);
    } else if (p.type === 'epoch' || (p.type === undefined && p.epoch !== undefined)) {
      this.#push(this.loss, p.epoch, [undefined, p.loss ?? null, p.valLoss ?? null]);
      const scores = this.tasks.length
        ? this.tasks.map((task) => p.valHeads?.[task]?.auroc ?? null)
        : this.metricSeries.length
          ? [this.metric === 'accuracy' ? p.valAccuracy : p.valAuroc]
          : [];
      if (scores.some(Number.isFinite))
        this.#push(
          this.metricData,
          p.epoch,
          scores.map((v) => (Number.isFinite(v) ? v : null)),
        );
      this.#row([String(p.epoch), fmt(p.loss), fmt(p.valLoss), ...scores.map((v) => fmt(v))]);
    }
    this.#scheduleDraw();
  }

  #appendGan(p) {
    if (!Number.isFinite(p.step)) return;
    for (const q of p.earlier ?? []) this.#appendGan(q); // steps the worker held back (it sends ~20 a second)
    this.#push(this.loss, p.step, [p.dLoss ?? null, p.gLoss ?? null]);
    this.#push(this.metricData, p.step, [p.dReal ?? null, p.dFake ?? null]);
    if (p.step % GAN_TABLE_EVERY === 0 || p.step === p.steps)
      this.#row([String(p.step), fmt(p.dLoss), fmt(p.gLoss), fmt(p.dReal), fmt(p.dFake)]);
    this.#scheduleDraw();
  }

  #row(cells) {
    this.tableBody.append(
      h(
        'tr',
        {},
        h('th', { scope: 'row' }, cells[0]),
        cells.slice(1).map((c) => h('td', {}, c)),
      ),
    );
  }

  destroy() {
    this.stopLanguage();
    cancelAnimationFrame(this.frame);
    this.resizeObserver.disconnect();
    this.lossPlot.destroy();
    this.metricPlot.destroy();
    this.element.remove();
  }

  // Appends a row at x, or fills in the row already at x (the last batch and its epoch share x);
  // `undefined` leaves a value as it is.
  #push(data, x, values) {
    const xs = data[0];
    const last = xs.length - 1;
    if (last >= 0 && Math.abs(xs[last] - x) < 1e-9) {
      values.forEach((v, i) => v !== undefined && (data[i + 1][last] = v));
      return;
    }
    xs.push(x);
    values.forEach((v, i) => data[i + 1].push(v === undefined ? null : v));
  }

  #scheduleDraw() {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.empty.hidden = this.pointCount > 0;
      this.element.dataset.points = String(this.pointCount); // how many x positions are drawn (tests read it)
      this.lossPlot?.setData(this.loss);
      if (this.metricSeries.length) this.metricPlot?.setData(this.metricData);
    });
  }

  #width() {
    return Math.max(240, Math.floor(this.element.clientWidth || 480));
  }

  #createPlots() {
    const width = this.#width();
    const axis = (label) => ({ label, stroke: '#333', grid: { stroke: '#e4e4e4' }, ticks: { stroke: '#ccc' } });
    const line = ({ label, stroke, ...extra }) => ({
      label,
      stroke,
      width: 2,
      spanGaps: true,
      value: (u, v) => fmt(v),
      ...extra,
    });
    const xSeries = { label: this.axes.x, value: (u, v) => fmt(v, this.mode === 'gan' ? 0 : 2) };
    this.lossPlot = new uPlot(
      {
        width,
        height: this.heights.loss,
        scales: {
          x: { time: false },
          y: { range: (u, min, max) => [Math.min(0, min ?? 0), Math.max(0.1, (max ?? 1) * 1.05)] },
        },
        axes: [axis(this.axes.x), axis(this.axes.loss)],
        series: [xSeries, ...this.lossSeries.map(line)],
        cursor: { drag: { x: false, y: false } },
        legend: { live: false },
      },
      this.loss,
      this.lossTarget,
    );
    const range = this.axes.metricRange;
    this.metricPlot = new uPlot(
      {
        width,
        height: this.heights.metric,
        scales: { x: { time: false }, y: { range: range ? () => range : (u, min) => [Math.min(0.5, min ?? 0.5), 1] } },
        axes: [axis(this.axes.x), axis(this.axes.metric)],
        series: [{ ...xSeries }, ...this.metricSeries.map(line)],
        cursor: { drag: { x: false, y: false } },
        legend: { live: false },
      },
      this.metricData,
      this.metricTarget,
    );
  }

  #resize() {
    const width = this.#width();
    if (width === this.lossPlot.width) return;
    this.lossPlot.setSize({ width, height: this.heights.loss });
    this.metricPlot.setSize({ width, height: this.heights.metric });
  }
}
