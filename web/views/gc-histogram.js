// web/views/gc-histogram.js: the GC content of a built dataset's positives and negatives as paired bars per bin
// (bins of 1/bins, over the bins that hold any window), so a GC-matched set shows two equal profiles and a
// shuffled or BED set shows how far it is from the peaks'. Every bar has a title with its bin and count.
import { h, svg } from './dom.js';
import { t } from '../strings.js';
import { CLASS_COLORS } from './palette.js';

const HEIGHT = 120;
const MARGIN = { left: 34, right: 24, top: 6, bottom: 24 };
const BAR = 5; // each of the two bars of a bin

export class GcHistogram {
  constructor(container) {
    this.svg = svg('svg', { role: 'img', class: 'gc-histogram-svg' });
    const item = (color, label) =>
      h('span', { className: 'legend-item' }, h('span', { className: 'swatch', style: { background: color } }), label);
    this.element = h(
      'figure',
      { className: 'gc-histogram', hidden: true, dataset: { testid: 'gc-histogram' } },
      h('figcaption', {}, t('gcHistogramTitle')),
      this.svg,
      h(
        'div',
        { className: 'legend' },
        item(CLASS_COLORS[1], t('gcPositives')),
        item(CLASS_COLORS[0], t('gcNegatives')),
      ),
    );
    container.append(this.element);
  }

  set hidden(flag) {
    this.element.hidden = flag;
  }

  // gc: the manifest's {bins, positives, negatives, ks}.
  show({ bins, positives, negatives, ks }) {
    const used = positives.map((p, i) => p + negatives[i]);
    const first = Math.max(
      0,
      used.findIndex((n) => n > 0),
    );
    const last = Math.max(first, used.length - 1 - [...used].reverse().findIndex((n) => n > 0));
    const top = Math.max(1, ...positives, ...negatives);
    const width = MARGIN.left + (last - first + 1) * (2 * BAR + 2) + MARGIN.right;
    const y = (n) => MARGIN.top + (HEIGHT - MARGIN.top - MARGIN.bottom) * (1 - n / top);
    const bars = [];
    for (let i = first; i <= last; i++) {
      const x = MARGIN.left + (i - first) * (2 * BAR + 2);
      const range = `${(i / bins).toFixed(2)}-${((i + 1) / bins).toFixed(2)}`;
      for (const [k, n, color, label] of [
        [0, positives[i], CLASS_COLORS[1], t('gcPositives')],
        [1, negatives[i], CLASS_COLORS[0], t('gcNegatives')],
      ]) {
        bars.push(
          svg(
            'rect',
            { x: x + k * BAR, y: y(n), width: BAR, height: y(0) - y(n), fill: color },
            svg('title', {}, `GC ${range}: ${n} ${label}`),
          ),
        );
      }
    }
    const axis = (i) =>
      svg(
        'text',
        { x: MARGIN.left + (i - first) * (2 * BAR + 2), y: HEIGHT - 8, 'font-size': 10 },
        (i / bins).toFixed(2),
      );
    const ticks = [first, Math.round((first + last) / 2), last].filter((v, k, a) => a.indexOf(v) === k);
    this.svg.replaceChildren(
      svg('line', { x1: MARGIN.left, x2: width - MARGIN.right, y1: y(0), y2: y(0), stroke: '#888' }),
      svg('text', { x: 2, y: y(top) + 8, 'font-size': 10 }, String(top)),
      ...bars,
      ...ticks.map(axis),
    );
    this.svg.setAttribute('viewBox', `0 0 ${width} ${HEIGHT}`);
    this.svg.setAttribute('width', width);
    this.svg.setAttribute('height', HEIGHT);
    this.svg.setAttribute('aria-label', t('gcHistogramAria', { ks: ks.toFixed(3) }));
    this.element.hidden = false;
  }
}
