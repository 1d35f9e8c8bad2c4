// web/views/transfer-steps.js: transfer learning in two steps. Step 1: pretrain a motif model on the large
// related set (or load a saved model file). Step 2: fine-tune the transfer network on the small set (the
// training data panel, Train button) starting from the pretrained layers, with the chosen layers frozen.
// Every fine-tuning run is listed with how it started, what was frozen and its AUROC on the held-out test set,
// so starting from pretrained weights can be compared with starting from scratch.
import { h, uid } from './dom.js';
import { t } from '../strings.js';

const fmt = (v) => (Number.isFinite(v) ? v.toFixed(3) : '–');

// Layer names of a saved model file's spec ([] when it is not one).
export function fileLayers(fileText) {
  try {
    return (JSON.parse(fileText).spec?.layers ?? []).map((l) => l.name);
  } catch {
    return [];
  }
}

export class TransferSteps {
  // onPretrain(epochs): run step 1; onLoad(text, name): a saved model chosen as the pretrained one.
  constructor(container, { onPretrain = () => {}, onLoad = () => {} } = {}) {
    this.pretrained = null; // { file, source: 'trained' | 'file', name, layers, auroc, records }
    const epochsId = uid('pretrain-epochs');
    this.epochs = h('input', {
      id: epochsId,
      type: 'number',
      min: 1,
      max: 200,
      step: 1,
      value: 5,
      dataset: { testid: 'pretrain-epochs' },
    });
    this.pretrainButton = h(
      'button',
      {
        type: 'button',
        className: 'primary',
        dataset: { testid: 'pretrain-button' },
        onclick: () => onPretrain(this.pretrainEpochs()),
      },
      t('transferPretrain'),
    );
    const fileInput = h('input', {
      type: 'file',
      accept: '.json,application/json,text/plain',
      hidden: true,
      onchange: async () => {
        const file = fileInput.files[0];
        fileInput.value = '';
        if (file) onLoad(await file.text(), file.name);
      },
    });
    this.loadButton = h(
      'button',
      { type: 'button', className: 'secondary', onclick: () => fileInput.click() },
      t('transferLoad'),
    );
    this.status = h(
      'p',
      { className: 'summary', dataset: { testid: 'pretrain-status' }, 'aria-live': 'polite' },
      t('transferNone'),
    );
    this.usePretrained = h('input', {
      type: 'checkbox',
      id: uid('use-pretrained'),
      checked: true,
      disabled: true,
      dataset: { testid: 'use-pretrained' },
    });
    this.freezeList = h('div', { className: 'checkbox-list' });
    this.freezeBoxes = new Map();
    this.resultsBody = h('tbody');
    this.results = h(
      'table',
      { className: 'metrics', hidden: true, dataset: { testid: 'transfer-results' } },
      h('caption', {}, t('transferResultsCaption')),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          [t('transferRun'), t('transferStart'), t('transferFrozen'), t('transferTestAuroc')].map((label, i) =>
            h('th', { scope: 'col', className: i === 3 ? 'numeric' : '' }, label),
          ),
        ),
      ),
      this.resultsBody,
    );
    this.element = h(
      'div',
      { className: 'transfer-steps', dataset: { testid: 'transfer-steps' } },
      h('h3', {}, t('transferTitle')),
      h(
        'ol',
        { className: 'steps' },
        h(
          'li',
          {},
          h('strong', {}, t('transferStep1')),
          ' ',
          h('span', { className: 'hint' }, t('transferStep1Hint')),
          h(
            'div',
            { className: 'field inline' },
            h('label', { for: epochsId }, t('transferPretrainEpochs')),
            this.epochs,
          ),
          h('div', { className: 'button-row' }, this.pretrainButton, this.loadButton, fileInput),
          this.status,
        ),
        h(
          'li',
          {},
          h('strong', {}, t('transferStep2')),
          ' ',
          h('span', { className: 'hint' }, t('transferStep2Hint')),
          h(
            'div',
            { className: 'check' },
            this.usePretrained,
            h('label', { for: this.usePretrained.id }, t('transferUse')),
          ),
          h('p', { className: 'hint' }, t('transferFreezeHint')),
          this.freezeList,
        ),
      ),
      h('div', { className: 'table-scroll' }, this.results),
    );
    container.append(this.element);
  }

  pretrainEpochs() {
    const v = Math.round(Number(this.epochs.value));
    return Number.isFinite(v) && v >= 1 ? Math.min(v, 200) : 5;
  }

  setBusy(flag) {
    this.pretrainButton.disabled = flag;
    this.loadButton.disabled = flag;
  }

  // spec: the transfer model's spec; the layers that can take pretrained weights get a "freeze" box (checked
  // for those the spec freezes). Layers the pretrained model has decide which are offered, once there is one.
  setSpec(spec) {
    this.spec = spec;
    this.#renderFreeze();
  }

  // The pretrained model: {file, source, name, auroc, records}.
  setPretrained(pretrained) {
    this.pretrained = { ...pretrained, layers: fileLayers(pretrained.file) };
    this.usePretrained.disabled = false;
    this.usePretrained.checked = true;
    this.status.textContent =
      pretrained.source === 'file'
        ? t('transferLoaded', { name: pretrained.name, layers: this.pretrained.layers.join(', ') })
        : t('transferTrained', { records: pretrained.records ?? '?', auroc: fmt(pretrained.auroc) });
    this.element.dataset.pretrained = 'true';
    this.#renderFreeze();
  }

  // What Train should do: {initFrom, transferLayers, freeze, unfreeze}; initFrom is null from scratch.
  options() {
    const shared = this.#transferable();
    const use = Boolean(this.pretrained) && this.usePretrained.checked;
    const freeze = [...this.freezeBoxes].filter(([, box]) => box.checked).map(([name]) => name);
    const unfreeze = [...this.freezeBoxes].filter(([, box]) => !box.checked).map(([name]) => name);
    return { initFrom: use ? this.pretrained.file : null, transferLayers: use ? shared : null, freeze, unfreeze };
  }

  // A finished fine-tuning run: options() as used and the test scores.
  addResult(options, test) {
    const n = this.resultsBody.children.length + 1;
    const start = options.initFrom
      ? t('transferFromPretrained', { layers: (options.transferLayers ?? []).join(', ') })
      : t('transferFromScratch');
    this.resultsBody.append(
      h(
        'tr',
        { dataset: { testid: 'transfer-row', start: options.initFrom ? 'pretrained' : 'scratch' } },
        h('th', { scope: 'row' }, String(n)),
        h('td', {}, start),
        h('td', {}, options.freeze.length ? options.freeze.join(', ') : t('transferNothingFrozen')),
        h(
          'td',
          { className: 'numeric', dataset: { auroc: Number.isFinite(test?.auroc) ? test.auroc.toFixed(4) : '' } },
          fmt(test?.auroc),
        ),
      ),
    );
    this.results.hidden = false;
  }

  // The layers that take pretrained weights: those the spec freezes (they are waiting for them) and, when the
  // spec freezes none, its convolutions; once there is a pretrained model, only those it has (by name).
  #transferable() {
    const layers = this.spec?.layers ?? [];
    const frozen = layers.filter((l) => l.trainable === false);
    const candidates = frozen.length ? frozen : layers.filter((l) => l.type === 'conv1d');
    const names = candidates.map((l) => l.name);
    return this.pretrained ? names.filter((name) => this.pretrained.layers.includes(name)) : names;
  }

  #renderFreeze() {
    const names = this.#transferable();
    const frozenBySpec = new Set((this.spec?.layers ?? []).filter((l) => l.trainable === false).map((l) => l.name));
    const previous = new Map([...this.freezeBoxes].map(([name, box]) => [name, box.checked]));
    this.freezeBoxes = new Map();
    this.freezeList.replaceChildren(
      ...names.map((name) => {
        const box = h('input', {
          type: 'checkbox',
          id: uid(`freeze-${name}`),
          checked: previous.get(name) ?? frozenBySpec.has(name),
          dataset: { testid: `freeze-${name}` },
        });
        this.freezeBoxes.set(name, box);
        return h('div', { className: 'check' }, box, h('label', { for: box.id }, t('transferFreeze', { layer: name })));
      }),
    );
  }
}
