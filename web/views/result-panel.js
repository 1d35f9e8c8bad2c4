// web/views/result-panel.js: the Results panel: its heading, one sentence on what the current model family
// shows, and one slot per result view, built on first use; only the current family's slot is visible.
import { h } from './dom.js';
import { t } from '../strings.js';

export class ResultPanel {
  constructor(container) {
    this.container = container;
    this.intro = h('p', { className: 'intro' });
    this.empty = h('p', { className: 'hint', dataset: { testid: 'result-empty' } }, t('resultEmpty'));
    this.slots = new Map(); // result kind -> { element, views }
    container.append(h('h2', {}, t('resultTitle')), this.intro, this.empty);
  }

  // Shows `kind`'s slot (creating its views with build(element) the first time) and returns its views.
  use(kind, build) {
    let slot = this.slots.get(kind);
    if (!slot) {
      const element = h('div', { className: 'result-slot', dataset: { result: kind } });
      this.container.append(element);
      slot = { element, views: build(element) };
      this.slots.set(kind, slot);
    }
    for (const [k, s] of this.slots) s.element.hidden = k !== kind;
    return slot.views;
  }

  // The family's intro; `hasResult` hides the "train first" note.
  setFamily(family) {
    this.intro.textContent = t(`resultIntro_${family.key}`);
    this.container.hidden = family.result === 'predictions';
  }

  setHasResult(flag) {
    this.empty.hidden = flag;
    for (const s of this.slots.values()) s.element.classList.toggle('stale', !flag);
  }
}
