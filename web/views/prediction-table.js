// web/views/prediction-table.js: one row per sequence (id, length, binding probability with an inline bar; a
// regression model's predicted number, per head, without a bar).
// For a multi-class model (rows carry `probabilities`) a "Predicted class" column appears and the bar shows
// the probability of that class. For a multi-head model (rows carry `heads`) there is one probability column
// per head (task); a profile head has none (its tracks are a result view). A model without DNA input (numeric columns only) has no length column.
// Column headings are buttons that sort (aria-sort says how); "Export TSV" downloads the rows as shown.
// For a model that can be explained, each sequence's name is a button (click the row, or focus the name and
// press Enter) that calls onExplain(row); the row being explained is marked.
import { h, downloadText } from './dom.js';
import { t } from '../strings.js';

// Ids come from the user's file: tabs/newlines would break the TSV's columns.
const tsvCell = (value) => String(value).replace(/[\t\r\n]+/g, ' ');

// One head's (or a single-output row's) shown value: {probability, predicted?}.
const headValue = (r) =>
  r.probabilities
    ? { predicted: String(r.label ?? r.class), probability: r.probabilities[r.class] }
    : r.value !== undefined
      ? { value: r.value } // a regression head's number
      : { probability: r.probability };

// A row as the table shows it: the predicted class and its probability; per head, `head:<name>` keys.
function shown(row) {
  if (!row.heads) return { ...row, ...headValue(row) };
  const out = { id: row.id, length: row.length };
  for (const [name, value] of Object.entries(row.heads)) {
    if (value.profile) continue; // a profile head's per-base prediction: the Results panel draws it
    const v = headValue(value);
    out[`head:${name}`] = v.probability ?? v.value;
    if (v.predicted !== undefined) out[`class:${name}`] = v.predicted;
  }
  return out;
}

// The columns for these rows: [{key, label, numeric, probability?}].
function columnsFor(rows) {
  const columns = [{ key: 'id', label: t('tableId'), numeric: false }];
  if (rows.some((r) => r.length !== undefined)) columns.push({ key: 'length', label: t('tableLength'), numeric: true });
  const heads = rows.find((r) => r.heads)?.heads;
  if (heads) {
    for (const [name, value] of Object.entries(heads)) {
      if (value.profile) continue;
      const number = value.value !== undefined; // a regression head: its predicted number, no bar
      columns.push({
        key: `head:${name}`,
        label: t(number ? 'tableHeadValue' : 'tableHeadProbability', { head: name }),
        numeric: true,
        probability: !number,
        value: number,
        head: name,
      });
    }
  } else if (rows.some((r) => r.value !== undefined)) {
    columns.push({ key: 'value', label: t('tableValue'), numeric: true, value: true });
  } else if (rows.some((r) => r.probabilities)) {
    columns.push({ key: 'predicted', label: t('tableClass'), numeric: false });
    columns.push({ key: 'probability', label: t('tableClassProbability'), numeric: true, probability: true });
  } else {
    columns.push({ key: 'probability', label: t('tableProbability'), numeric: true, probability: true });
  }
  return columns;
}

export function toTsv(rows, columns) {
  const name = (c) => (c.head ? c.head : c.key === 'predicted' ? 'class' : c.key);
  const cell = (r, c) => (c.probability || c.value ? Number(r[c.key]).toFixed(4) : tsvCell(r[c.key] ?? ''));
  return (
    [columns.map(name).join('\t'), ...rows.map((r) => columns.map((c) => cell(r, c)).join('\t'))].join('\n') + '\n'
  );
}

