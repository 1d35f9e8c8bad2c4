// web/views/dom.js: `h()` builds an element from a tag, properties and children. Strings become text nodes,
// never HTML, so sequence ids and file contents cannot inject markup.
//   h('button', { type: 'button', className: 'primary', dataset: { testid: 'train-button' }, onclick }, 'Train')
let nextId = 0;

export function h(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'dataset') Object.assign(node.dataset, value);
    else if (key === 'style' && typeof value === 'object') Object.assign(node.style, value);
    else if (key.startsWith('on') && typeof value === 'function') node.addEventListener(key.slice(2), value);
    else if (key.startsWith('aria-') || key === 'role' || key === 'for')
      node.setAttribute(key, value === true ? 'true' : value);
    else if (key in node) node[key] = value;
    else node.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

// A page-unique id for label/aria wiring: uid('epochs') -> 'helix-epochs-3'.
export const uid = (name) => `helix-${name}-${++nextId}`;

const SVG_NS = 'http://www.w3.org/2000/svg';

// `h()` for SVG: attributes are set as given (numbers become text); strings are text nodes, never markup;
// children may be nested arrays (a mark per datum, several elements per mark).
//   svg('rect', { x: 0, y: 0, width: 10, height: 10, fill: '#109648' }, svg('title', {}, 'position 3'))
export function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [key, value] of Object.entries(attrs))
    if (value !== undefined && value !== null && value !== false) node.setAttribute(key, value);
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

// Offers `text` as a file download; the text is never parsed or rendered.
export function downloadText(text, filename, type = 'text/plain') {
  downloadBlob(new Blob([text], { type }), filename);
}

// Offers a Blob (an image, a table) as a file download.
export function downloadBlob(blob, filename) {
  const url = URL.createObjectURL(blob);
  const link = h('a', { href: url, download: filename, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

// A panel's heading and its one-sentence explanation.
export function panelHeading(container, title, intro) {
  container.append(h('h2', {}, title), h('p', { className: 'intro' }, intro));
}
