// web/views/ism-map.js: in-silico mutagenesis as a 4 × L heat map: the cell (base b, position i) is the change
// of the score when position i is made b. Diverging colours (blue: the score drops, orange: it rises, white:
// no change) scaled to the largest |change| of the sequence; the sequence's own base is white with a dot.
// Same width and margins as the attribution track, so both figures show the same window column for column.
import { h, svg } from './dom.js';
import { t } from '../strings.js';
import { BASES, BASE_COLORS, probabilityColor } from './palette.js';
import { WIDTH, MARGIN, plotWidth, ruler, signed } from './attribution-track.js';

const ROW = 18;
const TOP = 6;
const BOTTOM = 30;
const HEIGHT = TOP + 4 * ROW + BOTTOM;

// The colour of a change `value` on the scale -max..max (blue, white, orange).
export const changeColor = (value, max) => probabilityColor(0.5 + value / (2 * (max || 1)));

// The largest |change| over the whole map.
export const largestChange = (ism) => Math.max(...ism.flat().map(Math.abs), 0);

export class IsmMap {
  constructor(container, { onKey = () => {} } = {}) {
    this.figure = svg('svg', {
      viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
      role: 'img',
      class: 'explain-svg',
      tabindex: 0,
      'font-family': 'system-ui, sans-serif',
    });
    this.figure.addEventListener('keydown', (event) => onKey(event));
    this.legend = h('div', { className: 'legend' });
    this.element = h(
      'figure',
      { className: 'ism-map', hidden: true, dataset: { testid: 'ism-map' } },
      h('figcaption', {}, h('h4', {}, t('ismTitle')), h('p', { className: 'hint' }, t('ismIntro'))),
      this.figure,
      this.legend,
    );
    container.append(this.element);
    this.explanation = null;
  }

  // explanation: {id, sequence, ism: [[dA, dC, dG, dT] × L]} (the engine's explain() entry, method ism).
  show(explanation) {
    this.explanation = explanation;
    this.max = largestChange(explanation.ism);
    this.element.hidden = false;
    const stop = (v) => changeColor(v, this.max);
    this.legend.replaceChildren(
      h(
        'span',
        { className: 'legend-scale' },
        h('span', {}, signed(-this.max)),
        h('span', {
          className: 'legend-bar',
          style: { background: `linear-gradient(to right, ${stop(-this.max)}, ${stop(0)}, ${stop(this.max)})` },
        }),
        h('span', {}, signed(this.max)),
        ' ',
        t('ismLegend'),
      ),
      h('span', { className: 'legend-item' }, h('span', { className: 'swatch round ref-dot' }), t('ismReference')),
    );
  }

  clear() {
    this.explanation = null;
    this.element.hidden = true;
    this.figure.replaceChildren();
  }

  draw({ start, end }) {
    if (!this.explanation) return;
    const { sequence, ism, id } = this.explanation;
    const columnWidth = plotWidth() / (end - start);
    const cells = [];
    for (let i = start; i < end; i++) {
      const reference = (sequence[i] ?? 'N').toUpperCase();
      const x = MARGIN.left + (i - start) * columnWidth;
      BASES.forEach((base, row) => {
        const value = ism[i]?.[row] ?? 0;
        const isReference = base === reference;
        const y = TOP + row * ROW;
        const title = isReference
          ? t('ismReferenceTitle', { position: i + 1, base })
          : t('ismCellTitle', { position: i + 1, from: reference, to: base, value: signed(value) });
        cells.push(
          svg(
            'rect',
            {
              class: 'ism-cell',
              x: x.toFixed(2),
              y,
              width: (columnWidth + 0.05).toFixed(2),
              height: ROW,
              fill: isReference ? '#ffffff' : changeColor(value, this.max),
              'data-position': i + 1,
              'data-base': base,
              'data-value': String(value),
              'data-reference': isReference ? 'true' : null,
            },
            svg('title', {}, title),
          ),
        );
        if (isReference)
          cells.push(
            svg('circle', {
              cx: (x + columnWidth / 2).toFixed(2),
              cy: y + ROW / 2,
              r: Math.min(3, columnWidth / 3).toFixed(2),
              fill: '#1b1f24',
            }),
          );
      });
    }
    const labels = BASES.map((base, row) =>
      svg(
        'text',
        {
          x: MARGIN.left - 8,
          y: TOP + row * ROW + ROW / 2 + 5,
          'text-anchor': 'end',
          'font-size': 14,
          'font-weight': 700,
          fill: BASE_COLORS[base],
        },
        base,
      ),
    );
    const frame = svg('rect', {
      x: MARGIN.left,
      y: TOP,
      width: plotWidth(),
      height: 4 * ROW,
      fill: 'none',
      stroke: '#8a949f',
    });
    this.figure.replaceChildren(...cells, frame, ...labels, ruler(start, end, TOP + 4 * ROW + 4));
    this.figure.setAttribute(
      'aria-label',
      t('ismAria', { id, from: start + 1, to: end, length: sequence.length, max: signed(this.max) }),
    );
    Object.assign(this.element.dataset, {
      start: String(start + 1),
      end: String(end),
      length: String(sequence.length),
      cells: String((end - start) * 4),
    });
  }

  // position, reference base and the change for each of A, C, G, T (0 at the reference).
  tsv() {
    const { sequence, ism } = this.explanation;
    return (
      [
        'position\tbase\tA\tC\tG\tT',
        ...ism.map((changes, i) => `${i + 1}\t${sequence[i] ?? ''}\t${changes.join('\t')}`),
      ].join('\n') + '\n'
    );
  }
}
