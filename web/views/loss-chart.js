// web/views/loss-chart.js: live learning curves with uPlot. Top: training loss per batch (smoothed) and per
// epoch, validation loss per epoch. Below: validation AUROC per epoch. Redraws at most once per animation
// frame; a visually hidden table carries the per-epoch numbers for screen readers. Knows nothing of workers.
import uPlot from '../vendor/uPlot.esm.js';
import { h } from './dom.js';
import { t } from '../strings.js';

const COLORS = { batch: '#8fb8de', trainEpoch: '#1d4f91', valLoss: '#b9400f', auroc: '#17703a' };
const SMOOTHING = 0.9; // exponential moving average of batch losses, debiased as TensorBoard does

const fmt = (value, digits = 3) => (value === null || value === undefined || Number.isNaN(value) ? '–' : Number(value).toFixed(digits));

export class LossChart {
  constructor(container, { height = 220, aurocHeight = 130 } = {}) {
    this.heights = { loss: height, auroc: aurocHeight };
    this.lossTarget = h('div', { className: 'chart' });
    this.aurocTarget = h('div', { className: 'chart chart-small' });
    this.empty = h('p', { className: 'hint chart-empty' }, t('chartEmpty'));
    this.tableBody = h('tbody');
    const table = h(
      'div',
      { className: 'visually-hidden' }, // a hidden <table> itself would still widen the page
      h(
        'table',
        { dataset: { testid: 'loss-table' } },
        h('caption', {}, t('chartTableCaption')),
        h('thead', {}, h('tr', {}, [t('chartEpoch'), t('chartTrainLoss'), t('chartValLoss'), t('chartValAuroc')].map((label) => h('th', { scope: 'col' }, label)))),
        this.tableBody,
      ),
    );
    this.element = h(
      'figure',
      { className: 'loss-chart', dataset: { testid: 'loss-chart' } },
      h('figcaption', {}, h('h3', {}, t('chartTitle')), h('p', { className: 'hint' }, t('chartIntro'))),
      h('div', { role: 'img', 'aria-label': t('chartAriaLabel') }, this.empty, this.lossTarget, this.aurocTarget),
      table,
    );
    container.append(this.element);
    this.frame = 0;
    this.#reset();
    this.#createPlots();
    this.resizeObserver = new ResizeObserver(() => this.#resize());
    this.resizeObserver.observe(this.element);
  }

  get pointCount() {
    return this.loss[0].length;
  }

  // Starts a new run: clears all curves.
  clear() {
    this.#reset();
    this.tableBody.replaceChildren();
    this.#scheduleDraw();
  }

  // p: the engine's progress event {type: 'batch'|'epoch', epoch, batch, batches, loss, batchLoss, valLoss, valAuroc}.
  append(p) {
    if (p.type === 'batch') {
      const loss = p.batchLoss ?? p.loss; // the engine's `loss` on a batch event is the epoch's running mean
      if (!Number.isFinite(loss)) return;
      this.batchesSeen += 1;
      this.ema = SMOOTHING * this.ema + (1 - SMOOTHING) * loss;
      const smoothed = this.ema / (1 - SMOOTHING ** this.batchesSeen);
      const x = p.batches > 0 ? p.epoch - 1 + p.batch / p.batches : p.epoch - 1;
      this.#push(this.loss, x, [smoothed, null, null]);
    } else if (p.type === 'epoch') {
      this.#push(this.loss, p.epoch, [undefined, p.loss ?? null, p.valLoss ?? null]);
      if (Number.isFinite(p.valAuroc)) this.#push(this.auroc, p.epoch, [p.valAuroc]);
      this.tableBody.append(h('tr', {}, h('th', { scope: 'row' }, String(p.epoch)), h('td', {}, fmt(p.loss)), h('td', {}, fmt(p.valLoss)), h('td', {}, fmt(p.valAuroc))));
    }
    this.#scheduleDraw();
  }

  destroy() {
    cancelAnimationFrame(this.frame);
    this.resizeObserver.disconnect();
    this.lossPlot.destroy();
    this.aurocPlot.destroy();
    this.element.remove();
  }

  #reset() {
    this.loss = [[], [], [], []]; // x, smoothed batch loss, epoch training loss, epoch validation loss
    this.auroc = [[], []]; // x, validation AUROC
    this.ema = 0;
    this.batchesSeen = 0;
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
      this.lossPlot.setData(this.loss);
      this.aurocPlot.setData(this.auroc);
    });
  }

  #width() {
    return Math.max(240, Math.floor(this.element.clientWidth || 480));
  }

  #createPlots() {
    const width = this.#width();
    const axis = (label) => ({ label, stroke: '#333', grid: { stroke: '#e4e4e4' }, ticks: { stroke: '#ccc' } });
    const line = (label, stroke, extra = {}) => ({ label, stroke, width: 2, spanGaps: true, value: (u, v) => fmt(v), ...extra });
    this.lossPlot = new uPlot(
      {
        width,
        height: this.heights.loss,
        scales: { x: { time: false }, y: { range: (u, min, max) => [0, Math.max(0.1, (max ?? 1) * 1.05)] } },
        axes: [axis(t('chartX')), axis(t('chartLoss'))],
        series: [
          { label: t('chartX'), value: (u, v) => fmt(v, 2) },
          line(t('chartTrainLoss'), COLORS.batch, { width: 1.5, points: { show: false } }),
          line(`${t('chartTrainLoss')} (${t('chartEpoch').toLowerCase()})`, COLORS.trainEpoch, { points: { show: true, size: 6 } }),
          line(t('chartValLoss'), COLORS.valLoss, { dash: [6, 4], points: { show: true, size: 6 } }),
        ],
        cursor: { drag: { x: false, y: false } },
        legend: { live: false },
      },
      this.loss,
      this.lossTarget,
    );
    this.aurocPlot = new uPlot(
      {
        width,
        height: this.heights.auroc,
        scales: { x: { time: false }, y: { range: (u, min) => [Math.min(0.5, min ?? 0.5), 1] } },
        axes: [axis(t('chartX')), axis('AUROC')],
        series: [{ label: t('chartX'), value: (u, v) => fmt(v, 0) }, line(t('chartValAuroc'), COLORS.auroc, { points: { show: true, size: 6 } })],
        cursor: { drag: { x: false, y: false } },
        legend: { live: false },
      },
      this.auroc,
      this.aurocTarget,
    );
  }

  #resize() {
    const width = this.#width();
    if (width === this.lossPlot.width) return;
    this.lossPlot.setSize({ width, height: this.heights.loss });
    this.aurocPlot.setSize({ width, height: this.heights.auroc });
  }
}
