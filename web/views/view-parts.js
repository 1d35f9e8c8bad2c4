// web/views/view-parts.js: what the model views (attention map, profile tracks, regression scatter, token
// accuracy) share around their figures: the figure's shell (a title, a one-sentence caption, a focusable SVG
// with role img), a labelled <select>, a visually hidden table of the numbers for screen readers, a legend
// entry and number formatting. Data in, DOM out; nothing here knows a model.
import { h, svg, uid } from './dom.js';
import { t } from '../strings.js';

// 0.4123 -> '0.412'; NaN, undefined -> '–'.
export const fmt = (v, digits = 3) => (Number.isFinite(v) ? Number(v).toFixed(digits) : '–');

// A read count or other total: whole numbers as they are, others with one decimal.
export const fmtCount = (v) => (!Number.isFinite(v) ? '–' : Number.isInteger(v) ? String(v) : v.toFixed(1));

/**
 * A <figure> with a heading (t(`${key}Title`)), a caption sentence (t(`${key}Intro`)) and an SVG of viewBox
 * width × height (shown at most maxWidth pixels wide) that takes the keyboard focus (its aria-label says what
 * it shows). Test hooks: `${key}-view` on the figure, svgTestid on the SVG.
 * -> {element, figure (the SVG), caption (the sentence's <p>)}
 */
export function figureShell({ key, svgTestid, width, height, maxWidth = width * 1.25 }) {
  const figure = svg('svg', {
    viewBox: `0 0 ${width} ${height}`,
    role: 'img',
    class: 'explain-svg',
    tabindex: 0,
    'font-family': 'system-ui, sans-serif',
    'data-testid': svgTestid,
  });
  figure.style.maxWidth = `${maxWidth}px`; // a square map as wide as the page would be taller than the screen
  const caption = h('p', { className: 'hint' }, t(`${key}Intro`));
  const element = h(
    'figure',
    { className: svgTestid, hidden: true, dataset: { testid: `${key}-view` } },
    h('figcaption', {}, h('h3', {}, t(`${key}Title`)), caption),
    figure,
  );
  return { element, figure, caption };
}

/**
 * A <select> with its <label>; onChange(value) on every change. setOptions([{value, label}], selected)
 * replaces the choices, keeping `selected` (or the first).
 */
export function labelledSelect({ label, testid, onChange = () => {} }) {
  const id = uid(testid);
  const select = h('select', { id, dataset: { testid }, onchange: () => onChange(select.value) });
  const field = h('div', { className: 'field' }, h('label', { for: id }, label), select);
  const setOptions = (options, selected) => {
    select.replaceChildren(...options.map(({ value, label: text }) => h('option', { value: String(value) }, text)));
    if (selected !== undefined && options.some((o) => String(o.value) === String(selected)))
      select.value = String(selected);
  };
  return { select, field, setOptions };
}

/**
 * A visually hidden table (screen readers read it; the page does not show it). set(caption, columns, rows):
 * the first cell of each row is its header.
 */
export function hiddenTable(testid) {
  const caption = h('caption');
  const head = h('thead');
  const body = h('tbody');
  const element = h('div', { className: 'visually-hidden' }, h('table', { dataset: { testid } }, caption, head, body));
  const set = (text, columns, rows) => {
    caption.textContent = text;
    head.replaceChildren(
      h(
        'tr',
        {},
        columns.map((c) => h('th', { scope: 'col' }, c)),
      ),
    );
    body.replaceChildren(
      ...rows.map(([first, ...rest]) =>
        h(
          'tr',
          {},
          h('th', { scope: 'row' }, String(first)),
          rest.map((c) => h('td', {}, String(c))),
        ),
      ),
    );
  };
  return { element, set };
}

// A legend entry: a swatch (a filled square, or a line when `line` is a CSS border style) and its text.
export function legendItem(colour, text, { line } = {}) {
  const swatch = line
    ? h('span', { className: 'swatch', style: { border: 'none', borderTop: `3px ${line} ${colour}`, height: '0' } })
    : h('span', { className: 'swatch', style: { background: colour } });
  return h('span', { className: 'legend-item' }, swatch, text);
}

// A colour scale for a legend: `low` and `high` (texts) at the ends of a bar through the colours, then its name.
export const legendScale = (low, high, colours, name) =>
  h(
    'span',
    { className: 'legend-scale' },
    h('span', {}, low),
    h('span', { className: 'legend-bar', style: { background: `linear-gradient(to right, ${colours.join(', ')})` } }),
    h('span', {}, high),
    ' ',
    name,
  );
