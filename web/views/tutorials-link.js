// web/views/tutorials-link.js: the playground page's link to the tutorials (examples/index.html, or its Chinese
// twin examples/zh/index.html), which follows the interface language. The page is served at / or at /web/
// (scripts/serve.mjs, dist/), and ../examples/ is the tutorials from both.
import { h } from './dom.js';
import { t, currentLanguage, onLanguageChange } from '../strings.js';

const TUTORIALS = { en: '../examples/index.html', zh: '../examples/zh/index.html' };

export class TutorialsLink {
  constructor(container) {
    this.link = h('a', { className: 'tutorials-link', dataset: { testid: 'tutorials-link' } }, t('tutorialsLink'));
    const follow = (lang) => (this.link.href = new URL(TUTORIALS[lang] ?? TUTORIALS.en, location.href).href);
    follow(currentLanguage());
    container.append(this.link);
    this.stop = onLanguageChange(follow);
  }

  destroy() {
    this.stop();
    this.link.remove();
  }
}
