// web/views/latent-scatter.js: an autoencoder's latent codes as a 2-D scatter, one dot per cell coloured by its
// label (cell type), with a legend. Codes of more than two numbers are projected on their first two principal
// components (the axes then say so). Below, the model's scores: imputation error against the per-gene mean, and
// how well a cell's nearest neighbours in the latent space share its label.
import { h } from './dom.js';
import { t } from '../strings.js';
import { classColor } from './palette.js';

const WIDTH = 460;
const HEIGHT = 400;
const MARGIN = { left: 46, right: 12, top: 12, bottom: 40 };

// The first two principal components of rows (power iteration with deflation): [[x, y] per row].
export function project2d(rows) {
  const n = rows.length;
  const k = rows[0]?.length ?? 0;
  if (k <= 2) return rows.map((r) => [r[0] ?? 0, r[1] ?? 0]);
  const mean = Array.from({ length: k }, (_, j) => rows.reduce((a, r) => a + r[j], 0) / n);
  const centred = rows.map((r) => r.map((v, j) => v - mean[j]));
  const cov = Array.from({ length: k }, () => new Float64Array(k));
  for (const r of centred) for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) cov[a][b] += r[a] * r[b];
  const components = [];
  for (let c = 0; c < 2; c++) {
    let v = Array.from({ length: k }, (_, j) => 1 / Math.sqrt(k) + (j === c ? 0.1 : 0));
    for (let it = 0; it < 100; it++) {
      const w = cov.map((row) => row.reduce((a, x, j) => a + x * v[j], 0));
      const norm = Math.sqrt(w.reduce((a, x) => a + x * x, 0)) || 1;
      v = w.map((x) => x / norm);
    }
    const lambda = v.reduce((a, x, i) => a + x * cov[i].reduce((b, y, j) => b + y * v[j], 0), 0);
    for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) cov[a][b] -= lambda * v[a] * v[b];
    components.push(v);
  }
  return centred.map((r) => components.map((v) => r.reduce((a, x, j) => a + x * v[j], 0)));
}

const fmt = (v, d = 3) => (Number.isFinite(v) ? v.toFixed(d) : '–');

export class LatentScatter {
  constructor(container) {
    this.canvas = h('canvas', { role: 'img', 'aria-label': t('latentTitle') });
    this.legend = h('div', { className: 'legend' });
    this.scores = h('p', { className: 'summary', dataset: { testid: 'latent-scores' } });
    this.element = h(
      'figure',
      { className: 'latent-scatter', hidden: true, dataset: { testid: 'latent-scatter' } },
      h('figcaption', {}, h('h3', {}, t('latentTitle')), h('p', { className: 'hint' }, t('latentIntro'))),
      this.canvas,
      this.legend,
      this.scores,
    );
    container.append(this.element);
  }

  /**
   * encoded: the engine's encode() {ids, codes, split, labels?}; summary: the fit summary (test imputation
   * scores, latentKnn).
   */
  show(encoded, summary = {}) {
    this.element.hidden = false;
    const { codes } = encoded;
    const labels = encoded.labels ?? codes.map(() => '');
    const points = project2d(codes);
    const projected = (codes[0]?.length ?? 0) > 2;
    const names = [...new Set(labels)].sort((a, b) => String(a).localeCompare(String(b)));
    const counts = new Map(names.map((name) => [name, 0]));
    labels.forEach((l) => counts.set(l, counts.get(l) + 1));
    const order = [...names].sort((a, b) => counts.get(b) - counts.get(a)); // colours by size: the big types get the clearest
    const colour = new Map(order.map((name, i) => [name, classColor(i)]));

    const dpr = window.devicePixelRatio || 1;
    this.canvas.width = WIDTH * dpr;
    this.canvas.height = HEIGHT * dpr;
    this.canvas.style.width = `${WIDTH}px`;
    this.canvas.style.maxWidth = '100%';
    const ctx = this.canvas.getContext('2d');
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, WIDTH, HEIGHT);
    const xs = points.map((p) => p[0]).filter(Number.isFinite);
    const ys = points.map((p) => p[1]).filter(Number.isFinite);
    const [x0, x1] = [Math.min(...xs), Math.max(...xs)];
    const [y0, y1] = [Math.min(...ys), Math.max(...ys)];
    const plotW = WIDTH - MARGIN.left - MARGIN.right;
    const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
    const px = (v) => MARGIN.left + ((v - x0) / (x1 - x0 || 1)) * plotW;
    const py = (v) => MARGIN.top + plotH - ((v - y0) / (y1 - y0 || 1)) * plotH;
    let drawn = 0;
    ctx.globalAlpha = 0.75;
    points.forEach(([x, y], i) => {
      if (!Number.isFinite(x) || !Number.isFinite(y)) return;
      ctx.fillStyle = colour.get(labels[i]);
      ctx.beginPath();
      ctx.arc(px(x), py(y), 2.2, 0, 2 * Math.PI);
      ctx.fill();
      drawn += 1;
    });
    ctx.globalAlpha = 1;
    ctx.strokeStyle = '#333';
    ctx.strokeRect(MARGIN.left, MARGIN.top, plotW, plotH);
    ctx.fillStyle = '#1b1f24';
    ctx.font = '600 13px system-ui, sans-serif';
    ctx.textAlign = 'center';
    ctx.textBaseline = 'top';
    ctx.fillText(t(projected ? 'latentPc1' : 'latentZ1'), MARGIN.left + plotW / 2, HEIGHT - 22);
    ctx.save();
    ctx.translate(14, MARGIN.top + plotH / 2);
    ctx.rotate(-Math.PI / 2);
    ctx.fillText(t(projected ? 'latentPc2' : 'latentZ2'), 0, 0);
    ctx.restore();

    Object.assign(this.element.dataset, {
      points: String(drawn),
      labels: String(names.filter((n) => n !== '').length),
      dims: String(codes[0]?.length ?? 0),
    });
    this.canvas.setAttribute('aria-label', t('latentAria', { n: drawn, k: names.length }));
    this.legend.replaceChildren(
      ...order
        .filter((name) => name !== '')
        .map((name) =>
          h(
            'span',
            { className: 'legend-item', dataset: { label: name } },
            h('span', { className: 'swatch round', style: { background: colour.get(name) } }),
            `${name} (${counts.get(name)})`,
          ),
        ),
    );
    const parts = [];
    const test = summary.test;
    if (test && Number.isFinite(test.maskedMse))
      parts.push(
        t('latentImputation', {
          mse: fmt(test.maskedMse),
          mean: fmt(test.meanImputationMse),
          better: fmt(100 * test.improvement, 1),
        }),
      );
    const knn = summary.latentKnn;
    if (knn && Number.isFinite(knn.accuracy))
      parts.push(t('latentKnn', { k: knn.k, accuracy: fmt(knn.accuracy), majority: fmt(knn.majorityRate) }));
    this.scores.textContent = parts.join(' ');
  }
}
