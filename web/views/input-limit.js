// web/views/input-limit.js: how much text a box of the playground takes, and the guard that refuses more at
// once (a paste, a dropped text or an opened file), saying the size, the limit and what to use instead, while
// the box keeps what it held.
// Why 2 MB: Chromium lays out a textarea's whole text again on every keystroke and attribute change, so the
// cost of typing grows with the text. Measured on the predict box on the loaded 2-core test machine
// (tests/web/large-input.test.mjs reports it): a keystroke reaches the screen in ~0.05 s in a small box,
// ~0.4 s at 0.5 MB, ~0.4-0.7 s at 2 MB, ~2 s at 4 MB; setting 5 MB blocks the page for 12 s, 20 MB for 41 s.
// The shipped examples are at most 1.2 MB. The engine takes more (a 40 MB predict fits the threaded build's
// 512 MB heap in one call, 60 MB does not; the JS API and `helix predict` cut any size into pieces), so
// the limit is the page's, and the message points to the helix command.
import { t } from '../strings.js';

export const MAX_TEXT_MB = 2;
export const MAX_TEXT_CHARS = MAX_TEXT_MB * 1_000_000;

const megabytes = (n) => (n / 1_000_000).toFixed(n < 10_000_000 ? 1 : 0);

// The refusal for a file of `bytes` (null when it fits).
export function fileTooLarge(name, bytes) {
  return bytes > MAX_TEXT_CHARS ? t('fileTooLarge', { name, size: megabytes(bytes), limit: MAX_TEXT_MB }) : null;
}

// Refuses a paste or a dropped text that would make `textarea` hold more than MAX_TEXT_CHARS: the event is
// cancelled (nothing is inserted, nothing typed is lost) and onRefuse(message) says why.
export function guardTextarea(textarea, onRefuse) {
  const check = (event, text) => {
    const kept = textarea.value.length - Math.abs(textarea.selectionEnd - textarea.selectionStart);
    if (kept + text.length <= MAX_TEXT_CHARS) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    onRefuse(t('textTooLarge', { size: megabytes(text.length), limit: MAX_TEXT_MB }));
  };
  textarea.addEventListener('paste', (event) => check(event, event.clipboardData?.getData('text') ?? ''));
  textarea.addEventListener('drop', (event) => {
    if (!event.dataTransfer?.files?.length) check(event, event.dataTransfer?.getData('text') ?? '');
  });
}
