// web/views/text-source.js: a labelled textarea that also takes a file (Open file… or drop). Shared by the
// training-data panel and the predict box. The text the user typed is only ever replaced by a file they chose.
import { h, uid } from './dom.js';
import { t } from '../strings.js';
import { bytesToText } from '../examples.js';
import { fileTooLarge, guardTextarea } from './input-limit.js';

export class TextSource {
  // onText(text, { source: 'typed' | 'file', name }) runs after every edit or opened file.
  constructor(
    container,
    { label, hint, testid, rows = 10, openLabel, dropHint, accept, onText = () => {}, onError = () => {} },
  ) {
    const id = uid(testid);
    this.hint = h('p', { className: 'hint', id: `${id}-hint` }, hint);
    this.textarea = h('textarea', {
      id,
      rows,
      spellcheck: false,
      autocomplete: 'off',
      autocapitalize: 'off',
      wrap: 'off',
      className: 'sequence-text',
      dataset: { testid },
      'aria-describedby': `${id}-hint`,
      oninput: () => onText(this.textarea.value, { source: 'typed' }),
    });
    guardTextarea(this.textarea, onError); // a paste or dropped text over the limit is refused, the box kept
    const fileInput = h('input', {
      type: 'file',
      accept,
      hidden: true,
      onchange: () => {
        if (fileInput.files[0]) this.#readFile(fileInput.files[0], onText, onError);
        fileInput.value = '';
      },
    });
    const openButton = h(
      'button',
      { type: 'button', className: 'secondary', onclick: () => fileInput.click() },
      openLabel,
    );

    this.textarea.addEventListener('dragover', (event) => {
      if (event.dataTransfer?.types.includes('Files')) {
        event.preventDefault();
        this.textarea.classList.add('drop-target');
      }
    });
    this.textarea.addEventListener('dragleave', () => this.textarea.classList.remove('drop-target'));
    this.textarea.addEventListener('drop', (event) => {
      const file = event.dataTransfer?.files?.[0];
      this.textarea.classList.remove('drop-target');
      if (!file) return; // dropped text: the browser inserts it and fires 'input'
      event.preventDefault();
      this.#readFile(file, onText, onError);
    });

    this.label = h('label', { for: id }, label);
    this.element = h(
      'div',
      { className: 'text-source' },
      this.label,
      this.hint,
      this.textarea,
      h('div', { className: 'file-row' }, openButton, fileInput, h('span', { className: 'hint' }, dropHint)),
    );
    container.append(this.element);
  }

  get value() {
    return this.textarea.value;
  }

  // Programmatic replacement (an example, a restored draft); does not call onText.
  setText(text) {
    this.textarea.value = text;
    this.textarea.scrollTop = 0;
  }

  // The box's label and hint, for a panel whose inputs change with the model family.
  setLabel(label, hint) {
    this.label.textContent = label;
    this.hint.textContent = hint;
  }

  set readOnly(flag) {
    this.textarea.readOnly = flag;
  }

  async #readFile(file, onText, onError) {
    const tooLarge = fileTooLarge(file.name, file.size);
    if (tooLarge) return onError(tooLarge); // at once: the file is not read
    try {
      const text = await bytesToText(new Uint8Array(await file.arrayBuffer())); // .gz files too
      const inflatedTooLarge = fileTooLarge(file.name, text.length);
      if (inflatedTooLarge) return onError(inflatedTooLarge);
      this.setText(text);
      onText(text, { source: 'file', name: file.name });
    } catch (err) {
      onError(t('fileReadFailed', { name: file.name, message: err.message }));
    }
  }
}
