// web/views/attribution-track.js: one sequence's attributions as a sequence-logo track, as in DeepLIFT and
// logomaker plots: each base's letter is as tall as |attribution|, above the axis when it raises the score and
// below when it lowers it. The scale is the largest |attribution| of the whole sequence, so panning the window
// (position-window.js) never rescales. SVG drawn with attributes only, so PNG/SVG exports look the same.
import { h, svg } from './dom.js';
import { t } from '../strings.js';
import { letter, rulerTicks } from './logo-glyphs.js';

export const WIDTH = 900; // viewBox units; the ISM map uses the same width and margins so columns line up
export const MARGIN = { left: 62, right: 10 };
const HEIGHT = 190;
const TOP = 10;
const BOTTOM = 30;
const LETTER_FILL = 0.92; // share of a column a letter takes (a hairline gap between letters)

export const plotWidth = () => WIDTH - MARGIN.left - MARGIN.right;

// "0.0123", "-1.5e-4": short and exact enough for a tooltip or an axis.
export const formatValue = (v) =>
  v === 0 ? '0' : Math.abs(v) >= 0.01 && Math.abs(v) < 1000 ? v.toFixed(Math.abs(v) < 1 ? 3 : 2) : v.toExponential(1);
export const signed = (v) => (v > 0 ? `+${formatValue(v)}` : formatValue(v));

// The letters to draw for positions [start, end): {position (1-based), base, value, column (0-based within the
// window), up, share (|value| / the largest |value| of the sequence)}. Bases other than A/C/G/T (N padding) and
// zero attributions draw nothing.
export function trackLetters(sequence, attributions, start, end) {
  const max = Math.max(...attributions.map(Math.abs), 0) || 1;
  const letters = [];
  for (let i = start; i < end; i++) {
    const base = (sequence[i] ?? 'N').toUpperCase();
    const value = attributions[i] ?? 0;
    if (!'ACGT'.includes(base) || value === 0) continue;
    letters.push({ position: i + 1, base, value, column: i - start, up: value > 0, share: Math.abs(value) / max });
  }
  return { letters, max };
}

// The position (1-based) with the largest |attribution|.
export const strongestPosition = (attributions) =>
  attributions.reduce((best, v, i) => (Math.abs(v) > Math.abs(attributions[best]) ? i : best), 0) + 1;

// Positions ruler along the bottom of a figure [start, end) drawn `top` from its top.
export function ruler(start, end, top) {
  const columnWidth = plotWidth() / (end - start);
  const x = (position) => MARGIN.left + (position - 1 - start + 0.5) * columnWidth;
  return svg(
    'g',
    { class: 'ruler', 'font-size': 11, fill: '#1b1f24' },
    svg('line', { x1: MARGIN.left, x2: WIDTH - MARGIN.right, y1: top, y2: top, stroke: '#4f5965' }),
    rulerTicks(start, end).map((p) => [
      svg('line', { x1: x(p), x2: x(p), y1: top, y2: top + 4, stroke: '#4f5965' }),
      svg('text', { x: x(p), y: top + 16, 'text-anchor': 'middle' }, String(p)),
    ]),
  );
}

export class AttributionTrack {
  // onKey(event): keys pressed on the figure (the position window pans and zooms with them).
  constructor(container, { onKey = () => {} } = {}) {
    this.figure = svg('svg', {
      viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
      role: 'img',
      class: 'explain-svg',
      tabindex: 0,
      'font-family': 'system-ui, sans-serif',
    });
    this.figure.addEventListener('keydown', (event) => onKey(event));
    this.caption = h('p', { className: 'hint' });
    this.element = h(
      'figure',
      { className: 'attribution-track', hidden: true, dataset: { testid: 'attribution-track' } },
      h('figcaption', {}, h('h4', {}, t('trackTitle')), this.caption),
      this.figure,
    );
    container.append(this.element);
    this.explanation = null;
  }

  // explanation: {id, sequence, attributions, method} (the engine's explain() entry plus the method used).
  show(explanation) {
    this.explanation = explanation;
    this.element.hidden = false;
    this.caption.textContent = t(`trackIntro_${explanation.method}`);
  }

  clear() {
    this.explanation = null;
    this.element.hidden = true;
    this.figure.replaceChildren();
  }

  // Draws positions [start, end) of the shown explanation.
  draw({ start, end }) {
    if (!this.explanation) return;
    const { sequence, attributions, id } = this.explanation;
    const { letters, max } = trackLetters(sequence, attributions, start, end);
    const columnWidth = plotWidth() / (end - start);
    const half = (HEIGHT - TOP - BOTTOM) / 2;
    const zero = TOP + half;
    const glyphs = letters.map((l) => {
      const height = l.share * half;
      const path = letter(
        l.base,
        MARGIN.left + l.column * columnWidth + (columnWidth * (1 - LETTER_FILL)) / 2,
        l.up ? zero - height : zero,
        columnWidth * LETTER_FILL,
        height,
      );
      path?.setAttribute('data-position', l.position);
      path?.append(
        svg('title', {}, t('trackLetterTitle', { position: l.position, base: l.base, value: signed(l.value) })),
      );
      return path;
    });
    const axisX = MARGIN.left - 4;
    const axis = svg(
      'g',
      { class: 'axis', 'font-size': 11, fill: '#1b1f24' },
      svg('line', { x1: axisX, x2: axisX, y1: TOP, y2: TOP + 2 * half, stroke: '#4f5965' }),
      [
        [max, TOP],
        [0, zero],
        [-max, TOP + 2 * half],
      ].map(([v, y]) => [
        svg('line', { x1: axisX - 4, x2: axisX, y1: y, y2: y, stroke: '#4f5965' }),
        svg('text', { x: axisX - 6, y: y + 4, 'text-anchor': 'end' }, signed(v)),
      ]),
      svg(
        'text',
        { transform: `translate(12 ${zero}) rotate(-90)`, 'text-anchor': 'middle', 'font-size': 12 },
        t('trackAxis'),
      ),
    );
    const baseline = svg('line', { x1: MARGIN.left, x2: WIDTH - MARGIN.right, y1: zero, y2: zero, stroke: '#c9d0d8' });
    this.figure.replaceChildren(baseline, axis, ...glyphs.filter(Boolean), ruler(start, end, HEIGHT - BOTTOM + 4));
    const strongest = strongestPosition(attributions);
    this.figure.setAttribute(
      'aria-label',
      t('trackAria', {
        id,
        from: start + 1,
        to: end,
        length: sequence.length,
        position: strongest,
        base: sequence[strongest - 1] ?? '',
        value: signed(attributions[strongest - 1] ?? 0),
      }),
    );
    Object.assign(this.element.dataset, {
      start: String(start + 1),
      end: String(end),
      length: String(sequence.length),
      letters: String(glyphs.filter(Boolean).length),
    });
  }

  // position, base, attribution: the numbers behind the track, for every position.
  tsv() {
    const { sequence, attributions } = this.explanation;
    return (
      ['position\tbase\tattribution', ...attributions.map((v, i) => `${i + 1}\t${sequence[i] ?? ''}\t${v}`)].join(
        '\n',
      ) + '\n'
    );
  }
}
