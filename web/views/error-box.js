// web/views/error-box.js: lists input errors as "line 3, column 7: ..." and, on request, selects the first bad
// line in the textarea it belongs to. It reads the textarea's text but never changes it.
import { h } from './dom.js';
import { t } from '../strings.js';

// Text of one error: {line, column, message} | {field, message} | {message}. Messages that already
// name their line (the engine may prefix them) are shown as they are.
export function formatError(error) {
  const message = error.message ?? String(error);
  if (/^line \d+/i.test(message)) return message;
  if (error.line > 0 && error.column > 0) return t('errorAt', error);
  if (error.line > 0) return t('errorAtLine', error);
  // Engine messages usually begin with their field ("layers[0].type: ..."): do not name it twice.
  if (error.field && !message.startsWith(`${error.field}:`)) return t('modelFieldInvalid', error);
  return message;
}

// Character offsets [start, end) of 1-based `line` in `text`.
function lineRange(text, line) {
  let start = 0;
  for (let n = 1; n < line; n++) {
    const next = text.indexOf('\n', start);
    if (next < 0) return [text.length, text.length];
    start = next + 1;
  }
  const end = text.indexOf('\n', start);
  return [start, end < 0 ? text.length : end];
}

// Selects line `line` (from `column` to its end, or all of it) and scrolls it into view.
export function selectLine(textarea, line, column) {
  const [start, end] = lineRange(textarea.value, line);
  const from = column > 0 ? Math.min(start + column - 1, end) : start;
  textarea.focus({ preventScroll: true });
  textarea.setSelectionRange(from === end ? start : from, end);
  const lineHeight = parseFloat(getComputedStyle(textarea).lineHeight) || 18;
  textarea.scrollTop = Math.max(0, (line - 1) * lineHeight - textarea.clientHeight / 3);
  textarea.scrollLeft = 0;
}

export class ErrorBox {
  // textarea: the input these errors are about (optional: model-spec errors may name fields only).
  constructor(container, { textarea = null, testid = 'error' } = {}) {
    this.textarea = textarea;
    this.element = h('div', { className: 'error-box', role: 'alert', hidden: true, dataset: { testid } });
    container.append(this.element);
    if (textarea) {
      if (!this.element.id) this.element.id = `${textarea.id}-errors`;
      const describedBy = textarea.getAttribute('aria-describedby');
      textarea.setAttribute('aria-describedby', [describedBy, this.element.id].filter(Boolean).join(' '));
    }
  }

  // errors: array as above, or one message string. select: mark the first bad line now (on Train/Predict,
  // not while the user types).
  show(errors, { moreErrors = 0, select = false } = {}) {
    const list = typeof errors === 'string' ? [{ message: errors }] : errors;
    if (!list.length) return this.clear();
    const located = list.filter((e) => e.line > 0);
    const items = list.map((error) =>
      h(
        'li',
        {},
        h('span', {}, formatError(error)),
        error.line > 0 && this.textarea
          ? h(
              'button',
              { type: 'button', className: 'link', onclick: () => selectLine(this.textarea, error.line, error.column) },
              t('errorGoTo', { line: error.line }),
            )
          : null,
      ),
    );
    const title = located.length ? h('p', {}, t('errorTitle', { count: list.length + moreErrors })) : null;
    this.element.replaceChildren(
      title ?? '',
      h('ul', {}, items),
      moreErrors ? h('p', {}, t('errorMore', { count: moreErrors })) : '',
    );
    this.element.hidden = false;
    this.textarea?.setAttribute('aria-invalid', located.length ? 'true' : 'false');
    if (select && located.length && this.textarea) selectLine(this.textarea, located[0].line, located[0].column);
  }

  clear() {
    this.element.hidden = true;
    this.element.replaceChildren();
    this.textarea?.removeAttribute('aria-invalid');
  }
}
