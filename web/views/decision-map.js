// web/views/decision-map.js: what a model on numeric columns predicts over a plane of two of its columns
// (the others at their median): a heat map of the probability of label 1, the training rows drawn on top in
// their class's colour and shape, both axes named after their columns. Two selects choose the columns.
import { h, uid } from './dom.js';
import { t } from '../strings.js';
import { probabilityColor, probabilityRgb } from './palette.js';

// Training rows drawn over the map: colours that stand out on both ends of the blue–orange scale.
const MARKERS = { 0: { fill: '#ffffff', stroke: '#08306b' }, 1: { fill: '#4a1486', stroke: '#ffffff' } };
const marker = (label) => MARKERS[label] ?? { fill: '#555555', stroke: '#ffffff' };

const WIDTH = 460;
const HEIGHT = 380;
const MARGIN = { left: 62, right: 24, top: 12, bottom: 48 };
const MAX_POINTS = 1500; // more would hide the map

const tick = (v) => (Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 10 ? v.toFixed(1) : v.toFixed(2));

export class DecisionMapView {
  // onAxes(x, y): the user picked other columns.
  constructor(container, { onAxes = () => {} } = {}) {
    const xId = uid('map-x');
    const yId = uid('map-y');
    this.xSelect = h('select', {
      id: xId,
      dataset: { testid: 'decision-map-x' },
      onchange: () => onAxes(this.xSelect.value, this.ySelect.value),
    });
    this.ySelect = h('select', {
      id: yId,
      dataset: { testid: 'decision-map-y' },
      onchange: () => onAxes(this.xSelect.value, this.ySelect.value),
    });
    this.canvas = h('canvas', { className: 'decision-map-canvas', role: 'img', 'aria-label': t('mapEmpty') });
    this.note = h('p', { className: 'hint' });
    this.legend = h('div', { className: 'legend' });
    this.element = h(
      'figure',
      { className: 'decision-map', hidden: true, dataset: { testid: 'decision-map' } },
      h('figcaption', {}, h('h3', {}, t('mapTitle')), h('p', { className: 'hint' }, t('mapIntro'))),
      h(
        'div',
        { className: 'field-grid' },
        h('div', { className: 'field' }, h('label', { for: xId }, t('mapX')), this.xSelect),
        h('div', { className: 'field' }, h('label', { for: yId }, t('mapY')), this.ySelect),
      ),
      this.canvas,
      this.legend,
      this.note,
    );
    container.append(this.element);
  }

  // columns: the model's numeric columns; x, y: the two shown.
  setColumns(columns, x, y) {
    const options = (value) => columns.map((c) => h('option', { value: c, selected: c === value }, c));
    this.xSelect.replaceChildren(...options(x));
    this.ySelect.replaceChildren(...options(y));
  }

  /**
   * map: the engine's decisionMap() {x: {name, values}, y: {name, values}, probability: rows (y) of columns
   * (x), fixed}; points: {x: [numbers], y: [numbers], label: [0/1]} of the training table.
   */
  show(map, points) {
    this.element.hidden = false;
    const dpr = window.devicePixelRatio || 1;
    this.canvas.width = WIDTH * dpr;
    this.canvas.height = HEIGHT * dpr;
    this.canvas.style.width = `${WIDTH}px`;
    this.canvas.style.maxWidth = '100%';
    const ctx = this.canvas.getContext('2d');
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, WIDTH, HEIGHT);
    const plotW = WIDTH - MARGIN.left - MARGIN.right;
    const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
    const xs = map.x.values;
    const ys = map.y.values;
    const [x0, x1] = [xs[0], xs[xs.length - 1]];
    const [y0, y1] = [ys[0], ys[ys.length - 1]];
    const px = (v) => MARGIN.left + ((v - x0) / (x1 - x0 || 1)) * plotW;
    const py = (v) => MARGIN.top + plotH - ((v - y0) / (y1 - y0 || 1)) * plotH;

    // The heat map: one cell per grid point, drawn through an offscreen image and scaled smoothly.
    const grid = new ImageData(xs.length, ys.length);
    let pMin = 1;
    let pMax = 0;
    map.probability.forEach((row, j) =>
      row.forEach((p, i) => {
        pMin = Math.min(pMin, p);
        pMax = Math.max(pMax, p);
        const [r, g, b] = probabilityRgb(p);
        const k = ((ys.length - 1 - j) * xs.length + i) * 4; // row 0 is the lowest y: drawn at the bottom
        grid.data.set([r, g, b, 255], k);
      }),
    );
    const off = document.createElement('canvas');
    off.width = xs.length;
    off.height = ys.length;
    off.getContext('2d').putImageData(grid, 0, 0);
    ctx.imageSmoothingEnabled = true;
    ctx.drawImage(off, MARGIN.left, MARGIN.top, plotW, plotH);

