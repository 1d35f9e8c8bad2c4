// web/views/chart-axes.js: the scales and axes of the model views' SVG charts (attention map, profile tracks,
// regression scatter, token accuracy): round tick values for any range of numbers, a linear map from data to
// pixels, a polyline, and an axis (line, ticks, numbers, title) drawn with attributes only, so PNG and SVG
// exports look as the page does. Rulers of sequence positions (whole numbers from 1) are logo-glyphs.js's
// rulerTicks; this file adds ticks for fractions (accuracies, log activities, read counts).
import { svg } from './dom.js';

const INK = '#1b1f24';
const AXIS = '#4f5965';

// The step between round ticks (1, 2, 5 × 10^k) so that [min, max] has about `count` of them: the round step
// nearest (on a log scale) to span / count, as d3's ticks choose.
export function niceStep(min, max, count = 5) {
  const raw = Math.abs(max - min) / Math.max(1, count);
  if (!(raw > 0) || !Number.isFinite(raw)) return 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  const error = raw / power;
  return power * (error >= Math.sqrt(50) ? 10 : error >= Math.sqrt(10) ? 5 : error >= Math.sqrt(2) ? 2 : 1);
}

// Digits after the point that a tick `step` needs (0.05 -> 2, 20 -> 0).
export const stepDecimals = (step) => Math.max(0, -Math.floor(Math.log10(step) + 1e-9));

// Round tick values inside [min, max], about `count` of them: niceTicks(0, 0.93, 4) -> [0, 0.2, 0.4, 0.6, 0.8].
// A single value gives [value]; a non-finite bound gives [].
export function niceTicks(min, max, count = 5) {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [];
  if (min > max) [min, max] = [max, min];
  if (min === max) return [min];
  const step = niceStep(min, max, count);
  const decimals = stepDecimals(step);
  const first = Math.ceil(min / step - 1e-9);
  const ticks = [];
  for (let i = first; i * step <= max + step * 1e-9; i++) ticks.push(Number((i * step).toFixed(decimals)));
  return ticks;
}

// [lo, hi] widened to the round ticks around it (so the top tick is at or above every value): [0, 0.93] -> [0, 1].
export function roundedDomain(min, max, count = 5) {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [0, 1];
  if (min === max) return [min - 0.5, max + 0.5];
  const step = niceStep(min, max, count);
  const decimals = stepDecimals(step);
  return [
    Number((Math.floor(min / step + 1e-9) * step).toFixed(decimals)),
    Number((Math.ceil(max / step - 1e-9) * step).toFixed(decimals)),
  ];
}

// A function from [d0, d1] to [r0, r1] (r0 > r1 for a y axis drawn downwards).
export const linearScale = ([d0, d1], [r0, r1]) => {
  const span = d1 - d0 || 1;
  return (v) => r0 + ((v - d0) / span) * (r1 - r0);
};

// "M x,y L x,y ..." through points [[x, y]]; a point with a non-finite coordinate breaks the line.
export function polyline(points) {
  let d = '';
  let pen = 'M';
  for (const [x, y] of points) {
    if (!Number.isFinite(x) || !Number.isFinite(y)) {
      pen = 'M';
      continue;
    }
    d += `${d ? ' ' : ''}${pen}${x.toFixed(2)},${y.toFixed(2)}`;
    pen = 'L';
  }
  return d;
}

// The labels of ticks with as many decimals as the finest of them needs ([0, 0.25, 0.5] -> '0.00', '0.25', '0.50').
export function tickLabels(ticks) {
  let decimals = 0;
  while (decimals < 8 && ticks.some((v) => Math.abs(Number(v.toFixed(decimals)) - v) > 1e-9 * Math.max(1, Math.abs(v))))
    decimals++;
  return ticks.map((v) => v.toFixed(decimals));
}

/**
 * An axis: side 'bottom' (ticks below a horizontal line at y = `at`) or 'left' (ticks left of a vertical
 * line at x = `at`); `from`, `to`: the line's ends in pixels; `ticks`: values; `scale`: value -> pixel;
 * `labels`: the ticks' texts (default tickLabels); `title`: the axis name, centred beside the numbers.
 */
export function axis({ side, at, from, to, ticks, scale, labels = tickLabels(ticks), title, titleOffset = 44 }) {
  const bottom = side === 'bottom';
  const line = bottom
    ? svg('line', { x1: from, x2: to, y1: at, y2: at, stroke: AXIS })
    : svg('line', { x1: at, x2: at, y1: from, y2: to, stroke: AXIS });
  const marks = ticks.map((v, i) => {
    const p = scale(v).toFixed(2);
    return bottom
      ? [
          svg('line', { x1: p, x2: p, y1: at, y2: at + 4, stroke: AXIS }),
          svg('text', { x: p, y: at + 16, 'text-anchor': 'middle' }, labels[i]),
        ]
      : [
          svg('line', { x1: at - 4, x2: at, y1: p, y2: p, stroke: AXIS }),
          svg('text', { x: at - 6, y: Number(p) + 4, 'text-anchor': 'end' }, labels[i]),
        ];
  });
  const middle = (from + to) / 2;
  const name =
    title &&
    (bottom
      ? svg('text', { x: middle, y: at + titleOffset - 10, 'text-anchor': 'middle', 'font-size': 12 }, title)
      : svg(
          'text',
          {
            transform: `translate(${at - titleOffset} ${middle}) rotate(-90)`,
            'text-anchor': 'middle',
            'font-size': 12,
          },
          title,
        ));
  return svg('g', { class: `axis axis-${side}`, 'font-size': 11, fill: INK }, line, marks, name);
}
