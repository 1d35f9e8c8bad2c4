// web/views/language-switch.js: the interface language, as a labelled select (English / 中文). It only asks:
// onChoose(lang) does the switching; the select follows every switch, wherever it came from.
import { h, uid } from './dom.js';
import { t, LANGUAGES, currentLanguage, onLanguageChange } from '../strings.js';

export class LanguageSwitch {
  constructor(container, { onChoose = () => {} } = {}) {
    const id = uid('language');
    this.select = h(
      'select',
      { id, dataset: { testid: 'language-switch' }, onchange: () => onChoose(this.select.value) },
      // Each language is named in itself, and marked so, for screen readers and for the page's re-translation.
      Object.entries(LANGUAGES).map(([code, { name, htmlLang }]) =>
        h('option', { value: code, lang: htmlLang, translate: 'no' }, name),
      ),
    );
    this.select.value = currentLanguage();
    this.element = h(
      'div',
      { className: 'field field-inline language-switch' },
      h('label', { for: id }, t('languageLabel')),
      this.select,
    );
    container.append(this.element);
    this.stop = onLanguageChange((lang) => (this.select.value = lang));
  }

  destroy() {
    this.stop();
    this.element.remove();
  }
}
