// web/views/graph-view.js: a small picture of a graph model's result, laid out by a few hundred steps of a
// force simulation. Node classification: a neighbourhood of up to MAX_NODES nodes (breadth-first from a
// well-connected node), each filled with its PREDICTED class's colour. Graph classification: a few whole
// graphs side by side, all nodes of a graph in the colour of the class predicted for it. A wrong prediction
// has a thick dark ring. SVG, so every node carries its id, true and predicted class (and a <title> tooltip).
import { h } from './dom.js';
import { t } from '../strings.js';
import { classColor } from './palette.js';

const SVG = 'http://www.w3.org/2000/svg';
const MAX_NODES = 80;
const SIZE = 420;
const STEPS = 300;
const HUB_LIMIT = 8;
const SPREAD = 0.6;
const GRAVITY = 1.5;
const GRAPHS_SHOWN = 6; // graph classification: this many graphs, taken from every class in turn
const CELL = 140;

const s = (tag, attrs = {}, ...children) => {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  node.append(...children);
  return node;
};

// Up to `max` nodes reached breadth-first from a well-connected node, and the edges among them. A hub with
// hundreds of neighbours would fill the picture with one star, so the start has at most HUB_LIMIT.
export function neighbourhood(ids, edges, max = MAX_NODES) {
  const adjacency = new Map(ids.map((id) => [id, []]));
  for (const [a, b] of edges) {
    adjacency.get(a)?.push(b);
    adjacency.get(b)?.push(a);
  }
  let start = ids[0];
  const degree = (id) => (adjacency.get(id).length <= HUB_LIMIT ? adjacency.get(id).length : -1);
  for (const id of ids) if (degree(id) > degree(start)) start = id;
  const chosen = new Set(start === undefined ? [] : [start]);
  const queue = [...chosen];
  while (queue.length && chosen.size < max) {
    for (const next of adjacency.get(queue.shift()) ?? []) {
      if (chosen.size >= max) break;
      if (!chosen.has(next) && adjacency.get(next).length <= 4 * HUB_LIMIT) {
        chosen.add(next);
        queue.push(next);
      }
    }
  }
  const nodes = [...chosen];
  return { nodes, edges: edges.filter(([a, b]) => chosen.has(a) && chosen.has(b) && a !== b) };
}

// Fruchterman–Reingold in a unit square, seeded on a circle (same input, same picture).
function layout(nodes, edges) {
  const n = nodes.length;
  const index = new Map(nodes.map((id, i) => [id, i]));
  const pos = nodes.map((_, i) => [
    0.5 + 0.35 * Math.cos((2 * Math.PI * i) / n),
    0.5 + 0.35 * Math.sin((2 * Math.PI * i) / n),
  ]);
  const k = SPREAD * Math.sqrt(1 / Math.max(n, 1)); // the ideal edge length
  const links = edges.map(([a, b]) => [index.get(a), index.get(b)]);
  for (let step = 0; step < STEPS; step++) {
    const temperature = 0.1 * (1 - step / STEPS) + 0.002;
    const move = pos.map(() => [0, 0]);
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const dx = pos[i][0] - pos[j][0];
        const dy = pos[i][1] - pos[j][1];
        const d2 = Math.max(dx * dx + dy * dy, 1e-6);
        const f = (k * k) / d2;
        move[i][0] += dx * f;
        move[i][1] += dy * f;
        move[j][0] -= dx * f;
        move[j][1] -= dy * f;
      }
    }
    for (const [a, b] of links) {
      const dx = pos[a][0] - pos[b][0];
      const dy = pos[a][1] - pos[b][1];
      const d = Math.sqrt(dx * dx + dy * dy) || 1e-3;
      const f = d / k;
      move[a][0] -= dx * f;
      move[a][1] -= dy * f;
      move[b][0] += dx * f;
      move[b][1] += dy * f;
    }
    for (let i = 0; i < n; i++) {
      move[i][0] += (0.5 - pos[i][0]) * GRAVITY; // a pull to the centre keeps loose parts off the frame
      move[i][1] += (0.5 - pos[i][1]) * GRAVITY;
      const [mx, my] = move[i];
      const len = Math.sqrt(mx * mx + my * my) || 1;
      const d = Math.min(len, temperature);
      pos[i][0] = Math.min(0.97, Math.max(0.03, pos[i][0] + (mx / len) * d));
      pos[i][1] = Math.min(0.97, Math.max(0.03, pos[i][1] + (my / len) * d));
    }
  }
  return pos;
}

