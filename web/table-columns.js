// web/table-columns.js: the page's light reading of a pasted table (TSV or CSV with a header): its column
// names, its row count and the values of a few named columns. The engine does the real parsing (and reports
// errors by line); this only feeds pictures such as the decision map's training points.

const splitter = (header) => (header.includes('\t') ? '\t' : ',');
const clean = (cell) => cell.trim().replace(/^"|"$/g, '');

// {columns: [names], rows: count of non-empty data lines}.
export function tableHeader(text) {
  const lines = text.split(/\r?\n/);
  const header = (lines[0] ?? '').replace(/^\uFEFF/, '');
  const columns = header.trim() ? header.split(splitter(header)).map(clean) : [];
  return { columns, rows: lines.slice(1).filter((l) => l.trim() !== '').length };
}

// {name: [values as text]} for each of `names` found (case-insensitive); rows with a missing cell get ''.
export function tableColumns(text, names) {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  if (!lines.length) return {};
  const header = lines[0].replace(/^\uFEFF/, '');
  const delim = splitter(header);
  const columns = header.split(delim).map((c) => clean(c).toLowerCase());
  const out = {};
  const rows = lines.slice(1).map((l) => l.split(delim));
  for (const name of names) {
    const k = columns.indexOf(name.toLowerCase());
    if (k >= 0) out[name] = rows.map((cells) => clean(cells[k] ?? ''));
  }
  return out;
}
