// web/views/matrix-source.js: an expression matrix (cells × genes) taken from a file, not typed: such files
// run to megabytes, so the text stays in memory and the panel shows its size and first lines. Takes .tsv,
// .csv and their .gz (inflated in the browser).
import { h, uid } from './dom.js';
import { t } from '../strings.js';
import { bytesToText } from '../examples.js';

const MAX_FILE_MB = 200;
const PREVIEW_LINES = 4;
const PREVIEW_CHARS = 160;

// Rows and columns of a table's text without splitting all of it: {rows, columns}.
export function tableShape(text) {
  const firstEnd = text.indexOf('\n');
  const header = (firstEnd < 0 ? text : text.slice(0, firstEnd)).replace(/\r$/, '');
  const columns = header ? header.split(header.includes('\t') ? '\t' : ',').length : 0;
  let rows = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < text.length - 1; i = text.indexOf('\n', i + 1)) rows += 1;
  return { rows, columns };
}

export class MatrixSource {
  // onText(text, { name }) after a file was read; onError(message) when it could not be.
  constructor(container, { label, hint, testid = 'matrix-input', onText = () => {}, onError = () => {} }) {
    const id = uid(testid);
    this.text = '';
    this.summary = h('p', { className: 'summary', id: `${id}-summary`, 'aria-live': 'polite' });
    // It scrolls sideways: focusable (tabIndex 0) so a keyboard can scroll it too.
    this.preview = h('pre', {
      className: 'matrix-preview',
      tabIndex: 0,
      role: 'region',
      'aria-label': t('matrixPreview'),
    });
    const fileInput = h('input', {
      type: 'file',
      accept: '.tsv,.csv,.txt,.gz,text/plain,text/csv,text/tab-separated-values,application/gzip',
      hidden: true,
      onchange: () => {
        if (fileInput.files[0]) this.#readFile(fileInput.files[0], onText, onError);
        fileInput.value = '';
      },
    });
    this.openButton = h(
      'button',
      {
        type: 'button',
        className: 'secondary',
        id,
        'aria-describedby': `${id}-hint ${id}-summary`,
        onclick: () => fileInput.click(),
      },
      t('matrixOpen'),
    );
    this.element = h(
      'div',
      { className: 'matrix-source', dataset: { testid } },
      h('label', { for: id }, label),
      h('p', { className: 'hint', id: `${id}-hint` }, hint),
      h('div', { className: 'file-row' }, this.openButton, fileInput),
      this.summary,
      this.preview,
    );
    this.element.addEventListener(
      'dragover',
      (event) => event.dataTransfer?.types.includes('Files') && event.preventDefault(),
    );
    this.element.addEventListener('drop', (event) => {
      const file = event.dataTransfer?.files?.[0];
      if (!file) return;
      event.preventDefault();
      this.#readFile(file, onText, onError);
    });
    container.append(this.element);
  }

  get value() {
    return this.text;
  }

  set hidden(flag) {
    this.element.hidden = flag;
  }

  // Shows `text` (from `name`) as the current matrix; '' empties it.
  setText(text, name = '') {
    this.text = text;
    if (!text) {
      this.summary.textContent = t('matrixNone');
      this.preview.textContent = '';
      this.element.dataset.rows = '0';
      return;
    }
    const { rows, columns } = tableShape(text);
    this.element.dataset.rows = String(rows);
    this.element.dataset.columns = String(columns);
    this.summary.textContent = t('matrixSummary', {
      name: name || t('matrixUnnamed'),
      rows: rows.toLocaleString('en'),
      genes: Math.max(0, columns - 1).toLocaleString('en'),
    });
    const lines = [];
    let start = 0;
    for (let k = 0; k < PREVIEW_LINES && start < text.length; k++) {
      const end = text.indexOf('\n', start);
      const line = text.slice(start, end < 0 ? text.length : end).replace(/\t/g, '  ');
      lines.push(line.length > PREVIEW_CHARS ? `${line.slice(0, PREVIEW_CHARS)}…` : line);
      if (end < 0) break;
      start = end + 1;
    }
    this.preview.textContent = lines.join('\n');
  }

  async #readFile(file, onText, onError) {
    if (file.size > MAX_FILE_MB * 1024 * 1024) return onError(t('fileTooBig', { name: file.name, limit: MAX_FILE_MB }));
    try {
      const text = await bytesToText(new Uint8Array(await file.arrayBuffer()));
      this.setText(text, file.name);
      onText(text, { name: file.name });
    } catch (err) {
      onError(t('fileReadFailed', { name: file.name, message: err.message }));
    }
  }
}