export class GraphView {
  constructor(container) {
    this.svg = s('svg', { viewBox: `0 0 ${SIZE} ${SIZE}`, role: 'img', class: 'graph-svg' });
    this.legend = h('div', { className: 'legend' });
    this.note = h('p', { className: 'hint' });
    this.element = h(
      'figure',
      { className: 'graph-view', hidden: true, dataset: { testid: 'graph-view' } },
      h(
        'figcaption',
        {},
        h('h3', {}, t('graphViewTitle')),
        (this.intro = h('p', { className: 'hint' }, t('graphViewIntro'))),
      ),
      this.svg,
      this.legend,
      this.note,
    );
    container.append(this.element);
  }

  /**
   * Graph classification. graphs: [{id, nodes: [ids], edges: [[a, b]], label}] (label: true class or
   * undefined); predicted: Map graph id -> class; classNames as show().
   */
  showGraphs(graphs, predicted, classNames = []) {
    const name = (k) => classNames[k] ?? String(k);
    this.element.hidden = false;
    this.intro.textContent = t('graphsViewIntro');
    const byClass = new Map();
    for (const g of graphs) {
      const key = g.label ?? -1;
      if (!byClass.has(key)) byClass.set(key, []);
      byClass.get(key).push(g);
    }
    const queues = [...byClass.values()];
    const chosen = [];
    for (let i = 0; chosen.length < GRAPHS_SHOWN && queues.some((q) => i < q.length); i++) {
      for (const q of queues) if (i < q.length && chosen.length < GRAPHS_SHOWN) chosen.push(q[i]);
    }
    const columns = 3;
    const rows = Math.ceil(chosen.length / columns);
    this.svg.setAttribute('viewBox', `0 0 ${columns * CELL} ${rows * (CELL + 18)}`);
    let wrong = 0;
    const cells = chosen.map((g, k) => {
      const [ox, oy] = [(k % columns) * CELL, Math.floor(k / columns) * (CELL + 18)];
      const pos = layout(g.nodes, g.edges);
      const at = new Map(
        g.nodes.map((id, i) => [id, [ox + 8 + pos[i][0] * (CELL - 16), oy + 8 + pos[i][1] * (CELL - 16)]]),
      );
      const p = predicted.get(g.id);
      const miss = g.label !== undefined && p !== undefined && p !== g.label;
      if (miss) wrong += 1;
      return s(
        'g',
        { 'data-graph': g.id, 'data-predicted': p ?? '', 'data-label': g.label ?? '' },
        s('rect', {
          x: ox + 2,
          y: oy + 2,
          width: CELL - 4,
          height: CELL - 4,
          fill: 'none',
          stroke: miss ? '#1b1f24' : '#c9d0d8',
          'stroke-width': miss ? 2.5 : 1,
          rx: 4,
        }),
        ...g.edges.map(([a, b]) =>
          s('line', {
            x1: at.get(a)[0],
            y1: at.get(a)[1],
            x2: at.get(b)[0],
            y2: at.get(b)[1],
            stroke: '#9aa5b1',
            'stroke-width': 1,
          }),
        ),
        ...g.nodes.map((id) =>
          s('circle', {
            cx: at.get(id)[0],
            cy: at.get(id)[1],
            r: 4,
            fill: p === undefined ? '#ccc' : classColor(p),
            stroke: '#fff',
            'stroke-width': 1,
          }),
        ),
        s(
          'text',
          { x: ox + CELL / 2, y: oy + CELL + 12, 'text-anchor': 'middle', 'font-size': 10 },
          t(miss ? 'graphCaptionWrong' : 'graphCaption', { id: g.id, predicted: p === undefined ? '–' : name(p) }),
        ),
        s(
          'title',
          {},
          t('graphTitle', {
            id: g.id,
            nodes: g.nodes.length,
            predicted: p === undefined ? '–' : name(p),
            label: g.label === undefined ? '–' : name(g.label),
          }),
        ),
      );
    });
    this.svg.replaceChildren(...cells);
    this.svg.setAttribute('aria-label', t('graphsViewAria', { graphs: chosen.length, wrong }));
    this.element.dataset.graphs = String(chosen.length);
    this.element.dataset.nodes = String(chosen.reduce((a, g) => a + g.nodes.length, 0));
    this.element.dataset.edges = String(chosen.reduce((a, g) => a + g.edges.length, 0));
    const classes = [...new Set(chosen.map((g) => predicted.get(g.id)).filter((c) => c !== undefined))].sort(
      (a, b) => a - b,
    );
    this.legend.replaceChildren(
      ...classes.map((c) =>
        h(
          'span',
          { className: 'legend-item' },
          h('span', { className: 'swatch round', style: { background: classColor(c) } }),
          t('graphPredictedAs', { name: name(c) }),
        ),
      ),
      h('span', { className: 'legend-item' }, h('span', { className: 'swatch ring' }), t('graphWrong')),
    );
    this.note.textContent = t('graphsViewNote', { shown: chosen.length, total: graphs.length, wrong });
  }

