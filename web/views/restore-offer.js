// web/views/restore-offer.js: the one-click offer, after a reload or in a new tab, to bring back the work this
// browser kept (web/state/saved-session.js), and the button that continues an interrupted run from its last
// saved epoch. Texts in the page's language at the time they are shown.
import { h } from './dom.js';
import { t } from '../strings.js';

export class RestoreOffer {
  constructor(container) {
    this.element = h('div', { className: 'restore-offer', hidden: true, role: 'region', 'aria-live': 'polite' });
    container.append(this.element);
  }

  // Offers `record`'s work: what it holds and when it was saved; onRestore() on a click, onDismiss() on No.
  offer(record, { onRestore, onDismiss }) {
    const when = new Date(record.savedAt).toLocaleString();
    const parts = [t('restoreSetup', { preset: record.setup?.preset ?? '?' })];
    if (record.model)
      parts.push(
        record.interrupted
          ? t('restoreCheckpoint', { epoch: record.model.epoch, epochs: record.interrupted.epochs })
          : t('restoreModel'),
      );
    this.element.replaceChildren(
      h('span', {}, t('restoreOffer', { when, what: parts.join(', ') }), ' '),
      h(
        'button',
        { type: 'button', className: 'primary', dataset: { testid: 'restore-session' }, onclick: () => onRestore() },
        t('restoreButton'),
      ),
      ' ',
      h(
        'button',
        { type: 'button', dataset: { testid: 'restore-dismiss' }, onclick: () => onDismiss() },
        t('restoreDismiss'),
      ),
    );
    this.element.hidden = false;
  }

  // Offers to continue a run whose last saved epoch is `epoch` of `epochs`; onResume() on a click.
  offerResume({ epoch, epochs }, onResume) {
    this.element.replaceChildren(
      h('span', {}, t('resumeOffer', { epoch, epochs }), ' '),
      h(
        'button',
        { type: 'button', className: 'primary', dataset: { testid: 'resume-training' }, onclick: () => onResume() },
        t('resumeButton', { epoch }),
      ),
    );
    this.element.hidden = false;
  }

  hide() {
    this.element.hidden = true;
    this.element.replaceChildren();
  }
}
