// web/views/attention-map.js: one sequence's self-attention as a query × key heat map for a chosen layer and
// head: row = the position attending (query), column = the position attended to (key), colour = the weight,
// white 0 to orange at the largest cell of the map. Long sequences are averaged into at most 100 × 100 cells.
// Below, a sentence names the strongest links away from the diagonal ("position 45 attends most to 130
// (0.42)"): in the transformer-spacing preset, one motif attending to the other ~100 bases away.
//   new AttentionMap(container).show({id, sequence, layers: [{heads: [Float32Array(L * L)]}]})
import { h, svg } from './dom.js';
import { t } from '../strings.js';
import { probabilityColor } from './palette.js';
import { rulerTicks } from './logo-glyphs.js';
import { axis } from './chart-axes.js';
import { figureShell, labelledSelect, hiddenTable, legendScale, fmt } from './view-parts.js';
import { exportButtons } from './figure-export.js';
import { fileSafe } from './explain-panel.js';

export const MAX_CELLS = 100;
const SIZE = 440; // the map's side in viewBox units
const MARGIN = { left: 70, top: 10, right: 14, bottom: 56 };
const WIDTH = MARGIN.left + SIZE + MARGIN.right;
const HEIGHT = MARGIN.top + SIZE + MARGIN.bottom;
const SHOWN_LINKS = 3; // named in the sentence; the hidden table lists more
const TABLE_LINKS = 10;

// The colour of weight w on the map whose largest cell is max: white (0) to orange (max).
export const weightColor = (w, max) => probabilityColor(0.5 + 0.5 * Math.min(1, w / (max || 1)));

/**
 * Averages an L × L row-major map into n × n cells, n = min(L, maxCells): cell (a, b) is the mean weight of
 * queries edges[a]..edges[a+1]-1 and keys edges[b]..edges[b+1]-1 (0-based positions).
 * -> {n, edges: [n + 1 positions], cells: Float32Array(n * n), max}
 */
export function binAttention(weights, L, maxCells = MAX_CELLS) {
  if (!(weights?.length >= L * L)) throw new RangeError(`attention: ${weights?.length} weights for ${L} × ${L}`);
  const n = Math.min(L, Math.max(1, maxCells));
  const edges = Array.from({ length: n + 1 }, (_, i) => Math.floor((i * L) / n));
  const cells = new Float32Array(n * n);
  let max = 0;
  for (let a = 0; a < n; a++)
    for (let b = 0; b < n; b++) {
      let sum = 0;
      for (let q = edges[a]; q < edges[a + 1]; q++)
        for (let k = edges[b]; k < edges[b + 1]; k++) sum += weights[q * L + k];
      const mean = sum / ((edges[a + 1] - edges[a]) * (edges[b + 1] - edges[b]));
      cells[a * n + b] = mean;
      if (mean > max) max = mean;
    }
  return { n, edges, cells, max };
}

/**
 * The k strongest links at least minDistance positions off the diagonal: for each query its strongest such
 * key, strongest first. A weight under twice the uniform 1 / L is no link (a query that looks everywhere
 * alike); a link whose query and key both lie within minDistance of a link already named is the same pair
 * of sites seen again and is skipped. -> [{query, key, weight}] (1-based positions)
 */
export function strongestLinks(weights, L, k = SHOWN_LINKS, minDistance = 1) {
  const floor = 2 / L;
  const best = [];
  for (let q = 0; q < L; q++) {
    let key = -1;
    let weight = -Infinity;
    for (let j = 0; j < L; j++)
      if (Math.abs(j - q) >= minDistance && weights[q * L + j] > weight) [key, weight] = [j, weights[q * L + j]];
    if (key >= 0 && weight >= floor) best.push({ query: q + 1, key: key + 1, weight });
  }
  best.sort((a, b) => b.weight - a.weight || a.query - b.query);
  const links = [];
  for (const link of best) {
    if (links.length >= k) break;
    const near = (l) => Math.abs(l.query - link.query) < minDistance && Math.abs(l.key - link.key) < minDistance;
    if (!links.some(near)) links.push(link);
  }
  return links;
}

// How far off the diagonal a link must be to be named: local attention (a motif to itself) is not a link.
export const linkDistance = (L) => Math.max(3, Math.ceil(L / 50));

// The full map as TSV: a header of key positions, then one row per query position.
export function attentionTsv(weights, L) {
  const lines = [['query\\key', ...Array.from({ length: L }, (_, j) => j + 1)].join('\t')];
  for (let q = 0; q < L; q++) lines.push([q + 1, ...Array.from(weights.subarray(q * L, (q + 1) * L))].join('\t'));
  return lines.join('\n') + '\n';
}

// "45" or "41–45": the 1-based positions of bin [from, to).
const span = (from, to) => (to - from > 1 ? `${from + 1}–${to}` : String(from + 1));

