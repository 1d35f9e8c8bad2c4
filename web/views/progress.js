// web/views/progress.js: Train and Cancel buttons, "Epoch 3 of 20", a progress bar over all batches, elapsed time.
import { h, uid } from './dom.js';
import { t } from '../strings.js';

export function formatDuration(seconds) {
  const s = Math.max(0, Math.round(seconds));
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')} min`;
}

export class Progress {
  constructor(container, { onTrain = () => {}, onCancel = () => {} }) {
    const barId = uid('progress');
    this.trainButton = h(
      'button',
      {
        type: 'button',
        className: 'primary',
        disabled: true,
        dataset: { testid: 'train-button' },
        onclick: () => onTrain(),
      },
      t('trainButton'),
    );
    this.cancelButton = h(
      'button',
      {
        type: 'button',
        className: 'secondary',
        disabled: true,
        dataset: { testid: 'cancel-button' },
        onclick: () => onCancel(),
      },
      t('cancelButton'),
    );
    this.epochText = h('span', { className: 'epoch' }, t('progressIdle'));
    this.detailText = h('span', { className: 'hint' });
    this.bar = h('progress', { id: barId, max: 1, value: 0, 'aria-label': t('progressLabel') });
    this.element = h(
      'div',
      { className: 'progress', dataset: { testid: 'progress' } },
      h('div', { className: 'button-row' }, this.trainButton, this.cancelButton),
      h('div', { className: 'progress-text' }, this.epochText, ' ', this.detailText),
      this.bar,
    );
    container.append(this.element);
    this.timer = 0;
  }

  // Train is enabled once the engine is up (and not while a run is going).
  setReady(flag) {
    this.trainButton.disabled = !flag || this.running;
  }

  start() {
    this.running = true;
    const hadFocus = this.trainButton.getRootNode().activeElement === this.trainButton; // a shadow root's own, when embedded
    this.trainButton.disabled = true;
    this.cancelButton.disabled = false;
    if (hadFocus) this.cancelButton.focus(); // keep keyboard users on a live control
    this.bar.value = 0;
    this.bar.removeAttribute('value'); // indeterminate until the first batch
    this.epochText.textContent = t('statusTrainingStart');
    this.startedAt = performance.now();
    this.detailText.textContent = '';
    clearInterval(this.timer);
    this.timer = setInterval(() => this.#tick(), 1000);
    this.lastBatch = null;
  }

  // p: the engine's progress event {type, epoch, epochs, batch, batches}, or a GAN's {step, steps}.
  update(p) {
    if (!this.running) return;
    if (p.steps > 0) {
      this.epochText.textContent = t('progressStep', { step: p.step, steps: p.steps });
      this.bar.max = p.steps;
      this.bar.value = p.step;
      this.#tick();
      return;
    }
    this.epochText.textContent = t('progressEpoch', { epoch: p.epoch, epochs: p.epochs });
    if (!(p.batches > 0) && p.epochs > 0) {
      // a graph model: one full-graph step per epoch
      this.bar.max = p.epochs;
      this.bar.value = p.epoch;
    } else if (p.batches > 0) {
      const batch = p.type === 'epoch' ? p.batches : p.batch;
      this.lastBatch = { batch, batches: p.batches };
      this.bar.max = p.epochs * p.batches;
      this.bar.value = (p.epoch - 1) * p.batches + batch;
    }
    this.#tick();
  }

  // summary: the engine's fit() summary, or null when the run failed before training.
  finish(summary) {
    this.running = false;
    clearInterval(this.timer);
    const hadFocus = this.cancelButton.getRootNode().activeElement === this.cancelButton;
    this.cancelButton.disabled = true;
    this.trainButton.disabled = false;
    if (hadFocus) this.trainButton.focus();
    const time = formatDuration(summary?.seconds ?? (performance.now() - this.startedAt) / 1000);
    if (!summary) {
      this.bar.value = 0;
      this.epochText.textContent = t('progressIdle');
      this.detailText.textContent = '';
    } else if (summary.cancelled) {
      if (!this.bar.hasAttribute('value')) this.bar.value = 0;
      this.epochText.textContent = t('progressCancelled', { time });
      this.detailText.textContent = '';
    } else {
      this.bar.value = this.bar.max;
      this.epochText.textContent =
        summary.stepsRun !== undefined
          ? t('progressDoneSteps', { stepsRun: summary.stepsRun, time })
          : t('progressDone', { epochsRun: summary.epochsRun, time });
      this.detailText.textContent =
        summary.test?.n > 0 && Number.isFinite(summary.test.auroc)
          ? t('progressTestScore', { auroc: summary.test.auroc.toFixed(3) })
          : '';
    }
  }

  // Stops the elapsed-time ticker (the playground is going, perhaps mid-run).
  destroy() {
    clearInterval(this.timer);
  }

  #tick() {
    if (!this.running) return;
    const parts = [];
    if (this.lastBatch) parts.push(t('progressBatch', this.lastBatch));
    parts.push(t('progressElapsed', { time: formatDuration((performance.now() - this.startedAt) / 1000) }));
    this.detailText.textContent = '· ' + parts.join(' · ');
  }
}
