// js/decision-map.js: what a model on numeric columns predicts over a plane of two of them, the
// others held at their median in the data: the picture that shows a single-layer net's straight
// boundary next to an MLP's curved one. Works with any model whose input is features (model.predict).

// Column values of a parsed table text (TSV/CSV with a header), by name. Throws Error naming a missing column.
function columnsOf(text, names) {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const delim = lines[0].includes('\t') ? '\t' : ',';
  const header = lines[0]
    .replace(/^\uFEFF/, '')
    .split(delim)
    .map((h) => h.trim().replace(/^"|"$/g, ''));
  const out = {};
  for (const name of names) {
    const k = header.findIndex((h) => h.toLowerCase() === name.toLowerCase());
    if (k < 0) throw new Error(`decision map: no '${name}' column in the table (it has ${header.join(', ')})`);
    out[name] = lines
      .slice(1)
      .map((l) => Number(l.split(delim)[k]))
      .filter(Number.isFinite);
  }
  return out;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : 0;
};

/**
 * {x: {name, values}, y: {name, values}, probability: rows of y × columns of x} for `model` (a Model of
 * the JS API whose spec has one features input) over a `size` × `size` grid spanning the data's range
 * of columns `x` and `y` (default: the input's first two columns). Other columns sit at their median.
 */
export function decisionMap(model, tableText, { x, y, size = 40 } = {}) {
  const input = (model.spec.inputs ?? []).find((i) => i.type === 'features');
  if (!input) throw new Error('decision map: the model has no input of numeric columns');
  const columns = input.columns;
  x ??= columns[0];
  y ??= columns[1];
  const data = columnsOf(tableText, columns);
  const axis = (name) => {
    const v = data[name];
    const lo = Math.min(...v),
      hi = Math.max(...v);
    return Array.from({ length: size }, (_, i) => lo + ((hi - lo) * i) / (size - 1));
  };
  const xs = axis(x),
    ys = axis(y);
  const fixed = Object.fromEntries(columns.map((c) => [c, median(data[c])]));
  const rows = [columns.join('\t')];
  for (const yv of ys) {
    for (const xv of xs) rows.push(columns.map((c) => (c === x ? xv : c === y ? yv : fixed[c])).join('\t'));
  }
  const p = model.predict(`${rows.join('\n')}\n`).map((r) => r.probability);
  const probability = ys.map((_, j) => p.slice(j * size, (j + 1) * size));
  return { x: { name: x, values: xs }, y: { name: y, values: ys }, fixed, probability };
}