export class AttentionMap {
  constructor(container) {
    Object.assign(this, figureShell({ key: 'attention', svgTestid: 'attention-map', width: WIDTH, height: HEIGHT }));
    this.layer = labelledSelect({
      label: t('attentionLayer'),
      testid: 'attention-layer',
      onChange: () => this.#pick(),
    });
    this.head = labelledSelect({ label: t('attentionHead'), testid: 'attention-head', onChange: () => this.#draw() });
    this.links = h('p', { className: 'summary', dataset: { testid: 'attention-links' } });
    this.legend = h('div', { className: 'legend' });
    this.table = hiddenTable('attention-table');
    this.figure.before(h('div', { className: 'field-grid' }, this.layer.field, this.head.field));
    this.element.append(
      this.legend,
      this.links,
      this.table.element,
      exportButtons({
        figure: () => this.figure,
        tsv: () => attentionTsv(this.#weights(), this.data.sequence.length),
        name: () => `helix-attention-${fileSafe(this.data.id)}-layer${this.layerIndex + 1}-head${this.headIndex + 1}`,
        what: t('attentionTitle'),
        testid: 'attention-export',
      }),
    );
    container.append(this.element);
    this.data = null;
  }

  get layerIndex() {
    return Number(this.layer.select.value) || 0;
  }

  get headIndex() {
    return Number(this.head.select.value) || 0;
  }

  // data: {id, sequence, layers: [{heads: [Float32Array(L * L)]}]}; keeps the chosen layer and head if they exist.
  show(data) {
    this.data = data;
    this.element.hidden = false;
    const option = (key) => (_, i) => ({ value: i, label: t(key, { n: i + 1 }) });
    this.layer.setOptions(data.layers.map(option('attentionLayerOption')), this.layerIndex);
    this.#pick();
  }

  // A layer was chosen: offer its heads, then draw.
  #pick() {
    const heads = this.data.layers[this.layerIndex].heads;
    this.head.setOptions(
      heads.map((_, i) => ({ value: i, label: t('attentionHeadOption', { n: i + 1 }) })),
      this.headIndex,
    );
    this.#draw();
  }

  #weights() {
    return this.data.layers[this.layerIndex].heads[this.headIndex];
  }

  #draw() {
    const { id, sequence } = this.data;
    const L = sequence.length;
    const weights = this.#weights();
    if (!weights) return this.figure.replaceChildren(); // a layer without heads: nothing to draw
    const { n, edges, cells, max } = binAttention(weights, L);
    const cell = SIZE / n;
    const rects = [];
    for (let a = 0; a < n; a++)
      for (let b = 0; b < n; b++) {
        const w = cells[a * n + b];
        if (!(w > max / 512)) continue; // white on white: not drawn
        const title = t('attentionCellTitle', {
          query: span(edges[a], edges[a + 1]),
          key: span(edges[b], edges[b + 1]),
          weight: fmt(w),
        });
        rects.push(
          svg(
            'rect',
            {
              x: (MARGIN.left + b * cell).toFixed(2),
              y: (MARGIN.top + a * cell).toFixed(2),
              width: (cell + 0.05).toFixed(2),
              height: (cell + 0.05).toFixed(2),
              fill: weightColor(w, max),
            },
            svg('title', {}, title),
          ),
        );
      }
    const frame = svg('rect', {
      x: MARGIN.left,
      y: MARGIN.top,
      width: SIZE,
      height: SIZE,
      fill: 'none',
      stroke: '#8a949f',
    });
    const ticks = rulerTicks(0, L, 6);
    // positions 1..L along a side of the map starting at `from`; the line at `at`
    const ruler = (side, at, from, title) =>
      axis({
        side,
        at,
        from,
        to: from + SIZE,
        ticks,
        scale: (p) => from + ((p - 0.5) / L) * SIZE,
        labels: ticks.map(String),
        title,
        titleOffset: 48,
      });
    const layer = this.layerIndex + 1;
    const head = this.headIndex + 1;
    this.figure.replaceChildren(
      ...rects,
      frame,
      ruler('bottom', MARGIN.top + SIZE, MARGIN.left, t('attentionKeyAxis')),
      ruler('left', MARGIN.left, MARGIN.top, t('attentionQueryAxis')),
    );
    this.figure.setAttribute('aria-label', t('attentionAria', { id, layer, head, length: L, n, max: fmt(max) }));
    const links = strongestLinks(weights, L, TABLE_LINKS, linkDistance(L));
    const phrase = (l) => t('attentionLink', { query: l.query, key: l.key, weight: fmt(l.weight, 2) });
    this.links.textContent = links.length
      ? t('attentionLinks', { links: links.slice(0, SHOWN_LINKS).map(phrase).join('; ') })
      : t('attentionNoLinks');
    this.table.set(
      t('attentionTableCaption', { layer, head }),
      [t('attentionQueryAxis'), t('attentionKeyAxis'), t('attentionWeight'), t('attentionDistance')],
      links.map((l) => [l.query, l.key, fmt(l.weight), Math.abs(l.key - l.query)]),
    );
    this.#legend(max, n, L);
    Object.assign(this.element.dataset, {
      layer: String(layer),
      head: String(head),
      length: String(L),
      cells: String(n),
      max: String(max),
    });
  }

  #legend(max, n, length) {
    this.legend.replaceChildren(
      legendScale('0', fmt(max), [weightColor(0, max), weightColor(max, max)], t('attentionLegend')),
      n < length ? h('span', { className: 'hint' }, t('attentionBinned', { length, n })) : null,
    );
  }
}