    // Training rows inside the plotted range, class 0 as circles and class 1 as squares.
    const counts = {};
    const n = Math.min(points.x.length, MAX_POINTS);
    const stride = points.x.length / n;
    for (let k = 0; k < n; k++) {
      const i = Math.floor(k * stride);
      const [vx, vy, label] = [points.x[i], points.y[i], points.label[i]];
      if (!Number.isFinite(vx) || !Number.isFinite(vy) || !Number.isFinite(label)) continue;
      counts[label] = (counts[label] ?? 0) + 1;
      ctx.fillStyle = marker(label).fill;
      ctx.strokeStyle = marker(label).stroke;
      ctx.lineWidth = 1;
      ctx.beginPath();
      if (label === 1) ctx.rect(px(vx) - 2.5, py(vy) - 2.5, 5, 5);
      else ctx.arc(px(vx), py(vy), 2.8, 0, 2 * Math.PI);
      ctx.fill();
      ctx.stroke();
    }

    // Axes: frame, end ticks, column names.
    ctx.strokeStyle = '#333';
    ctx.lineWidth = 1;
    ctx.strokeRect(MARGIN.left, MARGIN.top, plotW, plotH);
    ctx.fillStyle = '#1b1f24';
    ctx.font = '12px system-ui, sans-serif';
    ctx.textAlign = 'center';
    ctx.textBaseline = 'top';
    for (const v of [x0, (x0 + x1) / 2, x1]) ctx.fillText(tick(v), px(v), MARGIN.top + plotH + 4);
    ctx.font = '600 13px system-ui, sans-serif';
    ctx.fillText(map.x.name, MARGIN.left + plotW / 2, HEIGHT - 18);
    ctx.font = '12px system-ui, sans-serif';
    ctx.textAlign = 'right';
    ctx.textBaseline = 'middle';
    for (const v of [y0, (y0 + y1) / 2, y1]) ctx.fillText(tick(v), MARGIN.left - 4, py(v));
    ctx.save();
    ctx.translate(14, MARGIN.top + plotH / 2);
    ctx.rotate(-Math.PI / 2);
    ctx.textAlign = 'center';
    ctx.font = '600 13px system-ui, sans-serif';
    ctx.fillText(map.y.name, 0, 0);
    ctx.restore();

    const classes = Object.keys(counts).map(Number).sort();
    Object.assign(this.element.dataset, {
      x: map.x.name,
      y: map.y.name,
      points: String(Object.values(counts).reduce((a, b) => a + b, 0)),
      classes: classes.join(','),
      pmin: pMin.toFixed(4),
      pmax: pMax.toFixed(4),
    });
    this.canvas.setAttribute(
      'aria-label',
      t('mapAria', {
        x: map.x.name,
        y: map.y.name,
        min: pMin.toFixed(2),
        max: pMax.toFixed(2),
        n: this.element.dataset.points,
      }),
    );
    this.legend.replaceChildren(
      h(
        'span',
        { className: 'legend-scale' },
        h('span', {}, '0'),
        h('span', {
          className: 'legend-bar',
          style: {
            background: `linear-gradient(to right, ${probabilityColor(0)}, ${probabilityColor(0.5)}, ${probabilityColor(1)})`,
          },
        }),
        h('span', {}, '1'),
        ' ',
        t('mapProbability'),
      ),
      ...classes.map((c) =>
        h(
          'span',
          { className: 'legend-item' },
          h('span', {
            className: c === 1 ? 'swatch' : 'swatch round',
            style: {
              background: marker(c).fill,
              borderColor: marker(c).stroke === '#ffffff' ? '#1b1f24' : marker(c).stroke,
            },
          }),
          t('mapClass', { label: c, count: counts[c] }),
        ),
      ),
    );
    const others = Object.entries(map.fixed ?? {}).filter(([name]) => name !== map.x.name && name !== map.y.name);
    this.note.textContent = others.length
      ? t('mapFixed', { columns: others.map(([name, v]) => `${name} = ${tick(v)}`).join(', ') })
      : '';
  }
}
