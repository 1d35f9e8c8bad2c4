// web/views/explain-panel.js: "Why this prediction?": opened by a prediction row, it shows that sequence's
// attribution track and ISM map over one shared window of positions, with the method (saliency, integrated
// gradients, ISM), the head (multi-task models), the score explained (logit or probability) and the
// integrated-gradients baseline as controls, and PNG/SVG/TSV exports of each figure. It computes nothing:
// onChange() asks app.js to run the engine, which answers with start() ... show() or showError().
import { h, uid } from './dom.js';
import { t } from '../strings.js';
import { ErrorBox } from './error-box.js';
import { PositionWindow } from './position-window.js';
import { AttributionTrack, signed } from './attribution-track.js';
import { IsmMap } from './ism-map.js';
import { exportButtons } from './figure-export.js';

const METHODS = ['ig', 'saliency', 'ism'];
const OUTPUTS = ['logit', 'probability'];
const BASELINES = ['uniform', 'shuffled'];
const STEPS = { min: 2, max: 500, default: 50 };
const MIN_COLUMN_PX = 5; // the first window shows at most as many positions as fit at this width each

// A file name from a sequence id (user text): letters, digits, dot, dash and underscore only.
export const fileSafe = (text) =>
  String(text)
    .replace(/[^\w.-]+/g, '_')
    .slice(0, 60) || 'sequence';

// A labelled <select> of `values`, each shown as t(`${prefix}${value}`).
function choice(labelKey, values, prefix, testid, onChange) {
  const id = uid(testid);
  const select = h(
    'select',
    { id, dataset: { testid }, onchange: () => onChange() },
    values.map((v) => h('option', { value: v }, t(`${prefix}${v}`))),
  );
  return { select, field: h('div', { className: 'field' }, h('label', { for: id }, t(labelKey)), select) };
}

