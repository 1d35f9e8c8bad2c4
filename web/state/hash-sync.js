// web/state/hash-sync.js: keeps the URL hash in step with the playground's setup, a moment after each change
// (history.replaceState: no history entry, no hashchange). read() gives the state (see url-state.js);
// onData(data) hears whether the user's own table fits in the link.
import { encodeState } from './url-state.js';

const DELAY_MS = 400;

export class HashSync {
  constructor({ read, onData = () => {} }) {
    this.read = read;
    this.onData = onData;
    this.timer = 0;
    this.written = null; // the last hash this page wrote: a hashchange to it is not news
    this.ticket = 0;
  }

  schedule() {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), DELAY_MS);
  }

  // Writes the hash now. -> the page's URL with it.
  async flush() {
    clearTimeout(this.timer);
    const ticket = ++this.ticket;
    const { hash, data } = await encodeState(this.read());
    if (ticket === this.ticket) {
      this.written = hash;
      if (location.hash !== hash) history.replaceState(history.state, '', hash);
      this.onData(data);
    }
    return location.href;
  }

  // Whether `hash` is one this page wrote (a hashchange event for it comes from elsewhere only if it differs).
  isOwn(hash) {
    return hash === this.written;
  }
}