  /**
   * Node classification. graph: {ids, edges: [[a, b]], labels: Map id -> true class (or undefined)}; predicted: Map id -> class;
   * classNames: [name per class index] (optional).
   */
  show({ ids, edges, labels }, predicted, classNames = []) {
    this.element.hidden = false;
    this.intro.textContent = t('graphViewIntro');
    const part = neighbourhood(ids, edges);
    const pos = layout(part.nodes, part.edges);
    const at = new Map(part.nodes.map((id, i) => [id, pos[i].map((v) => v * SIZE)]));
    const name = (k) => classNames[k] ?? String(k);
    const lines = part.edges.map(([a, b]) =>
      s('line', {
        x1: at.get(a)[0],
        y1: at.get(a)[1],
        x2: at.get(b)[0],
        y2: at.get(b)[1],
        stroke: '#9aa5b1',
        'stroke-width': 1,
      }),
    );
    let wrong = 0;
    const dots = part.nodes.map((id) => {
      const [x, y] = at.get(id);
      const p = predicted.get(id);
      const truth = labels.get(id);
      const miss = truth !== undefined && p !== undefined && truth !== p;
      if (miss) wrong += 1;
      return s(
        'circle',
        {
          cx: x,
          cy: y,
          r: 6,
          fill: p === undefined ? '#ccc' : classColor(p),
          stroke: miss ? '#1b1f24' : '#fff',
          'stroke-width': miss ? 2.5 : 1,
          'data-node': id,
          'data-predicted': p ?? '',
          'data-label': truth ?? '',
        },
        s(
          'title',
          {},
          t('graphNodeTitle', {
            id,
            predicted: p === undefined ? '–' : name(p),
            label: truth === undefined ? '–' : name(truth),
          }),
        ),
      );
    });
    this.svg.setAttribute('viewBox', `0 0 ${SIZE} ${SIZE}`);
    this.svg.replaceChildren(s('g', {}, ...lines), s('g', {}, ...dots));
    this.svg.setAttribute(
      'aria-label',
      t('graphViewAria', { nodes: part.nodes.length, edges: part.edges.length, wrong }),
    );
    this.element.dataset.nodes = String(part.nodes.length);
    this.element.dataset.edges = String(part.edges.length);
    const shownClasses = [...new Set(part.nodes.map((id) => predicted.get(id)).filter((c) => c !== undefined))].sort(
      (a, b) => a - b,
    );
    this.legend.replaceChildren(
      ...shownClasses.map((c) =>
        h(
          'span',
          { className: 'legend-item' },
          h('span', { className: 'swatch round', style: { background: classColor(c) } }),
          name(c),
        ),
      ),
      h('span', { className: 'legend-item' }, h('span', { className: 'swatch round ring' }), t('graphWrong')),
    );
    this.note.textContent = t('graphViewNote', { shown: part.nodes.length, total: ids.length, wrong });
  }
}
