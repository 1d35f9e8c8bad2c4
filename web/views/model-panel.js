// web/views/model-panel.js: the network preset, training settings and (in a <details>) the editable JSON spec.
// Edits of a preset's spec are kept per preset, so switching presets and back loses nothing.
import { h, uid } from './dom.js';
import { t, presetDescription, onLanguageChange } from '../strings.js';
import { ErrorBox } from './error-box.js';
import { jsonFieldPlace } from './json-field-line.js';
import { TRAINING_FIELDS, fieldAccepts } from '../state/fields.js';

// A preset's own training defaults: spec.training (snake_case, as in js/presets.js) and the
// optimizer's learning rate.
function specTraining(spec) {
  const training = spec?.training ?? {};
  return {
    epochs: training.epochs,
    batchSize: training.batch_size ?? training.batchSize,
    learningRate: spec?.optimizer?.learning_rate ?? training.learning_rate ?? training.learningRate,
    seed: training.seed,
  };
}

// V8's JSON.parse messages end with "(line 3 column 5)" or "at position 41".
function jsonErrorLocation(message, text) {
  const lc = /line (\d+) column (\d+)/.exec(message);
  if (lc) return { line: Number(lc[1]), column: Number(lc[2]) };
  const pos = /position (\d+)/.exec(message);
  if (!pos) return {};
  const before = text.slice(0, Number(pos[1]));
  const line = before.split('\n').length;
  return { line, column: before.length - before.lastIndexOf('\n') };
}

