// web/views/my-models.js: "My models", every model saved in this browser (web/state/saved-models.js): name
// (edited in place: a rename), date, family, the data it learnt from and its test figures, with Load, Download
// and Delete, and a button that saves the current model to the list. A storage error is shown as it is, in
// words; nothing on the page changes because of it.
import { h } from './dom.js';
import { t } from '../strings.js';
import { metric } from '../families/family.js';

// A model's test figures in one line ('' when it had no test set).
function testLine(test) {
  if (!test || !(test.n > 0)) return t('myModelsNoTest');
  if (Number.isFinite(test.auroc))
    return t('myModelsTestAuroc', { n: test.n, auroc: metric(test.auroc), accuracy: metric(test.accuracy) });
  if (Number.isFinite(test.pearson)) return t('myModelsTestPearson', { n: test.n, pearson: metric(test.pearson) });
  return t('myModelsTestN', { n: test.n });
}

export class MyModels {
  // actions: onSave(), onLoad(record), onDownload(record), onRename(record, name), onDelete(record)
  constructor(container, actions) {
    this.actions = actions;
    this.saveButton = h(
      'button',
      { type: 'button', dataset: { testid: 'save-to-my-models' }, disabled: true, onclick: () => actions.onSave() },
      t('myModelsSave'),
    );
    this.error = h('p', {
      className: 'error-text',
      role: 'alert',
      hidden: true,
      dataset: { testid: 'my-models-error' },
    });
    this.list = h('ul', { className: 'my-models-list' });
    this.empty = h('p', { className: 'hint' }, t('myModelsEmpty'));
    this.element = h(
      'details',
      { className: 'my-models', dataset: { testid: 'my-models' } },
      h('summary', {}, t('myModelsTitle')),
      h('p', { className: 'hint' }, t('myModelsIntro')),
      this.saveButton,
      this.error,
      this.empty,
      this.list,
    );
    container.append(this.element);
  }

  setHasModel(flag) {
    this.saveButton.disabled = !flag;
  }

  // A StoreError (or null: none) in words.
  showError(err) {
    this.error.hidden = !err;
    this.error.textContent = err ? storageErrorText(err) : '';
  }

  // The saved models, newest first.
  show(records) {
    this.empty.hidden = records.length > 0;
    this.list.replaceChildren(...records.map((r) => this.#row(r)));
  }

  #row(record) {
    const { actions } = this;
    const name = h('input', {
      type: 'text',
      value: record.name,
      className: 'my-model-name',
      'aria-label': t('myModelsNameLabel'),
      dataset: { testid: 'my-model-name' },
      onchange: () => name.value.trim() && actions.onRename(record, name.value.trim()),
    });
    const button = (testid, label, onclick) => h('button', { type: 'button', dataset: { testid }, onclick }, label);
    return h(
      'li',
      { className: 'my-model', dataset: { testid: 'my-model', key: record.key } },
      name,
      h(
        'span',
        { className: 'my-model-facts' },
        [
          new Date(record.savedAt).toLocaleString(),
          t(record.familyLabel ?? record.family),
          record.data,
          testLine(record.test),
        ]
          .filter(Boolean)
          .join(' · '),
      ),
      button('my-model-load', t('myModelsLoad'), () => actions.onLoad(record)),
      button('my-model-download', t('myModelsDownload'), () => actions.onDownload(record)),
      button('my-model-delete', t('myModelsDelete'), () => actions.onDelete(record)),
    );
  }
}

// A StoreError (browser-store.js) as the page says it.
export function storageErrorText(err) {
  if (err.kind === 'quota') return t('storageFull');
  if (err.kind === 'unavailable') return t('storageUnavailable');
  return t('storageFailed', { message: err.message });
}