export class ExplainPanel {
  constructor(container, { onChange = () => {} } = {}) {
    this.heading = h('h3', { tabIndex: -1 }, t('explainTitle'));
    this.empty = h('p', { className: 'hint', dataset: { testid: 'explain-empty' } }, t('explainEmpty'));
    const changed = () => {
      this.#showMethodFields();
      if (this.row) onChange();
    };
    this.method = choice('explainMethod', METHODS, 'explainMethod_', 'explain-method', changed);
    this.head = choice('explainHead', [], '', 'explain-head', changed);
    this.output = choice('explainOutput', OUTPUTS, 'explainOutput_', 'explain-output', changed);
    this.baseline = choice('explainBaseline', BASELINES, 'explainBaseline_', 'explain-baseline', changed);
    const stepsId = uid('explain-steps');
    this.steps = h('input', {
      type: 'number',
      id: stepsId,
      min: STEPS.min,
      max: STEPS.max,
      step: 1,
      value: STEPS.default,
      dataset: { testid: 'explain-steps' },
      onchange: () => changed(),
    });
    this.stepsField = h('div', { className: 'field' }, h('label', { for: stepsId }, t('explainSteps')), this.steps);
    this.head.field.hidden = true;
    this.busy = h('progress', { hidden: true, 'aria-label': t('explainBusy') });
    this.status = h('p', {
      className: 'explain-status',
      role: 'status',
      'aria-live': 'polite',
      dataset: { testid: 'explain-status' },
    });
    this.body = h(
      'div',
      { className: 'explain-body', hidden: true },
      h(
        'div',
        { className: 'field-grid explain-controls' },
        this.method.field,
        this.head.field,
        this.output.field,
        this.baseline.field,
        this.stepsField,
      ),
      this.status,
      this.busy,
    );
    this.errors = new ErrorBox(this.body, { testid: 'explain-error' });
    this.window = new PositionWindow(this.body, { onChange: (range) => this.#draw(range) });
    const onKey = (event) => this.window.handleKey(event);
    this.figures = h('div', { className: 'explain-figures' });
    this.body.append(this.figures);
    this.track = new AttributionTrack(this.figures, { onKey });
    this.track.element.append(
      exportButtons({
        figure: () => this.track.figure,
        tsv: () => this.track.tsv(),
        name: () => this.#fileName('attributions'),
        what: t('trackTitle'),
        testid: 'track-export',
      }),
    );
    this.ism = new IsmMap(this.figures, { onKey });
    this.ism.element.append(
      exportButtons({
        figure: () => this.ism.figure,
        tsv: () => this.ism.tsv(),
        name: () => this.#fileName('ism'),
        what: t('ismTitle'),
        testid: 'ism-export',
      }),
    );
    this.element = h(
      'div',
      { className: 'explain-panel', dataset: { testid: 'explain-panel' } },
      this.heading,
      this.empty,
      this.body,
    );
    container.append(this.element);
    this.row = null;
    this.#showMethodFields();
  }

  // The engine options the controls say: {method, head?, output, baseline?, steps?}.
  options() {
    const method = this.method.select.value;
    const options = { method, output: this.output.select.value };
    if (!this.head.field.hidden) options.head = this.head.select.value;
    if (method === 'ig') Object.assign(options, { baseline: this.baseline.select.value, steps: this.#steps() });
    return options;
  }

  // The heads of a multi-head model (the select appears for two or more); the choice is kept when it still exists.
  setHeads(names = []) {
    const kept = this.head.select.value;
    this.head.select.replaceChildren(...names.map((name) => h('option', { value: name }, name)));
    if (names.includes(kept)) this.head.select.value = kept;
    this.head.field.hidden = names.length < 2;
  }

  get headChoice() {
    return this.head.field.hidden ? undefined : this.head.select.value;
  }

  // A prediction row ({id}) is being explained: busy until show() or showError().
  start(row, { focus = false } = {}) {
    this.row = row;
    this.empty.hidden = true;
    this.body.hidden = false;
    this.errors.clear();
    this.setBusy(true);
    this.status.textContent = t('explainRunning', {
      id: row.id,
      method: t(`explainMethod_${this.method.select.value}`),
    });
    if (focus) this.heading.focus();
  }

  // The controls stay enabled (disabling the one just used would drop the keyboard focus): a change while busy
  // asks again, and app.js keeps only the latest answer.
  setBusy(flag) {
    this.busy.hidden = !flag;
    this.body.setAttribute('aria-busy', flag ? 'true' : 'false');
  }

  // result: the engine's explain() answer ({method, head, output}) and the row's explanation, plus the ISM
  // explanation of the same sequence for the map (the same object when the method is ISM).
  show(result, explanation, ismExplanation) {
    this.setBusy(false);
    this.result = result;
    const sameSequence = this.explanation?.sequence === explanation.sequence;
    this.explanation = explanation;
    this.status.textContent = this.#summary(result, explanation);
    this.track.show({ ...explanation, method: result.method });
    if (ismExplanation?.ism) this.ism.show(ismExplanation);
    else this.ism.clear();
    if (sameSequence && this.window.length === explanation.sequence.length)
      this.#draw(this.window.range); // keep the window
    else
      this.window.reset(explanation.sequence.length, Math.floor(this.figures.clientWidth / MIN_COLUMN_PX) || undefined);
  }

  showError(err) {
    this.setBusy(false);
    this.status.textContent = t('explainFailed', { id: this.row?.id ?? '' });
    this.errors.show(err.errors?.length ? err.errors : err.message, { moreErrors: err.moreErrors ?? 0 });
    this.track.clear();
    this.ism.clear();
    this.explanation = null;
    this.window.reset(0);
  }

  // Back to "choose a sequence" (a new model, new predictions).
  clear() {
    this.row = null;
    this.explanation = null;
    this.empty.hidden = false;
    this.body.hidden = true;
    this.errors.clear();
    this.track.clear();
    this.ism.clear();
  }

  #summary(result, e) {
    const head = [result.head, e.class !== undefined ? t('explainClass', { class: e.class }) : '']
      .filter(Boolean)
      .join(', ');
    const parts = [
      t('explainScore', {
        id: e.id,
        score: e.score.toFixed(3),
        output: t(`explainOutput_${result.output ?? 'logit'}`),
        head,
      }),
    ];
    if (result.method === 'ig' && Number.isFinite(e.delta)) {
      const sum = e.attributions.reduce((a, b) => a + b, 0);
      parts.push(
        t('explainCompleteness', {
          sum: signed(sum),
          difference: signed(e.score - e.baselineScore),
          delta: signed(e.delta),
        }),
      );
    }
    return parts.join(' ');
  }

  #draw(range) {
    if (!this.explanation || range.end <= range.start) return;
    this.track.draw(range);
    this.ism.draw(range);
  }

  #steps() {
    const n = Math.round(Number(this.steps.value));
    const steps = Number.isFinite(n) ? Math.max(STEPS.min, Math.min(STEPS.max, n)) : STEPS.default;
    this.steps.value = String(steps);
    return steps;
  }

  #showMethodFields() {
    const ig = this.method.select.value === 'ig';
    this.baseline.field.hidden = !ig;
    this.stepsField.hidden = !ig;
  }

  #fileName(kind) {
    return `helix-${kind}-${fileSafe(this.explanation?.id ?? this.row?.id)}-${this.result?.method ?? ''}`;
  }
}