export class ModelPanel {
  // presets: { key: spec }; groups: [{ label, keys }] for the picker's sections (default: one list);
  // onSave() / onLoad(text, filename) for the model file buttons; onPresetChange(key) when another is chosen.
  constructor(
    container,
    {
      presets,
      groups,
      selected,
      onSave = () => {},
      onLoad = () => {},
      onSpecChange = () => {},
      onPresetChange = () => {},
    },
  ) {
    this.presets = presets;
    this.onSpecChange = onSpecChange; // called (debounced) when the preset or the spec text changes
    this.onPresetChange = onPresetChange;
    this.edits = new Map(); // preset key -> edited spec text

    const presetId = uid('preset');
    this.presetSelect = h(
      'select',
      {
        id: presetId,
        dataset: { testid: 'preset-select' },
        onchange: () => this.#choosePreset(this.presetSelect.value),
      },
      (groups ?? [{ label: null, keys: Object.keys(presets) }]).map(({ label, keys }) => {
        const options = keys.map((key) => h('option', { value: key }, presets[key].name ?? key));
        return label ? h('optgroup', { label }, options) : options;
      }),
    );
    this.description = h('p', { className: 'hint', id: `${presetId}-description` });
    // What the built model takes (lengths, padding or cropping) and its size, from the engine.
    this.shape = h('p', { className: 'hint', dataset: { testid: 'model-summary' }, 'aria-live': 'polite' });
    this.presetSelect.setAttribute('aria-describedby', this.description.id);

    this.inputs = {};
    this.fieldRows = {};
    const fields = TRAINING_FIELDS.map((field) => {
      const id = uid(field.key);
      const input = h('input', {
        id,
        type: 'number',
        inputMode: field.integer ? 'numeric' : 'decimal',
        min: field.min,
        max: field.max,
        step: field.step,
        required: true,
        dataset: { testid: field.testid },
        'aria-describedby': `${id}-hint`,
      });
      this.inputs[field.key] = input;
      this.fieldRows[field.key] = h(
        'div',
        { className: 'field' },
        h('label', { for: id }, t(field.label)),
        input,
        h('span', { className: 'hint', id: `${id}-hint` }, t(field.hint)),
      );
      return this.fieldRows[field.key];
    });

    const specId = uid('spec');
    this.specText = h('textarea', {
      id: specId,
      rows: 14,
      spellcheck: false,
      className: 'code',
      dataset: { testid: 'spec-input' },
      'aria-describedby': `${specId}-hint`,
      oninput: () => {
        this.edits.set(this.presetSelect.value, this.specText.value);
        this.#specChanged();
      },
    });
    const resetButton = h(
      'button',
      { type: 'button', className: 'secondary', onclick: () => this.#resetSpec() },
      t('modelSpecReset'),
    );

    const loadInput = h('input', {
      type: 'file',
      accept: '.json,.helix,application/json,text/plain',
      hidden: true,
      onchange: async () => {
        const file = loadInput.files[0];
        loadInput.value = '';
        if (file) onLoad(await file.text(), file.name);
      },
    });
    this.saveButton = h(
      'button',
      { type: 'button', className: 'secondary', disabled: true, onclick: () => onSave() },
      t('modelSave'),
    );

    container.append(
      h('h2', {}, t('modelTitle')),
      (this.intro = h('p', { className: 'intro' }, t('modelIntro'))),
      h('div', { className: 'field' }, h('label', { for: presetId }, t('modelPresetLabel')), this.presetSelect),
      this.shape,
      this.description,
      h('div', { className: 'field-grid' }, fields),
      h(
        'details',
        { className: 'advanced' },
        h('summary', {}, t('modelAdvanced')),
        h('label', { for: specId }, t('modelSpecLabel')),
        h('p', { className: 'hint', id: `${specId}-hint` }, t('modelSpecHint')),
        this.specText,
        h('div', { className: 'button-row' }, resetButton),
      ),
    );
    this.errors = new ErrorBox(container, { textarea: this.specText, testid: 'model-error' });
    container.append(
      h(
        'div',
        { className: 'button-row' },
        this.saveButton,
        h('button', { type: 'button', className: 'secondary', onclick: () => loadInput.click() }, t('modelLoad')),
        loadInput,
      ),
    );

    this.presetSelect.value = selected in presets ? selected : Object.keys(presets)[0];
    this.#showPreset(this.presetSelect.value, true);
    this.stopLanguage = onLanguageChange(() => this.#describePreset(this.presetSelect.value));
  }

  // Stops following the language and drops a pending spec check (the playground is going: either would keep
  // it alive).
  destroy() {
    this.stopLanguage();
    clearTimeout(this.specTimer);
  }

  // The training settings as they stand in the inputs (numbers, unchecked; NaN where empty): for the link.
  settings() {
    return Object.fromEntries(
      TRAINING_FIELDS.filter(
        (f) => this.inputs[f.key].dataset.ignored !== 'true' && this.inputs[f.key].value.trim() !== '',
      ).map((f) => [f.key, Number(this.inputs[f.key].value)]),
    );
  }

  // Sets the settings given ({ epochs, learningRate, batchSize, seed }; others stay).
  setSettings(values) {
    for (const field of TRAINING_FIELDS)
      if (values[field.key] !== undefined) this.inputs[field.key].value = values[field.key];
  }

  // The spec text when the user has edited the current preset's, else null.
  editedSpec() {
    const key = this.presetSelect.value;
    return this.edits.has(key) && this.specText.value !== this.#presetText(key) ? this.specText.value : null;
  }

  // An edited spec for the current preset (from a link), kept as if the user had typed it.
  setSpecText(text) {
    this.edits.set(this.presetSelect.value, text);
    this.specText.value = text;
    this.specText.closest('details').open = true;
    this.#specChanged();
  }

  // The engine's description of the current spec (a sentence), or '' while none is known.
  setSummary(text) {
    this.shape.textContent = text;
  }

  // The spec to build: the preset's name when unedited, the parsed JSON, or null when it is not JSON.
  currentSpec() {
    const key = this.presetSelect.value;
    const text = this.specText.value;
    if (!this.edits.has(key) || text === this.#presetText(key)) return key;
    try {
      return JSON.parse(text);
    } catch {
      return null;
    }
  }

  #specChanged() {
    clearTimeout(this.specTimer);
    this.specTimer = setTimeout(() => this.onSpecChange(this.currentSpec()), 300);
  }

  // The family of the chosen preset (web/families/): the panel's one-sentence explanation and the settings it uses.
  setFamily(family) {
    this.intro.textContent = t(`modelIntro_${family.key}`);
    this.showFields(family.fields);
  }

  get preset() {
    return this.presetSelect.value;
  }

  // Shows only the settings that apply (a graph model trains on the whole graph at once: no batch size).
  showFields(keys) {
    for (const field of TRAINING_FIELDS) {
      this.fieldRows[field.key].hidden = !keys.includes(field.key);
      this.inputs[field.key].dataset.ignored = String(!keys.includes(field.key));
    }
  }

  // Another preset, chosen here or by the page.
  selectPreset(key) {
    if (!(key in this.presets) || key === this.presetSelect.value) return;
    this.presetSelect.value = key;
    this.#choosePreset(key);
  }

  #choosePreset(key) {
    this.#showPreset(key, true);
    this.onPresetChange(key);
  }

  // Starting values given by the host page (undefined keeps the preset's).
  setValues(values) {
    for (const [key, value] of Object.entries(values))
      if (value !== undefined && value !== null && this.inputs[key]) this.inputs[key].value = value;
  }

  setHasModel(flag) {
    this.saveButton.disabled = !flag;
  }

  setDisabled(flag) {
    for (const input of [this.presetSelect, this.specText, ...Object.values(this.inputs)]) input.disabled = flag;
  }

  // { ok: true, spec: presetName | specObject, epochs, learningRate, batchSize, seed } or
  // { ok: false, errors } naming the field or the spec line at fault (shown in the panel as well).
  values() {
    const errors = [];
    const out = {};
    for (const field of TRAINING_FIELDS) {
      const input = this.inputs[field.key];
      if (input.dataset.ignored === 'true') continue;
      const value = Number(input.value);
      const valid = input.value.trim() !== '' && fieldAccepts(field, value);
      input.setAttribute('aria-invalid', String(!valid));
      if (!valid) {
        const rule = t(field.integer ? 'modelIntegerRange' : 'modelNumberRange', { min: field.min, max: field.max });
        errors.push({ field: t(field.label), message: rule });
      }
      out[field.key] = value;
    }
    const key = this.presetSelect.value;
    const text = this.specText.value;
    if (!this.edits.has(key) || text === this.#presetText(key)) {
      out.spec = key;
    } else {
      try {
        out.spec = JSON.parse(text);
      } catch (err) {
        errors.push({ ...jsonErrorLocation(err.message, text), message: t('specNotJson', { message: err.message }) });
      }
    }
    if (errors.length) {
      if (errors.some((e) => e.line > 0)) this.specText.closest('details').open = true;
      this.errors.show(errors, { select: errors.some((e) => e.line > 0) });
      return { ok: false, errors };
    }
    this.errors.clear();
    return { ok: true, ...out };
  }

  // Engine errors about the spec ({field, message}) or a spec line. A field's line in the spec box is marked
  // (selected, the box opened) as a paste error's line is.
  showErrors(errors) {
    const list =
      typeof errors === 'string'
        ? errors
        : errors.map((e) => (e.field && !(e.line > 0) ? { ...e, ...jsonFieldPlace(this.specText.value, e.field) } : e));
    if (typeof list !== 'string' && list.some((e) => e.line > 0)) this.specText.closest('details').open = true;
    this.errors.show(list, { select: true });
  }

  #presetText(key) {
    return JSON.stringify(this.presets[key], null, 2);
  }

  #showPreset(key, resetFields) {
    const spec = this.presets[key];
    this.#describePreset(key);
    this.specText.value = this.edits.get(key) ?? this.#presetText(key);
    this.errors.clear();
    this.#specChanged();
    if (resetFields) {
      const defaults = specTraining(spec);
      for (const field of TRAINING_FIELDS) this.inputs[field.key].value = defaults[field.key] ?? field.default;
    }
  }

  #describePreset(key) {
    this.description.textContent = presetDescription(key, this.presets[key]?.description ?? '');
  }

  #resetSpec() {
    this.edits.delete(this.presetSelect.value);
    this.#showPreset(this.presetSelect.value, false);
  }
}
