// web/views/data-panel.js: the training data for the chosen model family. A select of the family's built-in
// examples plus "Your own data"; each choice keeps its own texts, so switching to an example never loses
// what the user pasted (switch back to get it). The inputs follow the family's data kind (web/families/):
//   table / fasta: one text box;  graph: nodes and edges boxes;  matrix: a matrix file and a cell-labels box.
import { h, uid } from './dom.js';
import { t } from '../strings.js';
import { TextSource } from './text-source.js';
import { MatrixSource } from './matrix-source.js';
import { GenomeSource } from './genome-source.js';
import { ErrorBox } from './error-box.js';
import { tableHeader } from '../table-columns.js';

export const OWN_DATA = 'own';

const TABLE_ACCEPT = '.tsv,.csv,.txt,.tab,.fa,.fasta,.gz,text/plain,text/csv,text/tab-separated-values';

export class DataPanel {
  // examples: [{ key, families, label, credit }]; loadExample(example) -> Promise<{main, second}>;
  // onChange() after any change of the texts.
  constructor(container, { examples, sourcesUrl, loadExample, onChange = () => {} }) {
    this.examples = examples;
    this.loadExample = loadExample;
    this.onChange = onChange;
    this.family = null;
    this.texts = new Map(); // `${family}:${key}` -> {main, second, name}; `${family}:own` holds the user's draft

    const selectId = uid('example');
    this.select = h('select', {
      id: selectId,
      dataset: { testid: 'example-select' },
      onchange: () => this.choose(this.select.value),
    });
    this.credit = h('span', {});
    this.intro = h('p', { className: 'intro' });
    this.summary = h('p', { className: 'summary', 'aria-live': 'polite', dataset: { testid: 'data-summary' } });

    container.append(
      h('h2', {}, t('dataTitle')),
      this.intro,
      h('div', { className: 'field' }, h('label', { for: selectId }, t('dataExampleLabel')), this.select),
    );
    const edited = (part) => (text) => this.#userEdited(part, text);
    this.source = new TextSource(container, {
      label: '',
      hint: '',
      testid: 'training-input',
      rows: 8,
      openLabel: t('dataOpenFile'),
      dropHint: t('dataDropHint'),
      accept: TABLE_ACCEPT,
      onText: edited('main'),
      onError: (message) => this.errors.show(message),
    });
    this.matrix = new MatrixSource(container, {
      label: t('dataText_matrix'),
      hint: t('dataHint_matrix'),
      onText: (text, { name }) => this.#userEdited('main', text, name),
      onError: (message) => this.errors.show(message),
    });
    this.textErrors = new ErrorBox(container, { textarea: this.source.textarea, testid: 'training-error' });
    // Tables of DNA: also built from a genome and peaks (collapsed until opened).
    this.genome = new GenomeSource(container, { onBuilt: (table) => this.setOwnData({ main: table }) });
    // A matrix is not shown in full, so its errors (which name line and column) have no line to jump to.
    this.matrixErrors = new ErrorBox(container, { testid: 'matrix-error' });
    this.second = new TextSource(container, {
      label: '',
      hint: '',
      testid: 'training-input-second',
      rows: 5,
      openLabel: t('dataOpenFile'),
      dropHint: t('dataDropHint'),
      accept: TABLE_ACCEPT,
      onText: edited('second'),
      onError: (message) => this.secondErrors.show(message),
    });
    this.secondErrors = new ErrorBox(container, { textarea: this.second.textarea, testid: 'training-error-second' });
    // Matrix: which column of the cell-labels table colours the latent map.
    const labelId = uid('label-column');
    this.labelColumn = h('select', { id: labelId, dataset: { testid: 'label-column' } });
    this.labelField = h(
      'div',
      { className: 'field', hidden: true },
      h('label', { for: labelId }, t('dataLabelColumn')),
      this.labelColumn,
    );
    container.append(this.labelField);
    container.append(
      this.summary,
      h(
        'p',
        { className: 'credit' },
        t('dataCreditPrefix'),
        ' ',
        this.credit,
        ' ',
        h('a', { href: sourcesUrl, target: '_blank', rel: 'noopener' }, t('dataCreditLink')),
      ),
    );
  }

  // The texts to train on: {main, second}.
  get values() {
    return {
      main: this.kind === 'matrix' ? this.matrix.value : this.source.value,
      second: this.second.value,
      labelColumn: this.labelColumn.value || undefined,
    };
  }

  get text() {
    return this.values.main;
  }

  // The error box of the main input (the text box, or the matrix).
  get errors() {
    return this.kind === 'matrix' ? this.matrixErrors : this.textErrors;
  }

  get textarea() {
    return this.source.textarea;
  }

  get selected() {
    return this.select.value;
  }

  get example() {
    return this.examples.find((ex) => ex.key === this.select.value) ?? null;
  }

  // Switches the inputs to `family` (an entry of FAMILIES) and shows `exampleKey` (or the family's first;
  // OWN_DATA: the user's own, nothing fetched).
  // Within one family the current choice stays: the user's own table survives a change of preset.
  // Resolves once the texts are in place.
  async setFamily(family, exampleKey) {
    const same = this.family?.key === family.key;
    this.family = family;
    this.kind = family.data;
    const examples = this.examples.filter((ex) => ex.families.includes(family.key));
    if (!same) {
      this.select.replaceChildren(
        ...examples.map((ex) => h('option', { value: ex.key }, ex.label)),
        h('option', { value: OWN_DATA }, t('dataExampleOwn')),
      );
      this.intro.textContent = t(`dataIntro_${family.key}`);
      this.#layout();
    }
    if (same && this.select.value === OWN_DATA) return;
    const key =
      exampleKey === OWN_DATA || examples.some((ex) => ex.key === exampleKey)
        ? exampleKey
        : (examples[0]?.key ?? OWN_DATA);
    if (!same || this.select.value !== key) await this.choose(key);
  }

