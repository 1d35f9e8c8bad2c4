// web/views/status-line.js: which engine build runs (threads, SIMD, why not isolated) and one plain-language
// message about what is happening now.
import { h } from './dom.js';
import { t, onLanguageChange } from '../strings.js';

// The engine's reasons for its build (js/helix.js chooseBuild) -> keys of strings.js.
const REASONS = {
  'this page is cross-origin isolated': 'engineIsolated',
  'this page is not cross-origin isolated': 'engineNotIsolated',
  'SharedArrayBuffer is not available': 'engineNoSharedMemory',
};

export class StatusLine {
  constructor(container) {
    this.engine = h('span', { className: 'engine' }, t('engineStarting'));
    this.message = h('span', { className: 'message', role: 'status' }, t('statusStarting'));
    this.element = h(
      'div',
      { className: 'status-line', dataset: { testid: 'status' } },
      h('span', { className: 'engine-label' }, t('engineLabel'), ' ', this.engine),
      this.message,
    );
    container.append(this.element);
    this.stopLanguage = onLanguageChange(() => this.backend !== undefined && this.#showBackend());
  }

  // Stops following the language (the playground is going: the listener would keep it alive).
  destroy() {
    this.stopLanguage();
  }

  // backend: the engine's backend info ({label, isolated, reason}); null when the engine failed to start.
  setBackend(backend) {
    this.backend = backend;
    this.#showBackend();
    this.engine.classList.toggle('degraded', !backend || !backend.isolated);
  }

  // "WebAssembly SIMD · 2 threads", and why not more in the single-thread build, in the page's language.
  #showBackend() {
    const backend = this.backend;
    if (!backend) return void (this.engine.textContent = t('engineFailed'));
    const reason = REASONS[backend.reason] ? t(REASONS[backend.reason]) : (backend.reason ?? '');
    const label = Number.isInteger(backend.threads) ? t('engineBackend', { count: backend.threads }) : backend.label;
    this.engine.textContent =
      backend.build === 'helix-simd' && reason ? t('engineBackendWhy', { backend: label, reason }) : label;
    this.engine.title = reason;
  }

  // tone: 'info' | 'busy' | 'done' | 'error'
  set(text, tone = 'info') {
    this.message.textContent = text;
    this.element.dataset.tone = tone;
  }
}
