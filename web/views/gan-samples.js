// web/views/gan-samples.js: sequences a trained GAN writes: a Generate button (how many, which seed) and the
// list, one sequence per line in a monospace block, with a FASTA download. The composition of the same
// samples is drawn by base-composition.js.
import { h, uid, downloadText } from './dom.js';
import { t } from '../strings.js';

const SHOWN = 20; // the list shows the first SHOWN; the download has them all

export class GanSamples {
  // onGenerate({count, seed}) asks the page for new samples.
  constructor(container, { onGenerate = () => {} } = {}) {
    const countId = uid('gan-count');
    const seedId = uid('gan-seed');
    this.count = h('input', {
      id: countId,
      type: 'number',
      min: 1,
      max: 5000,
      step: 1,
      value: 200,
      dataset: { testid: 'gan-count' },
    });
    this.seed = h('input', {
      id: seedId,
      type: 'number',
      min: 0,
      max: 2 ** 31 - 1,
      step: 1,
      value: 1,
      dataset: { testid: 'gan-seed' },
    });
    this.button = h(
      'button',
      {
        type: 'button',
        className: 'primary',
        disabled: true,
        dataset: { testid: 'gan-generate' },
        onclick: () => onGenerate(this.values()),
      },
      t('ganGenerate'),
    );
    this.download = h(
      'button',
      { type: 'button', className: 'secondary', disabled: true, onclick: () => this.#download() },
      t('ganDownload'),
    );
    this.list = h('ol', { className: 'sequence-list', dataset: { testid: 'gan-samples' } });
    this.note = h('p', { className: 'hint' });
    this.sequences = [];
    this.element = h(
      'div',
      { className: 'gan-samples' },
      h('h3', {}, t('ganSamplesTitle')),
      h('p', { className: 'hint' }, t('ganSamplesIntro')),
      h(
        'div',
        { className: 'field-grid' },
        h('div', { className: 'field' }, h('label', { for: countId }, t('ganCount')), this.count),
        h('div', { className: 'field' }, h('label', { for: seedId }, t('ganSeed')), this.seed),
      ),
      h('div', { className: 'button-row' }, this.button, this.download),
      this.note,
      this.list,
    );
    container.append(this.element);
  }

  values() {
    const clamp = (input, lo, hi, d) => {
      const v = Math.round(Number(input.value));
      return Number.isFinite(v) ? Math.min(hi, Math.max(lo, v)) : d;
    };
    return { count: clamp(this.count, 1, 5000, 200), seed: clamp(this.seed, 0, 2 ** 31 - 1, 1) };
  }

  setEnabled(flag) {
    this.button.disabled = !flag;
  }

  // sequences: strings of A, C, G, T.
  show(sequences) {
    this.sequences = sequences;
    this.list.replaceChildren(...sequences.slice(0, SHOWN).map((seq) => h('li', { className: 'sequence' }, seq)));
    this.list.dataset.count = String(sequences.length);
    this.note.textContent = sequences.length > SHOWN ? t('ganShownOf', { shown: SHOWN, count: sequences.length }) : '';
    this.download.disabled = !sequences.length;
  }

  #download() {
    const fasta = this.sequences.map((seq, i) => `>gan_${i + 1}\n${seq}`).join('\n') + '\n';
    downloadText(fasta, 'helix-gan-samples.fa', 'text/plain');
  }
}
