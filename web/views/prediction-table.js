// web/views/prediction-table.js: one row per sequence (id, length, binding probability with an inline bar).
// For a multi-class model (rows carry `probabilities`) a "Predicted class" column appears and the bar shows
// the probability of that class.
// Column headings are buttons that sort (aria-sort says how); "Export TSV" downloads the rows as shown.
import { h, downloadText } from './dom.js';
import { t } from '../strings.js';

const COLUMNS = [
  { key: 'id', label: 'tableId', numeric: false },
  { key: 'length', label: 'tableLength', numeric: true },
  { key: 'predicted', label: 'tableClass', numeric: false },  // multi-class models only
  { key: 'probability', label: 'tableProbability', numeric: true },
];

// Ids come from the user's file: tabs/newlines would break the TSV's columns.
const tsvCell = (value) => String(value).replace(/[\t\r\n]+/g, ' ');

// A multi-class row as the table shows it: the predicted class (name, else index) and its probability.
const shown = (row) =>
  row.probabilities ? { ...row, predicted: String(row.label ?? row.class), probability: row.probabilities[row.class] } : row;

export function toTsv(rows) {
  const multiclass = rows.some((r) => r.predicted !== undefined);
  const cells = (r) => [tsvCell(r.id), r.length, ...(multiclass ? [tsvCell(r.predicted)] : []), r.probability.toFixed(4)];
  const lines = [multiclass ? 'id\tlength\tclass\tprobability' : 'id\tlength\tprobability', ...rows.map((r) => cells(r).join('\t'))];
  return lines.join('\n') + '\n';
}

export class PredictionTable {
  constructor(container) {
    this.rows = [];
    this.multiclass = false;
    this.sort = { key: null, descending: false };
    this.headers = COLUMNS.map((column) => {
      const button = h('button', { type: 'button', className: 'sort', onclick: () => this.#sortBy(column.key) }, t(column.label));
      return h('th', { scope: 'col', className: column.numeric ? 'numeric' : '', dataset: { key: column.key } }, button);
    });
    this.body = h('tbody');
    this.table = h('table', { className: 'predictions', hidden: true }, h('caption', {}, t('tableCaption'), h('span', { className: 'hint' }, ' ', t('tableSortHint'))), h('thead', {}, h('tr', {}, this.headers)), this.body);
    this.exportButton = h('button', { type: 'button', className: 'secondary', disabled: true, dataset: { testid: 'export-button' }, onclick: () => downloadText(toTsv(this.#sorted()), 'helix-predictions.tsv', 'text/tab-separated-values') }, t('tableExport'));
    this.empty = h('p', { className: 'hint' }, t('tableEmpty'));
    this.element = h('div', { className: 'prediction-table' }, this.empty, h('div', { className: 'table-scroll' }, this.table), h('div', { className: 'button-row' }, this.exportButton));
    container.append(this.element);
  }

  // rows: [{ id, length, probability }] (or [{ id, length, class, label, probabilities }]) in input order.
  show(rows) {
    this.rows = rows.map((row, index) => ({ ...shown(row), index }));
    this.multiclass = this.rows.some((row) => row.predicted !== undefined);
    this.#render();
  }

  clear() {
    this.show([]);
  }

  #sortBy(key) {
    const column = COLUMNS.find((c) => c.key === key);
    this.sort = this.sort.key === key ? { key, descending: !this.sort.descending } : { key, descending: column.numeric }; // numbers: highest first
    this.#render();
  }

  #sorted() {
    const { key, descending } = this.sort;
    if (!key) return this.rows;
    const sign = descending ? -1 : 1;
    const compare = COLUMNS.find((c) => c.key === key).numeric ? (a, b) => a[key] - b[key] : (a, b) => String(a[key]).localeCompare(String(b[key]), undefined, { numeric: true });
    return [...this.rows].sort((a, b) => sign * compare(a, b) || a.index - b.index);
  }

  #render() {
    for (const th of this.headers) {
      th.hidden = th.dataset.key === 'predicted' && !this.multiclass;
      // A multi-class model reports how sure it is of its class, not a binding probability.
      if (th.dataset.key === 'probability') th.firstChild.textContent = t(this.multiclass ? 'tableClassProbability' : 'tableProbability');
      const active = th.dataset.key === this.sort.key;
      if (active) th.setAttribute('aria-sort', this.sort.descending ? 'descending' : 'ascending');
      else th.removeAttribute('aria-sort');
    }
    this.body.replaceChildren(
      ...this.#sorted().map((row) => {
        const percent = Math.max(0, Math.min(100, row.probability * 100));
        return h(
          'tr',
          { dataset: { testid: 'prediction-row' } },
          h('td', { className: 'id' }, String(row.id)),
          h('td', { className: 'numeric' }, String(row.length)),
          ...(this.multiclass ? [h('td', { className: 'class' }, row.predicted)] : []),
          h(
            'td',
            { className: 'numeric probability' },
            h('span', { className: 'bar', 'aria-hidden': 'true' }, h('span', { className: 'bar-fill', style: { width: `${percent}%` } })),
            h('span', { className: 'value' }, row.probability.toFixed(3)),
          ),
        );
      }),
    );
    const hasRows = this.rows.length > 0;
    this.table.hidden = !hasRows;
    this.empty.hidden = hasRows;
    this.exportButton.disabled = !hasRows;
  }
}
