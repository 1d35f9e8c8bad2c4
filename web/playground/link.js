// web/playground/link.js: the page's own tools (not an embedded playground's): the title, the language switch,
// the share link, and the URL hash that follows the setup (preset, data, spec, settings, language), so a link
// reproduces a run. An embedded playground leaves the host page's URL and title alone.
import { t, setLanguage, currentLanguage, onLanguageChange } from '../strings.js';
import { rememberLanguage } from '../page-language.js';
import { decodeState } from '../state/url-state.js';
import { HashSync } from '../state/hash-sync.js';
import { EXAMPLES } from '../examples.js';
import { h } from '../views/dom.js';
import { OWN_DATA } from '../views/data-panel.js';
import { LanguageSwitch } from '../views/language-switch.js';
import { ShareLink } from '../views/share-link.js';
import { TutorialsLink } from '../views/tutorials-link.js';

// The title, the link to the tutorials, the language switch and the share link, in the page's header.
export function pageTools(title, state) {
  const tools = h('div', { className: 'page-tools' });
  title.append(h('h1', {}, t('appName')), h('p', { className: 'tagline' }, t('tagline')), tools);
  new TutorialsLink(tools);
  new LanguageSwitch(tools, { onChoose: (lang) => setLanguage(lang) && rememberLanguage(lang) });
  return new ShareLink(tools, { link: () => state.hashSync?.flush() ?? location.href });
}

// The setup as the link holds it (url-state.js).
function linkState({ data, model }) {
  const own = data.selected === OWN_DATA ? { main: data.values.main, second: data.values.second } : {};
  return {
    preset: model.preset,
    data: data.selected,
    ...model.settings(),
    spec: model.editedSpec(),
    lang: currentLanguage(),
    ...own,
  };
}

// The setup a link carries ({ state, problems } from decodeState), on top of its preset (already chosen):
// the data, an edited spec, the settings.
function useLinkState(ctx, share, { state, problems }) {
  const { data, model, presets } = ctx;
  const bad = [...problems, ...(state.preset && !(state.preset in presets) ? ['preset'] : [])];
  if (state.data === OWN_DATA && (state.main || state.second)) data.setOwnData(state);
  else if (state.data === OWN_DATA) {
    data.choose(OWN_DATA);
    share.askForData();
  } else if (state.data && EXAMPLES.some((ex) => ex.key === state.data && ex.families.includes(ctx.state.family.key)))
    data.choose(state.data);
  else if (state.data) bad.push('data');
  if (state.spec) model.setSpecText(state.spec);
  model.setSettings(state);
  if (bad.length) ctx.status.set(t('shareBadFields', { fields: bad.join(', ') }), 'error');
}

// Applies the link the page opened with (`incoming`), then keeps the hash in step with every change and
// follows a link opened later in this tab (which changes only the hash).
export function followLink(ctx, share, incoming) {
  useLinkState(ctx, share, incoming);
  const sync = new HashSync({ read: () => linkState(ctx), onData: (d) => share.setDataNote(d) });
  ctx.state.hashSync = sync;
  sync.flush();
  for (const type of ['input', 'change']) ctx.byId('model-panel').addEventListener(type, () => sync.schedule());
  onLanguageChange(() => sync.schedule());
  window.addEventListener('hashchange', async () => {
    if (sync.isOwn(location.hash)) return;
    const next = await decodeState(location.hash);
    if (next.state.lang) setLanguage(next.state.lang);
    if (next.state.preset in ctx.presets) ctx.model.selectPreset(next.state.preset);
    useLinkState(ctx, share, next);
    sync.schedule();
  });
}
