// tests/web/strings.test.mjs: the Chinese table is complete and says the same things: every key of `en` has a
// zh text with the same {placeholders}, texts equal in one language are equal in the other (so the page can
// swap its text in place), and every preset has a Chinese description.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  en,
  LANGUAGES,
  t,
  setLanguage,
  currentLanguage,
  languageOf,
  presetDescription,
  onLanguageChange,
} from '../../web/strings.js';
import { zh, zhPresetDescriptions } from '../../web/strings-zh.js';
import { PRESETS, GRAPH_PRESETS, AUTOENCODER_PRESETS, GAN_PRESETS } from '../../js/presets.js';

const placeholders = (text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

test('every en key has a zh text, and zh has no key en lacks', () => {
  assert.deepEqual(
    Object.keys(en).filter((key) => typeof zh[key] !== 'string'),
    [],
  );
  assert.deepEqual(
    Object.keys(zh).filter((key) => !(key in en)),
    [],
  );
});

test('every zh text has the placeholders of its en text', () => {
  const differ = Object.keys(en).filter(
    (key) => key in zh && placeholders(en[key]).join() !== placeholders(zh[key]).join(),
  );
  assert.deepEqual(
    differ.map((key) => `${key}: en {${placeholders(en[key])}} zh {${placeholders(zh[key])}}`),
    [],
  );
});

test('a zh text is empty exactly where the en text is, and is Chinese where en is a sentence', () => {
  assert.deepEqual(
    Object.keys(en).filter((key) => (en[key] === '') !== (zh[key] === '')),
    [],
  );
  const untranslated = Object.keys(en).filter(
    (key) => /[a-z]{3,} [a-z]{3,} [a-z]{3,}/.test(en[key]) && !/[\u4e00-\u9fff]/.test(zh[key]),
  );
  assert.deepEqual(untranslated, []);
});

test('texts equal in one language are equal in the other, so a page can be translated in place', () => {
  const clashes = [];
  for (const [from, to] of [
    [en, zh],
    [zh, en],
  ]) {
    const seen = new Map();
    for (const [key, text] of Object.entries(from)) {
      if (seen.has(text) && to[seen.get(text)] !== to[key])
        clashes.push(`'${text}' is both ${seen.get(text)} and ${key}, which differ in the other language`);
      seen.set(text, key);
    }
  }
  assert.deepEqual(clashes, []);
});

test('every preset has a zh description', () => {
  const names = [PRESETS, GRAPH_PRESETS, AUTOENCODER_PRESETS, GAN_PRESETS].flatMap((table) => Object.keys(table));
  assert.deepEqual(
    names.filter((name) => !/[\u4e00-\u9fff]/.test(zhPresetDescriptions[name] ?? '')),
    [],
  );
  assert.deepEqual(
    Object.keys(zhPresetDescriptions).filter((name) => !names.includes(name)),
    [],
  );
});

test('setLanguage switches t(), the preset descriptions and tells listeners; unknown languages are refused', () => {
  const heard = [];
  const stop = onLanguageChange((lang, previous) => heard.push(`${previous}->${lang}`));
  try {
    assert.equal(languageOf('zh-CN'), 'zh');
    assert.equal(languageOf('fr'), null);
    assert.equal(setLanguage('fr'), false);
    assert.equal(currentLanguage(), 'en');
    assert.equal(setLanguage('zh-Hans'), true);
    assert.equal(t('statusPredicted', { count: 3 }), '已预测 3 条序列的结合情况。');
    assert.equal(presetDescription('cnn-binding', 'English'), zhPresetDescriptions['cnn-binding']);
    assert.equal(presetDescription('my-own', 'English'), 'English');
    setLanguage('en');
    assert.equal(t('trainButton'), 'Train');
    assert.deepEqual(heard, ['en->zh', 'zh->en']);
    assert.equal(Object.keys(LANGUAGES).join(), 'en,zh');
  } finally {
    stop();
    setLanguage('en');
  }
});
