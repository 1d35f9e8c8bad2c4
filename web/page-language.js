// web/page-language.js: the playground page's language. It starts as the link asks (?lang=zh, or lang= in
// the hash), else as the user last chose (localStorage), else English; once switched, the page follows:
// <html lang>, the title and every text already shown (swapped in place, so typed data and trained models stay).
import { t, LANGUAGES, languageOf, currentLanguage, onLanguageChange } from './strings.js';
import { retranslate } from './views/retranslate.js';

const STORAGE_KEY = 'helix-language';

function stored() {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null; // storage blocked (a sandboxed frame): no memory of the choice
  }
}

// hashLang: the lang of the URL hash state, if any.
export function startingLanguage(hashLang) {
  return (
    languageOf(hashLang) ?? languageOf(new URLSearchParams(location.search).get('lang')) ?? languageOf(stored()) ?? 'en'
  );
}

export function rememberLanguage(lang) {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // not remembered; the switch still works for this visit
  }
}

// Keeps the document under `root` in the current language from now on.
export function followLanguage(root = document.body) {
  const mark = () => {
    document.documentElement.lang = LANGUAGES[currentLanguage()].htmlLang;
    document.title = t('pageTitle');
  };
  mark();
  return onLanguageChange((lang, previous) => {
    retranslate(root, LANGUAGES[previous].strings, LANGUAGES[lang].strings);
    mark();
  });
}
