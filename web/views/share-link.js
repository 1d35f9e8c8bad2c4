// web/views/share-link.js: "Copy link": a link to the current setup (data choice, model, settings, language)
// copied to the clipboard and shown in a read-only field, with a note when the user's data is not in it.
import { h, uid } from './dom.js';
import { t } from '../strings.js';
import { formatBytes, MAX_PACKED_DATA } from '../state/url-state.js';

export class ShareLink {
  // link() -> Promise<string>: the URL of the current setup (the page brings its hash up to date first).
  constructor(container, { link }) {
    const fieldId = uid('share-url');
    this.button = h(
      'button',
      {
        type: 'button',
        className: 'secondary',
        title: t('shareLinkHint'),
        dataset: { testid: 'share-link' },
        onclick: () => this.#copy(link),
      },
      t('shareLink'),
    );
    this.message = h('span', { className: 'hint', role: 'status', dataset: { testid: 'share-message' } });
    this.field = h('input', {
      id: fieldId,
      type: 'url',
      readOnly: true,
      className: 'share-url',
      dataset: { testid: 'share-url' },
      onfocus: () => this.field.select(),
    });
    this.fieldRow = h(
      'div',
      { className: 'field share-field', hidden: true },
      h('label', { for: fieldId }, t('shareLinkField')),
      this.field,
    );
    // Whether the user's own data is in the link: said before anyone copies it.
    this.note = h('p', {
      className: 'hint share-note',
      hidden: true,
      'aria-live': 'polite',
      dataset: { testid: 'share-note' },
    });
    this.element = h(
      'div',
      { className: 'share-link' },
      h('div', { className: 'button-row' }, this.button, this.message),
      this.note,
      this.fieldRow,
    );
    container.append(this.element);
  }

  // data: null (an example, or nothing pasted) or { included, bytes } for the user's own table.
  setDataNote(data) {
    if (!data && this.waiting) return this.askForData(); // still waiting for the user's data
    this.waiting = false;
    this.note.hidden = !data;
    if (!data) return;
    this.note.textContent = data.included
      ? t('shareDataIncluded', { size: formatBytes(data.bytes) })
      : t('shareDataTooBig', { size: formatBytes(data.bytes), limit: formatBytes(MAX_PACKED_DATA) });
    this.note.dataset.included = String(data.included);
  }

  // The link this page was opened with held no data (it was too large): ask for it until the user gives some.
  askForData() {
    this.waiting = true;
    this.note.hidden = false;
    this.note.textContent = t('shareDataMissing');
    delete this.note.dataset.included;
  }

  async #copy(link) {
    const url = await link();
    this.field.value = url;
    this.fieldRow.hidden = false;
    try {
      await navigator.clipboard.writeText(url);
      this.message.textContent = t('shareCopied');
    } catch {
      this.message.textContent = t('shareCopyFailed');
      this.field.focus();
    }
  }
}
