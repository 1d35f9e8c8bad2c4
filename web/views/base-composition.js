// web/views/base-composition.js: per-position base composition of a set of sequences as stacked bars (A, C,
// G, T from the bottom, each bar summing to 1), so a motif the generator learnt shows as tall single colours.
// SVG: every segment carries its position, base and share.
import { h } from './dom.js';
import { t } from '../strings.js';
import { BASES, BASE_COLORS } from './palette.js';

const SVG = 'http://www.w3.org/2000/svg';
const HEIGHT = 160;
const MARGIN = { left: 34, right: 6, top: 8, bottom: 26 };
const BAR = 9;

const s = (tag, attrs = {}, ...children) => {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  node.append(...children);
  return node;
};

export class BaseComposition {
  constructor(container) {
    this.svg = s('svg', { role: 'img', class: 'composition-svg' });
    this.legend = h(
      'div',
      { className: 'legend' },
      BASES.map((b) =>
        h(
          'span',
          { className: 'legend-item' },
          h('span', { className: 'swatch', style: { background: BASE_COLORS[b] } }),
          b,
        ),
      ),
    );
    this.element = h(
      'figure',
      { className: 'base-composition', hidden: true, dataset: { testid: 'base-composition' } },
      h('figcaption', {}, h('h3', {}, t('compositionTitle')), h('p', { className: 'hint' }, t('compositionIntro'))),
      h('div', { className: 'table-scroll' }, this.svg),
      this.legend,
    );
    container.append(this.element);
  }

  // composition: [[A, C, G, T] share per position].
  show(composition) {
    this.element.hidden = false;
    const L = composition.length;
    const width = MARGIN.left + MARGIN.right + L * BAR;
    const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
    this.svg.setAttribute('viewBox', `0 0 ${width} ${HEIGHT}`);
    this.svg.setAttribute('width', width);
    this.svg.setAttribute('height', HEIGHT);
    const bars = composition.map((shares, i) => {
      let y = MARGIN.top + plotH;
      return s(
        'g',
        { 'data-position': i + 1 },
        ...BASES.map((base, k) => {
          const hgt = Math.max(0, shares[k]) * plotH;
          y -= hgt;
          return s(
            'rect',
            {
              x: MARGIN.left + i * BAR,
              y,
              width: BAR - 1,
              height: hgt,
              fill: BASE_COLORS[base],
              'data-base': base,
              'data-share': shares[k].toFixed(4),
            },
            s('title', {}, t('compositionCell', { position: i + 1, base, share: (100 * shares[k]).toFixed(1) })),
          );
        }),
      );
    });
    const axis = [
      s('line', { x1: MARGIN.left - 2, x2: MARGIN.left - 2, y1: MARGIN.top, y2: MARGIN.top + plotH, stroke: '#333' }),
      ...[0, 0.5, 1].map((v) =>
        s(
          'text',
          { x: MARGIN.left - 5, y: MARGIN.top + plotH - v * plotH + 4, 'text-anchor': 'end', 'font-size': 10 },
          String(v),
        ),
      ),
      ...Array.from({ length: L }, (_, i) => i + 1)
        .filter((p) => p === 1 || p % 10 === 0)
        .map((p) =>
          s(
            'text',
            { x: MARGIN.left + (p - 0.5) * BAR, y: HEIGHT - 12, 'text-anchor': 'middle', 'font-size': 10 },
            String(p),
          ),
        ),
      s(
        'text',
        { x: MARGIN.left + (L * BAR) / 2, y: HEIGHT - 1, 'text-anchor': 'middle', 'font-size': 11 },
        t('compositionPosition'),
      ),
    ];
    this.svg.replaceChildren(...axis, ...bars);
    this.svg.setAttribute('aria-label', t('compositionAria', { length: L }));
    this.element.dataset.positions = String(L);
  }
}
