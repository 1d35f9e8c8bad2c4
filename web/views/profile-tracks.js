// web/views/profile-tracks.js: a profile model's (BPNet's) prediction for one region beside the reads measured
// there, base by base: observed counts as bars, the prediction as a line (the profile head's probabilities ×
// the count head's total), the + strand above the axis and the − strand mirrored below (one strand: above
// only). Both strands share one scale. The caption gives the region's profile Pearson, Jensen–Shannon distance
// and both read counts. The caller owns the list of regions: setRegions(list, onPick) offers it in a select.
//   const view = new ProfileTracks(container);
//   view.setRegions(['chr2L:1000-2000', ...], (index) => view.show(regionData[index]));
//   view.show({id, start, predicted: {plus, minus?}, observed: {plus, minus?}, metrics: {pearson, jsd, predictedCount, observedCount}})
import { h, svg } from './dom.js';
import { t } from '../strings.js';
import { rulerTicks } from './logo-glyphs.js';
import { axis, linearScale, niceTicks, polyline, roundedDomain } from './chart-axes.js';
import { figureShell, labelledSelect, hiddenTable, legendItem, fmt, fmtCount } from './view-parts.js';
import { exportButtons } from './figure-export.js';
import { fileSafe } from './explain-panel.js';

const WIDTH = 900;
const MARGIN = { left: 62, right: 26, top: 12, bottom: 44 }; // right: room for the last position's label
const STRAND_HEIGHT = 120;
const BAR_FILL = 0.86; // share of a column a bar takes
export const COLOURS = {
  plus: { observed: '#9cc3e4', predicted: '#0b4f8a' },
  minus: { observed: '#f5b98a', predicted: '#a23c06' },
};

const finite = (v) => (Number.isFinite(v) ? v : 0);
const sum = (values = []) => values.reduce((a, v) => a + finite(v), 0);

/**
 * Predicted reads per position and strand: the predicted profile (probabilities over positions and strands,
 * or any non-negative weights) scaled so that both strands together hold `total` reads. Without a total the
 * values are taken as they are. -> {plus, minus?}
 */
export function expectedCounts(predicted, total) {
  const all = sum(predicted.plus) + sum(predicted.minus);
  const factor = Number.isFinite(total) ? (all > 0 ? total / all : 0) : 1;
  const scale = (values) => values && Array.from(values, (v) => finite(v) * factor);
  return { plus: scale(predicted.plus), minus: scale(predicted.minus) };
}

// The count scale shared by both strands and both tracks: {top (a round number ≥ every value), ticks}.
export function profileScale(predicted, observed) {
  const values = [predicted.plus, predicted.minus, observed.plus, observed.minus].flatMap((v) => Array.from(v ?? []));
  const largest = Math.max(0, ...values.filter(Number.isFinite));
  const top = largest > 0 ? roundedDomain(0, largest, 3)[1] : 1;
  return { top, ticks: niceTicks(0, top, 3) };
}

/**
 * Where a strand is drawn: columns of `columnWidth` from x = left, counts from the line y = zero up (up: true,
 * + strand) or down (− strand), `top` counts being `height` units.
 */
export const strandGeometry = ({ left, columnWidth, zero, height, top, up }) => ({
  x: (i) => left + i * columnWidth,
  y: (v) => zero + (up ? -1 : 1) * (finite(v) / top) * height,
  columnWidth,
  zero,
});

// Bars of the observed counts: [{x, y, width, height, position (0-based), value}]; zero counts draw nothing.
export function barRects(counts, geometry) {
  const { x, y, columnWidth, zero } = geometry;
  const rects = [];
  Array.from(counts ?? []).forEach((value, i) => {
    if (!(value > 0)) return;
    const end = y(value);
    rects.push({
      x: x(i) + (columnWidth * (1 - BAR_FILL)) / 2,
      y: Math.min(zero, end),
      width: columnWidth * BAR_FILL,
      height: Math.abs(end - zero),
      position: i,
      value,
    });
  });
  return rects;
}

// The predicted counts as a line through the middle of each column.
export const linePath = (values, geometry) =>
  polyline(Array.from(values ?? [], (v, i) => [geometry.x(i) + geometry.columnWidth / 2, geometry.y(v)]));