  #layout() {
    const { key, data } = this.family;
    const two = data === 'graph' || data === 'matrix';
    this.source.element.hidden = data === 'matrix';
    this.genome.hidden = data !== 'table';
    this.matrix.hidden = data !== 'matrix';
    this.second.element.hidden = !two;
    this.labelField.hidden = data !== 'matrix';
    this.source.setLabel(t(`dataText_${key}`), t(`dataHint_${key}`));
    if (two) this.second.setLabel(t(`dataSecond_${data}`), t(`dataSecondHint_${data}`));
    this.textErrors.clear();
    this.matrixErrors.clear();
    this.secondErrors.clear();
  }

  async choose(key) {
    this.select.value = key;
    this.errors.clear();
    this.secondErrors.clear();
    this.summary.textContent = '';
    const example = this.examples.find((ex) => ex.key === key);
    this.credit.textContent = example ? example.credit : t('dataCreditOwn');
    const slot = `${this.family.key}:${key}`;
    if (!this.texts.has(slot)) {
      if (!example) {
        this.texts.set(slot, { main: '', second: '', name: '' });
      } else {
        this.#show({ main: '', second: '', name: '' });
        this.source.textarea.placeholder = t('dataLoading');
        try {
          const texts = await this.loadExample(example);
          this.texts.set(slot, { ...texts, name: example.main.split('/').slice(-2).join('/') });
        } catch (err) {
          this.source.textarea.placeholder = '';
          if (this.select.value === key) this.errors.show(t('dataLoadFailed', { message: err.message }));
          return;
        }
        if (this.select.value !== key || `${this.family.key}:${key}` !== slot) return; // the user chose something else meanwhile
      }
    }
    this.source.textarea.placeholder = '';
    this.#show(this.texts.get(slot));
    this.onChange();
  }

  #show({ main, second, name }) {
    if (this.kind === 'matrix') {
      this.matrix.setText(main, name);
      this.source.setText('');
    } else this.source.setText(main);
    this.second.setText(second);
    this.#offerLabelColumns();
  }

  // The label-column choices: the cell-labels table's columns but its first (the cell id); the example's own,
  // else the one chosen before, else 'label', else the second column.
  #offerLabelColumns() {
    if (this.kind !== 'matrix') return;
    const columns = tableHeader(this.second.value).columns.slice(1);
    const wanted =
      [this.labelColumn.value, this.example?.labelColumn, 'label'].find((c) => c && columns.includes(c)) ?? columns[0];
    this.labelColumn.replaceChildren(...columns.map((c) => h('option', { value: c, selected: c === wanted }, c)));
  }

  // The user's own data from elsewhere (a shared link, an embedded playground's data): shown under "Your own
  // data", as if pasted.
  setOwnData({ main = '', second = '' }) {
    this.texts.set(`${this.family.key}:${OWN_DATA}`, { main, second, name: '' });
    this.select.value = OWN_DATA;
    this.errors.clear();
    this.secondErrors.clear();
    this.credit.textContent = t('dataCreditOwn');
    this.#show(this.texts.get(`${this.family.key}:${OWN_DATA}`));
    this.onChange();
  }

  // An edit of an example turns it into the user's own data; the example itself stays pristine.
  #userEdited(part, text, name = '') {
    const own = `${this.family.key}:${OWN_DATA}`;
    if (this.select.value !== OWN_DATA) {
      const current = this.values;
      this.texts.set(own, { main: current.main, second: current.second, name: this.example?.main ?? '' });
      this.select.value = OWN_DATA;
      this.credit.textContent = t('dataCreditOwn');
    }
    const draft = this.texts.get(own) ?? { main: '', second: '', name: '' };
    this.texts.set(own, { ...draft, [part]: text, ...(name ? { name } : {}) });
    if (part === 'main') this.errors.clear();
    else {
      this.secondErrors.clear();
      this.#offerLabelColumns();
    }
    this.onChange();
  }

  // Errors from the engine about the training data; `source` says which input ('second' for edges or labels).
  showErrors(errors, { moreErrors = 0, select = false, source = 'main' } = {}) {
    (source === 'second' ? this.secondErrors : this.errors).show(errors, { moreErrors, select });
  }

  clearErrors() {
    this.textErrors.clear();
    this.matrixErrors.clear();
    this.secondErrors.clear();
  }

  setSummary(text) {
    this.summary.textContent = text;
  }

  // parsed: the engine's parseSequences() result for the current text.
  showParsed(parsed) {
    if (parsed.errors?.length) {
      this.summary.textContent = '';
      this.errors.show(parsed.errors, { moreErrors: parsed.moreErrors });
      return;
    }
    this.errors.clear();
    if (!parsed.count) return void (this.summary.textContent = '');
    if (!parsed.hasLabels) return void (this.summary.textContent = t('dataSummaryUnlabelled', { count: parsed.count }));
    let min = Infinity;
    let max = 0;
    for (const n of parsed.lengths) {
      if (n < min) min = n;
      if (n > max) max = n;
    }
    const lengths = min === max ? t('dataLengthsSame', { length: min }) : t('dataLengthsRange', { min, max });
    this.summary.textContent = t('dataSummary', { count: parsed.count, lengths });
  }
}
