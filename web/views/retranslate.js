// web/views/retranslate.js: swaps the text already on the page from one language to another, in place, so a
// language switch keeps everything the user typed, every trained model and every drawn result. Each text node
// and text attribute (aria-label, title, placeholder, an optgroup's label) is matched against the old
// language's string table: an exact text is looked up, a text made from a template ('Epoch {epoch} of
// {epochs}') is parsed back into its values and written with the new language's template. Text that matches
// no template (sequence ids, numbers, the user's data) is left alone, as is anything inside translate="no",
// the text of a textarea, a script or code.
//   retranslate(document.body, en, zh)

const ATTRIBUTES = ['aria-label', 'title', 'placeholder', 'label', 'alt'];
const SKIP = new Set(['TEXTAREA', 'SCRIPT', 'STYLE', 'CODE', 'PRE']);
const PLACEHOLDER = /\{(\w+)\}/g;
const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// A value that runs across a sentence end ("0.91. It stopped early…") belongs to two joined texts.
const crossesSentence = (value) => /[.!?。！？]\s+\S|[。！？]\S/.test(value);

// A value inside a text is read as a template only when the template has this many letters of its own.
const NESTED_WEIGHT = 5;

const matcherCache = new WeakMap();

// The lookup tables of a language's strings: exact texts, and templates as anchored regular expressions, the
// most specific (most letters of fixed text) first.
function matcher(strings) {
  let m = matcherCache.get(strings);
  if (m) return m;
  m = { exact: new Map(), patterns: [] };
  for (const [key, template] of Object.entries(strings)) {
    if (typeof template !== 'string' || !template.trim()) continue;
    if (!template.match(PLACEHOLDER)) {
      if (!m.exact.has(template)) m.exact.set(template, key);
      continue;
    }
    const fixed = template.replace(PLACEHOLDER, '');
    if ((fixed.match(/\p{L}/gu) ?? []).length < 2) continue; // '{field}: {message}' would match any text with a colon
    const names = [];
    const source = template
      .split(/(\{\w+\})/)
      .map((part) => (/^\{\w+\}$/.test(part) ? (names.push(part.slice(1, -1)), '([\\s\\S]+?)') : escapeRegExp(part)))
      .join('');
    m.patterns.push({
      key,
      names,
      regex: new RegExp(`^${source}$`, 'u'),
      weight: (fixed.match(/\p{L}/gu) ?? []).length,
    });
  }
  m.patterns.sort((a, b) => b.weight - a.weight);
  matcherCache.set(strings, m);
  return m;
}

const fill = (template, values) =>
  template.replace(PLACEHOLDER, (whole, name) => (name in values ? values[name] : whole));

// `text` in the language of `from`, rewritten in the language of `to`; null when no string of `from` made it.
// Values that cross a sentence end are tried last: most such texts are two sentences joined ("Trained in
// 12 s. … It stopped early, …"), which are translated one by one.
export function translateText(text, from, to, depth = 0) {
  if (depth > 0) return fromTemplate(text, from, to, depth, true);
  return (
    fromTemplate(text, from, to, depth, true) ??
    bySentences(text, from, to) ??
    fromTemplate(text, from, to, depth, false)
  );
}

function fromTemplate(text, from, to, depth, strict) {
  const m = matcher(from);
  const key = m.exact.get(text);
  if (key !== undefined) return to[key] ?? null;
  if (depth > 2 || !/\p{L}/u.test(text)) return null;
  for (const { key: k, names, regex, weight } of m.patterns) {
    if (depth > 0 && weight < NESTED_WEIGHT) break; // 'out of memory' inside a message is not '{kind} of {what}'
    const found = regex.exec(text);
    if (!found || typeof to[k] !== 'string') continue;
    const values = {};
    names.forEach((name, i) => (values[name] = found[i + 1]));
    if (strict && Object.values(values).some(crossesSentence)) continue;
    // A value may itself be a translated text ('{count} labelled sequences, {lengths}').
    for (const name of names) values[name] = translateText(values[name], from, to, depth + 1) ?? values[name];
    return fill(to[k], values);
  }
  return null;
}

// Several texts set as one: the first split into a translatable head and a translatable rest wins. `parts`
// alternates sentences and the white space between them.
function bySentences(text, from, to, parts = text.split(/((?<=[.!?])\s+|(?<=[。！？])\s*(?=\S))/u)) {
  if (parts.length === 1) return fromTemplate(parts[0], from, to, 0, true);
  if (parts.length > 15) return null;
  for (let i = 1; i < parts.length; i += 2) {
    const head = fromTemplate(parts.slice(0, i).join(''), from, to, 0, true);
    const rest = head === null ? null : bySentences('', from, to, parts.slice(i + 1));
    // Chinese sentences follow each other without a space; others with one.
    if (rest !== null) return head + (/[。！？]$/u.test(head) ? '' : ' ') + rest;
  }
  return null;
}

// The text of `text` swapped, keeping its surrounding white space; null when it stays.
function swap(text, from, to) {
  const core = text.trim();
  if (!core) return null;
  const translated = translateText(core, from, to);
  if (translated === null || translated === core) return null;
  const start = text.indexOf(core);
  return text.slice(0, start) + translated + text.slice(start + core.length);
}

// Rewrites every text under `root` (an element, a document or a shadow root; open shadow roots inside are
// included) from the `from` strings to the `to` strings. -> how many texts changed.
export function retranslate(root, from, to) {
  let changed = 0;
  const visit = (node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      const next = swap(node.data, from, to);
      if (next !== null) {
        node.data = next;
        changed++;
      }
      return;
    }
    if (node.nodeType === Node.ELEMENT_NODE) {
      if (node.getAttribute('translate') === 'no') return;
      for (const name of ATTRIBUTES) {
        const value = node.getAttribute(name);
        const next = value === null ? null : swap(value, from, to);
        if (next !== null) {
          node.setAttribute(name, next);
          changed++;
        }
      }
      if (SKIP.has(node.tagName)) return; // a textarea's placeholder changes, never its text
      if (node.shadowRoot) visit(node.shadowRoot);
      if (node.tagName === 'TEMPLATE') return;
    }
    for (let child = node.firstChild; child; child = child.nextSibling) visit(child);
  };
  visit(root);
  return changed;
}