// position (1-based, from start + 1), then observed and predicted reads of each strand shown.
export function profileTsv(start, predicted, observed) {
  const strands = predicted.minus || observed.minus ? ['plus', 'minus'] : ['plus'];
  const header = ['position', ...strands.flatMap((s) => [`observed_${s}`, `predicted_${s}`])];
  const length = Math.max(observed.plus?.length ?? 0, predicted.plus?.length ?? 0);
  const rows = Array.from({ length }, (_, i) => [
    start + i + 1,
    ...strands.flatMap((s) => [observed[s]?.[i] ?? '', predicted[s]?.[i] ?? '']),
  ]);
  return [header, ...rows].map((r) => r.join('\t')).join('\n') + '\n';
}

// The largest value and its position (0-based): {value, position}.
const peak = (values = []) =>
  Array.from(values).reduce((best, v, i) => (v > best.value ? { value: v, position: i } : best), {
    value: 0,
    position: 0,
  });

export class ProfileTracks {
  constructor(container) {
    Object.assign(
      this,
      figureShell({
        key: 'profile',
        svgTestid: 'profile-tracks',
        width: WIDTH,
        height: MARGIN.top + 2 * STRAND_HEIGHT + MARGIN.bottom,
      }),
    );
    this.region = labelledSelect({
      label: t('profileRegion'),
      testid: 'profile-region',
      onChange: (value) => this.onPick(Number(value), this.regions[Number(value)]),
    });
    this.region.field.hidden = true;
    this.regions = [];
    this.onPick = () => {};
    this.metrics = h('p', { className: 'summary', dataset: { testid: 'profile-metrics' } });
    this.legend = h('div', { className: 'legend' });
    this.table = hiddenTable('profile-table');
    this.figure.before(this.region.field);
    this.element.append(
      this.legend,
      this.metrics,
      this.table.element,
      exportButtons({
        figure: () => this.figure,
        tsv: () => profileTsv(this.data.start ?? 0, this.predicted, this.data.observed),
        name: () => `helix-profile-${fileSafe(this.data.id)}`,
        what: t('profileTitle'),
        testid: 'profile-export',
      }),
    );
    container.append(this.element);
    this.data = null;
  }

  // list: region ids (or {id, label}); onPick(index, region) when the user picks one (the caller then show()s it).
  setRegions(list, onPick = () => {}) {
    this.regions = list;
    this.onPick = onPick;
    const label = (r) => (typeof r === 'object' ? (r.label ?? r.id) : r);
    this.region.setOptions(list.map((r, i) => ({ value: i, label: String(label(r)) })));
    this.region.field.hidden = list.length === 0;
  }

  show(data) {
    this.data = data;
    this.element.hidden = false;
    const index = this.regions.findIndex((r) => (typeof r === 'object' ? r.id : r) === data.id);
    if (index >= 0) this.region.select.value = String(index);
    const { observed, metrics = {} } = data;
    this.predicted = expectedCounts(data.predicted, metrics.predictedCount);
    const strands = this.predicted.minus || observed.minus ? ['plus', 'minus'] : ['plus'];
    this.#draw(strands);
    this.metrics.textContent = t('profileMetrics', {
      id: data.id,
      pearson: fmt(metrics.pearson),
      jsd: fmt(metrics.jsd),
      predicted: fmtCount(metrics.predictedCount ?? sum(this.predicted.plus) + sum(this.predicted.minus)),
      observed: fmtCount(metrics.observedCount ?? sum(observed.plus) + sum(observed.minus)),
    });
    this.legend.replaceChildren(
      ...strands.flatMap((s) => [
        legendItem(COLOURS[s].observed, t(`profileObserved_${s}`)),
        legendItem(COLOURS[s].predicted, t(`profilePredicted_${s}`), { line: 'solid' }),
      ]),
    );
    this.#summarise(strands);
  }

