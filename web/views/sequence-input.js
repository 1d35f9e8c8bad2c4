// web/views/sequence-input.js: the predict box (FASTA or one sequence per line, typed, opened or dropped),
// its Predict button and the errors found in it.
import { h } from './dom.js';
import { t } from '../strings.js';
import { TextSource } from './text-source.js';
import { ErrorBox } from './error-box.js';

export class SequenceInput {
  constructor(container, { text = '', onPredict = () => {}, onChange = () => {} }) {
    this.intro = h('p', { className: 'intro' }, t('predictIntro'));
    container.append(h('h2', {}, t('predictTitle')), this.intro);
    this.source = new TextSource(container, {
      label: t('predictInputLabel'),
      hint: t('predictInputHint'),
      testid: 'sequence-input',
      rows: 8,
      openLabel: t('predictOpenFile'),
      dropHint: t('dataDropHint'),
      accept: '.fa,.fasta,.fna,.txt,.tsv,.csv,text/plain',
      onText: (value) => {
        this.errors.clear();
        onChange(value);
      },
      onError: (message) => this.errors.show(message),
    });
    this.source.setText(text);
    this.errors = new ErrorBox(container, { textarea: this.source.textarea, testid: 'error' });
    this.button = h(
      'button',
      {
        type: 'button',
        className: 'primary',
        disabled: true,
        dataset: { testid: 'predict-button' },
        'aria-describedby': 'predict-needs-model',
        onclick: () => onPredict(this.value),
      },
      t('predictButton'),
    );
    this.needsModel = h('span', { className: 'hint', id: 'predict-needs-model' }, t('predictNeedsModel'));
    container.append(h('div', { className: 'button-row' }, this.button, this.needsModel));
  }

  get value() {
    return this.source.value;
  }

  // Only offered text (an example) may replace the box's content, and only before the user typed.
  setText(text) {
    this.source.setText(text);
  }

  // Models of numeric columns (alone or beside the DNA) predict from table rows (rows: true), not sequences.
  setRows(rows) {
    this.intro.textContent = t(rows ? 'predictIntroRows' : 'predictIntro');
    this.source.setLabel(
      t(rows ? 'predictInputLabelRows' : 'predictInputLabel'),
      t(rows ? 'predictInputHintRows' : 'predictInputHint'),
    );
  }

  setEnabled({ hasModel, busy }) {
    this.button.disabled = !hasModel || busy;
    this.needsModel.hidden = hasModel;
  }

  // errors from the engine ({line, column, message}); selects the first bad line in the box.
  showErrors(errors, moreErrors = 0) {
    this.errors.show(errors, { moreErrors, select: true });
  }

  clearErrors() {
    this.errors.clear();
  }
}
