// web/views/data-panel.js: the training data. A select of built-in examples plus "Your own data"; each choice
// keeps its own text, so switching to an example never loses what the user pasted (switch back to get it).
import { h, uid } from './dom.js';
import { t } from '../strings.js';
import { TextSource } from './text-source.js';
import { ErrorBox } from './error-box.js';

export const OWN_DATA = 'own';

export class DataPanel {
  // examples: [{ key, label, credit }]; loadExample(key) -> Promise<string>; onChange(text) after any change.
  constructor(container, { examples, sourcesUrl, selected, loadExample, onChange = () => {} }) {
    this.examples = examples;
    this.loadExample = loadExample;
    this.onChange = onChange;
    this.texts = new Map(); // key -> text; OWN_DATA holds the user's draft
    this.texts.set(OWN_DATA, '');

    const selectId = uid('example');
    this.select = h(
      'select',
      { id: selectId, dataset: { testid: 'example-select' }, onchange: () => this.choose(this.select.value) },
      examples.map((ex) => h('option', { value: ex.key }, ex.label)),
      h('option', { value: OWN_DATA }, t('dataExampleOwn')),
    );
    this.credit = h('span', {});
    this.summary = h('p', { className: 'summary', 'aria-live': 'polite' });

    container.append(
      h('h2', {}, t('dataTitle')),
      h('p', { className: 'intro' }, t('dataIntro')),
      h('div', { className: 'field' }, h('label', { for: selectId }, t('dataExampleLabel')), this.select),
    );
    this.source = new TextSource(container, {
      label: t('dataTextLabel'),
      hint: t('dataTextHint'),
      testid: 'training-input',
      rows: 8,
      openLabel: t('dataOpenFile'),
      dropHint: t('dataDropHint'),
      accept: '.tsv,.csv,.txt,.tab,text/plain,text/csv,text/tab-separated-values',
      onText: (text) => this.#userEdited(text),
      onError: (message) => this.errors.show(message),
    });
    this.errors = new ErrorBox(container, { textarea: this.source.textarea, testid: 'training-error' });
    container.append(
      this.summary,
      h('p', { className: 'credit' }, t('dataCreditPrefix'), ' ', this.credit, ' ', h('a', { href: sourcesUrl, target: '_blank', rel: 'noopener' }, t('dataCreditLink'))),
    );
    this.choose(selected ?? examples[0]?.key ?? OWN_DATA);
  }

  get text() {
    return this.source.value;
  }

  get textarea() {
    return this.source.textarea;
  }

  get selected() {
    return this.select.value;
  }

  async choose(key) {
    this.select.value = key;
    this.errors.clear();
    this.summary.textContent = '';
    const example = this.examples.find((ex) => ex.key === key);
    this.credit.textContent = example ? example.credit : t('dataCreditOwn');
    if (!this.texts.has(key)) {
      this.source.setText('');
      this.source.textarea.placeholder = t('dataLoading');
      try {
        this.texts.set(key, await this.loadExample(key));
      } catch (err) {
        this.source.textarea.placeholder = '';
        if (this.select.value === key) this.errors.show(t('dataLoadFailed', { message: err.message }));
        return;
      }
      if (this.select.value !== key) return; // the user chose something else meanwhile
    }
    this.source.textarea.placeholder = '';
    this.source.setText(this.texts.get(key));
    this.onChange(this.text);
  }

  // An edit of an example turns it into the user's own data; the example itself stays pristine.
  #userEdited(text) {
    this.texts.set(OWN_DATA, text);
    if (this.select.value !== OWN_DATA) {
      this.select.value = OWN_DATA;
      this.credit.textContent = t('dataCreditOwn');
    }
    this.onChange(text);
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
