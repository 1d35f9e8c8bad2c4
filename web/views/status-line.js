// web/views/status-line.js: which engine build runs (threads, SIMD, why not isolated) and one plain-language
// message about what is happening now.
import { h } from './dom.js';
import { t } from '../strings.js';

export class StatusLine {
  constructor(container) {
    this.engine = h('span', { className: 'engine' }, t('engineStarting'));
    this.message = h('span', { className: 'message', role: 'status' }, t('statusStarting'));
    this.element = h('div', { className: 'status-line', dataset: { testid: 'status' } }, h('span', { className: 'engine-label' }, t('engineLabel'), ' ', this.engine), this.message);
    container.append(this.element);
  }

  // backend: the engine's backend info ({label, isolated, reason}); null when the engine failed to start.
  setBackend(backend) {
    this.engine.textContent = backend ? backend.label : t('engineFailed');
    this.engine.title = backend?.reason ?? '';
    this.engine.classList.toggle('degraded', !backend || !backend.isolated);
  }

  // tone: 'info' | 'busy' | 'done' | 'error'
  set(text, tone = 'info') {
    this.message.textContent = text;
    this.element.dataset.tone = tone;
  }
}