export class PredictionTable {
  // onExplain({id, index, ...}): a row was chosen to be explained (index: its place in the pasted input).
  constructor(container, { onExplain = null } = {}) {
    this.onExplain = onExplain;
    this.explainable = false;
    this.chosen = null; // the index of the row being explained
    this.rows = [];
    this.columns = columnsFor([]);
    this.sort = { key: null, descending: false };
    this.headRow = h('tr');
    this.body = h('tbody');
    this.explainHint = h('span', { className: 'hint', hidden: true }, ' ', t('tableExplainHint'));
    this.table = h(
      'table',
      { className: 'predictions', hidden: true, dataset: { testid: 'prediction-table' } },
      h('caption', {}, t('tableCaption'), h('span', { className: 'hint' }, ' ', t('tableSortHint')), this.explainHint),
      h('thead', {}, this.headRow),
      this.body,
    );
    this.exportButton = h(
      'button',
      {
        type: 'button',
        className: 'secondary',
        disabled: true,
        dataset: { testid: 'export-button' },
        onclick: () =>
          downloadText(toTsv(this.#sorted(), this.columns), 'helix-predictions.tsv', 'text/tab-separated-values'),
      },
      t('tableExport'),
    );
    this.empty = h('p', { className: 'hint' }, t('tableEmpty'));
    this.element = h(
      'div',
      { className: 'prediction-table' },
      this.empty,
      h('div', { className: 'table-scroll' }, this.table),
      h('div', { className: 'button-row' }, this.exportButton),
    );
    container.append(this.element);
  }

  // rows: the engine's predictions ([{ id, length, probability }], [{ id, length, class, label, probabilities }]
  // or [{ id, length?, heads: {name: {...}} }]) in input order.
  show(rows) {
    this.columns = columnsFor(rows);
    if (!this.columns.some((c) => c.key === this.sort.key)) this.sort = { key: null, descending: false };
    this.rows = rows.map((row, index) => ({ ...shown(row), index }));
    this.#render();
  }

  clear() {
    this.chosen = null;
    this.show([]);
  }

  // Whether rows offer "explain" (models with a DNA input, once the engine can explain them).
  setExplainable(flag) {
    const explainable = Boolean(flag && this.onExplain);
    if (explainable === this.explainable) return; // re-rendering would drop the keyboard focus
    this.explainable = explainable;
    this.#render();
  }

  // Marks the row being explained (null: none).
  setChosen(index) {
    this.chosen = index;
    for (const tr of this.body.rows) tr.classList.toggle('chosen', Number(tr.dataset.index) === index);
    for (const button of this.body.querySelectorAll('button.explain-row'))
      button.setAttribute('aria-pressed', String(Number(button.closest('tr').dataset.index) === index));
  }

  #sortBy(key) {
    const column = this.columns.find((c) => c.key === key);
    this.sort =
      this.sort.key === key ? { key, descending: !this.sort.descending } : { key, descending: column.numeric }; // numbers: highest first
    this.#render();
  }

  #sorted() {
    const { key, descending } = this.sort;
    if (!key) return this.rows;
    const sign = descending ? -1 : 1;
    const compare = this.columns.find((c) => c.key === key).numeric
      ? (a, b) => a[key] - b[key]
      : (a, b) => String(a[key]).localeCompare(String(b[key]), undefined, { numeric: true });
    return [...this.rows].sort((a, b) => sign * compare(a, b) || a.index - b.index);
  }

  #cell(row, column) {
    if (column.key === 'id' && this.explainable) {
      return h(
        'td',
        { className: 'id' },
        h(
          'button',
          {
            type: 'button',
            className: 'link explain-row',
            dataset: { testid: 'explain-row' },
            'aria-pressed': String(row.index === this.chosen),
            'aria-label': t('tableExplainRow', { id: String(row.id) }),
          },
          String(row.id),
        ),
      );
    }
    if (column.key === 'id') return h('td', { className: 'id' }, String(row.id));
    if (column.key === 'predicted') return h('td', { className: 'class' }, row.predicted);
    if (column.value) return h('td', { className: 'numeric' }, Number(row[column.key]).toFixed(3));
    if (!column.probability) return h('td', { className: 'numeric' }, String(row[column.key] ?? ''));
    const p = row[column.key];
    const percent = Math.max(0, Math.min(100, p * 100));
    const label = column.head && row[`class:${column.head}`] !== undefined ? `${row[`class:${column.head}`]} ` : '';
    return h(
      'td',
      { className: 'numeric probability', dataset: column.head ? { head: column.head } : {} },
      h(
        'span',
        { className: 'cell-bar' },
        h(
          'span',
          { className: 'bar', 'aria-hidden': 'true' },
          h('span', { className: 'bar-fill', style: { width: `${percent}%` } }),
        ),
        h('span', { className: 'value' }, `${label}${p.toFixed(3)}`),
      ),
    );
  }

  #render() {
    this.headRow.replaceChildren(
      ...this.columns.map((column) => {
        const th = h(
          'th',
          { scope: 'col', className: column.numeric ? 'numeric' : '', dataset: { key: column.key } },
          h('button', { type: 'button', className: 'sort', onclick: () => this.#sortBy(column.key) }, column.label),
        );
        if (column.key === this.sort.key)
          th.setAttribute('aria-sort', this.sort.descending ? 'descending' : 'ascending');
        return th;
      }),
    );
    const explain = (row) => (this.explainable ? () => this.onExplain(row) : null);
    this.body.replaceChildren(
      ...this.#sorted().map((row) =>
        h(
          'tr',
          {
            className: this.explainable ? `explainable${row.index === this.chosen ? ' chosen' : ''}` : '',
            dataset: { testid: 'prediction-row', index: String(row.index) },
            onclick: explain(row),
          },
          this.columns.map((c) => this.#cell(row, c)),
        ),
      ),
    );
    const hasRows = this.rows.length > 0;
    this.explainHint.hidden = !this.explainable;
    this.table.hidden = !hasRows;
    this.empty.hidden = hasRows;
    this.exportButton.disabled = !hasRows;
  }
}