  #draw(strands) {
    const { observed, start = 0, id } = this.data;
    const predicted = this.predicted;
    const length = Math.max(observed.plus?.length ?? 0, predicted.plus?.length ?? 0);
    const height = MARGIN.top + strands.length * STRAND_HEIGHT + MARGIN.bottom;
    this.figure.setAttribute('viewBox', `0 0 ${WIDTH} ${height}`);
    const { top, ticks } = profileScale(predicted, observed);
    const zero = MARGIN.top + STRAND_HEIGHT;
    const columnWidth = (WIDTH - MARGIN.left - MARGIN.right) / Math.max(1, length);
    const marks = strands.map((s) => {
      const g = strandGeometry({ left: MARGIN.left, columnWidth, zero, height: STRAND_HEIGHT, top, up: s === 'plus' });
      const bars = barRects(observed[s], g).map((r) =>
        svg(
          'rect',
          {
            class: 'profile-bar',
            x: r.x.toFixed(2),
            y: r.y.toFixed(2),
            width: r.width.toFixed(2),
            height: r.height.toFixed(2),
            fill: COLOURS[s].observed,
            'data-strand': s,
          },
          svg(
            'title',
            {},
            t('profileBarTitle', {
              position: start + r.position + 1,
              strand: t(`profileStrand_${s}`),
              value: fmtCount(r.value),
            }),
          ),
        ),
      );
      const line = svg('path', {
        class: 'profile-line',
        d: linePath(predicted[s], g),
        fill: 'none',
        stroke: COLOURS[s].predicted,
        'stroke-width': 1.5,
        'data-strand': s,
      });
      const label = svg(
        'text',
        {
          x: WIDTH - MARGIN.right - 4,
          y: s === 'plus' ? MARGIN.top + 12 : zero + STRAND_HEIGHT - 6,
          'text-anchor': 'end',
          'font-size': 12,
          fill: '#1b1f24',
        },
        t(`profileStrand_${s}`),
      );
      return [bars, line, label];
    });
    const signedTicks =
      strands.length > 1
        ? [
            ...ticks
              .slice(1)
              .map((v) => -v)
              .reverse(),
            ...ticks,
          ]
        : ticks;
    const bottom = zero + (strands.length > 1 ? STRAND_HEIGHT : 0);
    const countAxis = axis({
      side: 'left',
      at: MARGIN.left - 4,
      from: MARGIN.top,
      to: bottom,
      ticks: signedTicks,
      scale: linearScale([0, top], [zero, MARGIN.top]),
      labels: signedTicks.map((v) => fmtCount(Math.abs(v))),
      title: t('profileCountAxis'),
    });
    const positions = rulerTicks(start, start + length, 10);
    const ruler = axis({
      side: 'bottom',
      at: bottom + 4,
      from: MARGIN.left,
      to: WIDTH - MARGIN.right,
      ticks: positions,
      scale: (p) => MARGIN.left + (p - start - 0.5) * columnWidth,
      labels: positions.map(String),
      title: t('profilePositionAxis'),
    });
    const baseline = svg('line', { x1: MARGIN.left, x2: WIDTH - MARGIN.right, y1: zero, y2: zero, stroke: '#4f5965' });
    this.figure.replaceChildren(...marks.flat(2), baseline, countAxis, ruler);
    Object.assign(this.element.dataset, {
      region: String(id),
      strands: String(strands.length),
      length: String(length),
      bars: String(this.figure.querySelectorAll('rect.profile-bar').length),
      top: String(top),
    });
  }

  // The numbers behind the figure, for screen readers: per strand, the reads and where each track peaks.
  #summarise(strands) {
    const { observed, start = 0, id } = this.data;
    const rows = strands.map((s) => {
      const o = peak(observed[s]);
      const p = peak(this.predicted[s]);
      return [
        t(`profileStrand_${s}`),
        fmtCount(sum(observed[s])),
        fmtCount(sum(this.predicted[s])),
        `${fmtCount(o.value)} @ ${start + o.position + 1}`,
        `${fmt(p.value, 1)} @ ${start + p.position + 1}`,
      ];
    });
    this.table.set(
      t('profileTableCaption', { id }),
      [
        t('profileStrand'),
        t('profileObservedReads'),
        t('profilePredictedReads'),
        t('profileObservedPeak'),
        t('profilePredictedPeak'),
      ],
      rows,
    );
    const o = peak(observed.plus);
    const length = Math.max(observed.plus?.length ?? 0, this.predicted.plus?.length ?? 0);
    this.figure.setAttribute(
      'aria-label',
      t('profileAria', {
        id,
        from: start + 1,
        to: start + length,
        strands: strands.length,
        value: fmtCount(o.value),
        position: start + o.position + 1,
      }),
    );
  }
}
