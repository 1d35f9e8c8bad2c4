// web/element/helix-playground.js: <helix-playground>, the playground as one tag for a tutorial page.
//   <script type="module" src=".../web/element/helix-playground.js"></script>
//   <helix-playground preset="mlp" panels="data model curves" epochs="20" seed="1"></helix-playground>
// Attributes (read when it starts):
//   preset      a preset name (`helix presets`); its shipped example is the data unless data is given
//   data-src    a URL (relative to the page) of the training table; data-second-src: edges or cell labels
//   (inline)    a child <script type="text/plain"> holding the table (data-part="second" for the second text)
//   panels      which panels to show, space- or comma-separated: data model curves predictions explain
//   epochs, seed   the training settings' starting values; autostart: train once ready
//   lang        the interface language, en | zh (strings.js setLanguage: one per page, so every playground on
//               it switches, in place)
//   theme       light | dark (default: prefers-color-scheme); colours via --helix-* custom properties
//   id          the key its work is kept under in this browser, with the page's path (else its place on the page):
//               after a reload it offers that work back (web/playground/autosave.js)
// It starts when scrolled into view (or when its JS API is used). Every <helix-playground> on a page shares
// one engine worker (web/engine/client.js); a second training waits for the first and says so.
// Events (bubbling, composed): helix-epoch {detail: epoch figures}, helix-trained {detail: {preset, family,
// trained, summary}}, helix-predicted {detail: {rows}}.
// JS API: el.ready (a promise; starts it), el.train() -> summary, el.predict(text) -> rows,
// el.saveModel() -> the model file (JSON text), el.started, el.preset.
import { mountPlayground, PANEL_NAMES } from '../app.js';
import * as strings from '../strings.js';
import { h } from '../views/dom.js';
import { fetchText } from '../examples.js';
import { elementScope } from '../state/saved-session.js';

const STYLESHEETS = ['../vendor/uPlot.min.css', '../styles.css', './helix-playground.css'].map(
  (path) => new URL(path, import.meta.url).href,
);
const START_MARGIN = '200px'; // start a little before it scrolls into view

// A <script type="text/plain"> child's text without the indentation of the HTML around it.
function inlineText(script) {
  const lines = script.textContent
    .replace(/^\s*\n/, '')
    .replace(/\s+$/, '')
    .split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => l.match(/^[ \t]*/)[0].length));
  return lines.map((l) => l.slice(Number.isFinite(indent) ? indent : 0)).join('\n') + '\n';
}

export class HelixPlayground extends HTMLElement {
  #root; // the shadow root's container: a placeholder until it starts, then the playground
  #handle = null; // mountPlayground's handle once started
  #observer = null;
  #started = null; // the promise of start()

  constructor() {
    super();
    this.attachShadow({ mode: 'open' });
    const links = STYLESHEETS.map((href) => h('link', { rel: 'stylesheet', href }));
    this.#root = h(
      'div',
      { className: 'helix-root', part: 'root' },
      h('p', { className: 'placeholder' }, strings.t('elementLoading')),
    );
    this.shadowRoot.append(...links, this.#root);
  }

  connectedCallback() {
    if (this.#started || this.#observer) return;
    this.#observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && this.#start(), {
      rootMargin: START_MARGIN,
    });
    this.#observer.observe(this);
  }

  disconnectedCallback() {
    // Moving the element fires disconnect then connect: only a removal that lasts frees the engine session.
    queueMicrotask(() => {
      if (this.isConnected) return;
      this.#observer?.disconnect();
      this.#observer = null;
      this.#handle?.destroy?.();
      this.#handle = null;
      this.#started = null;
    });
  }

  // Resolves once the engine is up and the data are in place (starting it now if it has not started).
  get ready() {
    return this.#start();
  }

  get started() {
    return this.#started !== null;
  }

  get preset() {
    return this.#handle?.preset ?? this.getAttribute('preset');
  }

  async train() {
    await this.ready;
    return this.#handle.train();
  }

  async predict(text) {
    await this.ready;
    return this.#handle.predict(text);
  }

  async saveModel() {
    await this.ready;
    return this.#handle.saveModel();
  }

  #start() {
    if (this.#started) return this.#started;
    this.#observer?.disconnect();
    this.#observer = null;
    this.#started = this.#mount();
    return this.#started;
  }

  async #mount() {
    const lang = this.getAttribute('lang');
    if (lang) strings.setLanguage(lang); // an unknown language is ignored (English stays)
    let data = null;
    try {
      data = await this.#data();
    } catch (err) {
      this.#root.replaceChildren(
        h('p', { className: 'placeholder', role: 'alert' }, strings.t('elementDataFailed', { message: err.message })),
      );
      throw err;
    }
    const number = (name) => (this.hasAttribute(name) ? Number(this.getAttribute(name)) : undefined);
    const panels = this.getAttribute('panels')
      ?.split(/[\s,]+/)
      .filter((name) => PANEL_NAMES.includes(name));
    this.#root.replaceChildren();
    this.#handle = mountPlayground(this.#root, {
      preset: this.getAttribute('preset') ?? undefined,
      data,
      panels: panels?.length ? panels : null,
      epochs: number('epochs'),
      seed: number('seed'),
      autostart: this.hasAttribute('autostart'),
      keep: elementScope(this.id || `${[...document.querySelectorAll('helix-playground')].indexOf(this)}`),
      onEvent: (name, detail) =>
        this.dispatchEvent(new CustomEvent(`helix-${name}`, { detail, bubbles: true, composed: true })),
    });
    await this.#handle.ready;
  }

  // {main, second} from inline <script type="text/plain"> children or data-src URLs; null: the preset's example.
  async #data() {
    const scripts = [...this.querySelectorAll(':scope > script[type="text/plain"]')];
    const inline = (part) => scripts.find((s) => (s.dataset.part ?? 'main') === part);
    const load = async (part, attribute) => {
      if (inline(part)) return inlineText(inline(part));
      const src = this.getAttribute(attribute);
      return src ? fetchText(new URL(src, document.baseURI).href) : '';
    };
    const [main, second] = await Promise.all([load('main', 'data-src'), load('second', 'data-second-src')]);
    return main || second ? { main, second } : null;
  }
}

if (!customElements.get('helix-playground')) customElements.define('helix-playground', HelixPlayground);
