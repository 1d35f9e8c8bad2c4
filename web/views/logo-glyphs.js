// web/views/logo-glyphs.js: the letters A, C, G, T of sequence logos as filled outlines in a 100 × 100 box
// (y down), so a letter can be stretched to any height (its attribution, or its share of a position's bits)
// without depending on the fonts of the browser or of an exported SVG. Shared by the attribution track and
// the filter logos; colours are the palette's (A green, C blue, G orange, T red).
import { svg } from './dom.js';
import { BASE_COLORS } from './palette.js';

const ARC_STEPS = 24;

// Points of an ellipse arc around (50, 50) from angle `from` to `to` (degrees, counter-clockwise, y up).
function arc(rx, ry, from, to) {
  const points = [];
  for (let i = 0; i <= ARC_STEPS; i++) {
    const angle = ((from + ((to - from) * i) / ARC_STEPS) * Math.PI) / 180;
    points.push([50 + rx * Math.cos(angle), 50 - ry * Math.sin(angle)]);
  }
  return points;
}

const polygon = (points) => `M${points.map(([x, y]) => `${x.toFixed(2)},${y.toFixed(2)}`).join(' L')} Z`;

// The C opens to the right (between 40° and -40°); the G closes it down to a bar at the middle.
const OUTER = [50, 50];
const INNER = [32, 33];
const G_BAR = 62; // the lower edge of G's bar (y)
const gInnerEnd = 360 - (Math.asin((G_BAR - 50) / INNER[1]) * 180) / Math.PI;

export const GLYPHS = {
  A: 'M0,100 L40,0 L60,0 L100,100 L82,100 L71,72 L29,72 L18,100 Z M35,56 L65,56 L50,17 Z',
  C: polygon([...arc(...OUTER, 40, 320), ...arc(...INNER, 320, 40)]),
  G: polygon([...arc(...OUTER, 40, 360), [54, 50], [54, G_BAR], ...arc(...INNER, gInnerEnd, 40)]),
  T: 'M0,0 L100,0 L100,16 L58,16 L58,100 L42,100 L42,16 L0,16 Z',
};

// A letter filling the box (x, y, width, height); null for a base that has no glyph (N) or no height.
export function letter(base, x, y, width, height) {
  const d = GLYPHS[base];
  if (!d || !(height > 0) || !(width > 0)) return null;
  return svg('path', {
    d,
    fill: BASE_COLORS[base],
    'fill-rule': 'evenodd',
    transform: `translate(${x.toFixed(2)} ${y.toFixed(2)}) scale(${(width / 100).toFixed(4)} ${(height / 100).toFixed(4)})`,
    'data-base': base,
  });
}

// Round tick steps (1, 2, 5 × 10^k) so a ruler over `span` positions has about `count` ticks.
export function tickStep(span, count = 10) {
  const raw = Math.max(1, span / count);
  const power = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((m) => m * power).find((step) => step >= raw);
}

// 1-based positions to label on a ruler over [start, end) (0-based, end exclusive): the first shown and
// every multiple of the tick step.
export function rulerTicks(start, end, count = 10) {
  const step = tickStep(end - start, count);
  const ticks = [start + 1];
  for (let p = Math.ceil((start + 1) / step) * step; p <= end; p += step)
    if (p - ticks[ticks.length - 1] >= step / 2) ticks.push(p);
  return ticks;
}
