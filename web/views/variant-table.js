// web/views/variant-table.js: variant effects. The user pastes variants (a TSV: `id sequence position ref alt`
// with 1-based positions, or `id ref_sequence alt_sequence`), presses Score, and gets one row per variant:
// the model's score of each allele, the difference (alt − ref, probabilities) with a bar left (down) or right
// (up) of the centre, and the log odds ratio; the engine sorts them by |difference|. Errors name their line,
// which is selected in the box; the text is never changed.
import { h, uid, downloadText } from './dom.js';
import { t } from '../strings.js';
import { ErrorBox } from './error-box.js';
import { guardTextarea } from './input-limit.js';
import { changeColor } from './ism-map.js';

const tsvCell = (value) => String(value ?? '').replace(/[\t\r\n]+/g, ' ');
const fixed = (v, digits = 3) => (Number.isFinite(v) ? v.toFixed(digits) : '–');

export function variantsTsv(variants) {
  const columns = ['id', 'position', 'ref', 'alt', 'refScore', 'altScore', 'difference', 'logOddsRatio'];
  return (
    [
      ['id', 'position', 'ref', 'alt', 'ref_score', 'alt_score', 'difference', 'log_odds_ratio'].join('\t'),
      ...variants.map((v) => columns.map((c) => tsvCell(v[c])).join('\t')),
    ].join('\n') + '\n'
  );
}

export class VariantTable {
  // onScore(text): app.js runs the engine; onExample(): fills the box with the shipped example.
  constructor(container, { onScore = () => {}, onExample = () => {} } = {}) {
    const id = uid('variant-input');
    this.textarea = h('textarea', {
      id,
      rows: 6,
      spellcheck: false,
      autocomplete: 'off',
      wrap: 'off',
      className: 'sequence-text',
      placeholder: t('variantsPlaceholder'),
      dataset: { testid: 'variant-input' },
      'aria-describedby': `${id}-hint`,
      oninput: () => this.errors.clear(),
    });
    this.button = h(
      'button',
      {
        type: 'button',
        className: 'primary',
        disabled: true,
        dataset: { testid: 'variants-button' },
        onclick: () => onScore(this.textarea.value),
      },
      t('variantsButton'),
    );
    this.exampleButton = h(
      'button',
      { type: 'button', className: 'secondary', onclick: () => onExample() },
      t('variantsExample'),
    );
    this.busy = h('progress', { hidden: true, 'aria-label': t('variantsBusy') });
    this.status = h('p', { className: 'explain-status', role: 'status', 'aria-live': 'polite' });
    this.body = h('tbody');
    this.caption = h('caption', {}, t('variantsCaption'));
    this.table = h(
      'table',
      { className: 'variants', hidden: true, dataset: { testid: 'variant-table' } },
      this.caption,
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          [
            'variantsId',
            'variantsPosition',
            'variantsChange',
            'variantsRefScore',
            'variantsAltScore',
            'variantsDifference',
            'variantsLogOdds',
          ].map((key, i) => h('th', { scope: 'col', className: i >= 3 ? 'numeric' : '' }, t(key))),
        ),
      ),
      this.body,
    );
    this.exportButton = h(
      'button',
      {
        type: 'button',
        className: 'secondary',
        hidden: true,
        dataset: { testid: 'variants-export' },
        onclick: () => downloadText(variantsTsv(this.variants), 'helix-variants.tsv', 'text/tab-separated-values'),
      },
      t('variantsExport'),
    );
    this.element = h(
      'div',
      { className: 'variants-panel' },
      h('h3', {}, t('variantsTitle')),
      h('p', { className: 'hint' }, t('variantsIntro')),
      h('label', { for: id }, t('variantsLabel')),
      h('p', { className: 'hint', id: `${id}-hint` }, t('variantsHint')),
      this.textarea,
    );
    this.errors = new ErrorBox(this.element, { textarea: this.textarea, testid: 'variant-error' });
    guardTextarea(this.textarea, (message) => this.errors.show(message));
    this.element.append(
      h('div', { className: 'button-row' }, this.button, this.exampleButton),
      this.status,
      this.busy,
      h('div', { className: 'table-scroll' }, this.table),
      h('div', { className: 'button-row' }, this.exportButton),
    );
    container.append(this.element);
    this.variants = [];
  }

  get value() {
    return this.textarea.value;
  }

  // The example is only offered into an empty box: typed text is never replaced.
  offerText(text) {
    if (!this.textarea.value.trim()) this.textarea.value = text;
  }

  setEnabled(flag) {
    this.button.disabled = !flag || !this.busy.hidden;
  }

  start() {
    this.errors.clear();
    this.busy.hidden = false;
    this.button.disabled = true;
    this.status.textContent = t('variantsRunning');
  }

  // result: the engine's variants() answer ({head, variants}, sorted by |difference|).
  show(result) {
    this.#done();
    this.variants = result.variants ?? [];
    const largest = Math.max(...this.variants.map((v) => Math.abs(v.difference)), 0);
    this.body.replaceChildren(...this.variants.map((v) => this.#row(v, largest)));
    this.caption.textContent = result.head ? t('variantsCaptionHead', { head: result.head }) : t('variantsCaption');
    this.table.hidden = this.variants.length === 0;
    this.exportButton.hidden = this.variants.length === 0;
    this.status.textContent = t('variantsScored', { count: this.variants.length });
  }

  // Engine errors ({line, column, message}): listed, the first bad line selected; earlier rows are removed.
  showError(err) {
    this.#done();
    this.clearRows();
    this.status.textContent = t('variantsFailed');
    this.errors.show(err.errors?.length ? err.errors : err.message, { moreErrors: err.moreErrors ?? 0, select: true });
  }

  clearRows() {
    this.variants = [];
    this.body.replaceChildren();
    this.table.hidden = true;
    this.exportButton.hidden = true;
  }

  #done() {
    this.busy.hidden = true;
    this.button.disabled = false;
  }

  #row(v, largest) {
    const share = largest > 0 ? Math.abs(v.difference) / largest : 0;
    const bar = h(
      'span',
      { className: 'diff-bar', 'aria-hidden': 'true' },
      h('span', {
        className: 'diff-fill',
        style: {
          width: `${(share * 50).toFixed(1)}%`,
          [v.difference < 0 ? 'right' : 'left']: '50%',
          background: changeColor(Math.sign(v.difference) * 0.8, 1),
        },
      }),
    );
    const change = v.ref !== undefined ? `${v.ref}→${v.alt}` : t('variantsPair');
    return h(
      'tr',
      { dataset: { testid: 'variant-row', line: String(v.line ?? '') } },
      h('td', { className: 'id' }, String(v.id)),
      h('td', {}, v.position !== undefined ? String(v.position) : '–'),
      h('td', { className: 'change' }, change),
      h('td', { className: 'numeric' }, fixed(v.refScore)),
      h('td', { className: 'numeric' }, fixed(v.altScore)),
      h(
        'td',
        { className: 'numeric difference' },
        h(
          'span',
          { className: 'cell-bar' },
          bar,
          h('span', { className: 'value' }, `${v.difference > 0 ? '+' : ''}${fixed(v.difference)}`),
        ),
      ),
      h('td', { className: 'numeric' }, `${v.logOddsRatio > 0 ? '+' : ''}${fixed(v.logOddsRatio)}`),
    );
  }
}
