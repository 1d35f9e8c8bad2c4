// web/views/position-window.js: which positions of a sequence the explanation figures show: zoom in/out,
// pan left/right, show all, and a slider for the first position. The attribution track and the ISM map both
// draw the same window, so a column of one lines up with the column of the other. Keyboard: every control is
// a button or a range input; the figures forward arrow keys and +/- here (handleKey).
import { h, uid } from './dom.js';
import { t } from '../strings.js';

const MIN_SIZE = 10; // positions: closer than this a letter is wider than the track is tall
const FULL_UP_TO = 250; // longer sequences open on their first FULL_UP_TO positions

// The window after `action` ('in' | 'out' | 'left' | 'right' | 'all'), kept inside [0, length).
// window: {start, size} (0-based first position, number of positions).
export function moveWindow({ start, size }, length, action) {
  let next = { start, size };
  const centre = start + size / 2;
  if (action === 'in') next.size = Math.max(Math.min(MIN_SIZE, length), Math.round(size / 2));
  if (action === 'out') next.size = Math.min(length, size * 2);
  if (action === 'in' || action === 'out') next.start = Math.round(centre - next.size / 2);
  if (action === 'left') next.start = start - Math.max(1, Math.round(size / 4));
  if (action === 'right') next.start = start + Math.max(1, Math.round(size / 4));
  if (action === 'all') next = { start: 0, size: length };
  next.start = Math.max(0, Math.min(length - next.size, next.start));
  return next;
}

// The first window of a sequence: all of it up to FULL_UP_TO positions, fewer on a narrow screen (`maxSize`).
export const initialWindow = (length, maxSize = FULL_UP_TO) => ({
  start: 0,
  size: Math.min(length, FULL_UP_TO, Math.max(MIN_SIZE, maxSize)),
});

export class PositionWindow {
  // onChange({start, end}): end exclusive.
  constructor(container, { onChange = () => {} } = {}) {
    this.onChange = onChange;
    this.length = 0;
    this.window = { start: 0, size: 0 };
    const button = (action, label, key) =>
      h(
        'button',
        {
          type: 'button',
          className: 'secondary small',
          dataset: { testid: `window-${action}` },
          'aria-keyshortcuts': key,
          onclick: () => this.move(action),
        },
        label,
      );
    this.buttons = [
      button('in', t('windowZoomIn'), '+'),
      button('out', t('windowZoomOut'), '-'),
      button('left', t('windowLeft'), 'ArrowLeft'),
      button('right', t('windowRight'), 'ArrowRight'),
      button('all', t('windowAll')),
    ];
    const sliderId = uid('window-start');
    this.slider = h('input', {
      type: 'range',
      id: sliderId,
      min: 1,
      max: 1,
      value: 1,
      step: 1,
      dataset: { testid: 'window-start' },
      oninput: () => this.#setStart(Number(this.slider.value) - 1),
    });
    this.text = h('span', { className: 'hint', 'aria-live': 'polite' });
    this.element = h(
      'div',
      { className: 'position-window', role: 'group', 'aria-label': t('windowGroup') },
      h('div', { className: 'button-row' }, this.buttons),
      h('div', { className: 'window-slider' }, h('label', { for: sliderId }, t('windowStart')), this.slider, this.text),
    );
    container.append(this.element);
  }

  // A new sequence of `length` positions: its initial window (at most `maxSize` positions).
  reset(length, maxSize) {
    this.length = length;
    this.window = initialWindow(length, maxSize);
    this.#update();
  }

  get range() {
    return { start: this.window.start, end: this.window.start + this.window.size };
  }

  move(action) {
    if (!this.length) return;
    this.window = moveWindow(this.window, this.length, action);
    this.#update();
  }

  // Arrow keys pan, + and - zoom, Home shows all; returns whether the key was used.
  handleKey(event) {
    const action = { ArrowLeft: 'left', ArrowRight: 'right', '+': 'in', '=': 'in', '-': 'out', Home: 'all' }[event.key];
    if (!action || event.altKey || event.ctrlKey || event.metaKey) return false;
    event.preventDefault();
    this.move(action);
    return true;
  }

  #setStart(start) {
    this.window = moveWindow({ ...this.window, start }, this.length, 'none');
    this.#update();
  }

  #update() {
    const { start, size } = this.window;
    this.slider.max = String(Math.max(1, this.length - size + 1));
    this.slider.value = String(start + 1);
    this.slider.disabled = size >= this.length;
    this.slider.setAttribute(
      'aria-valuetext',
      t('windowText', { from: start + 1, to: start + size, length: this.length }),
    );
    this.text.textContent = t('windowText', { from: start + 1, to: start + size, length: this.length });
    const [zoomIn, zoomOut, left, right, all] = this.buttons;
    zoomIn.disabled = size <= Math.min(MIN_SIZE, this.length);
    zoomOut.disabled = all.disabled = size >= this.length;
    left.disabled = start <= 0;
    right.disabled = start + size >= this.length;
    // A button that just became disabled would drop the keyboard focus to the page: keep it in the group.
    const focused = this.element.getRootNode().activeElement; // a shadow root's own, when embedded
    if (focused?.disabled && this.element.contains(focused))
      [...this.buttons, this.slider].find((c) => !c.disabled)?.focus();
    this.onChange(this.range);
  }
}
