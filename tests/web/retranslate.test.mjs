// tests/web/retranslate.test.mjs: the in-place language switch reads each text on the page back into its
// template and values. Every string of the table, filled with values, goes en -> zh -> en unchanged; user
// text is left alone; two sentences set as one text are translated one by one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { en } from '../../web/strings.js';
import { zh } from '../../web/strings-zh.js';
import { translateText } from '../../web/views/retranslate.js';

const fill = (template, values) => template.replace(/\{(\w+)\}/g, (_, name) => values[name]);
const sample = (template) =>
  Object.fromEntries([...template.matchAll(/\{(\w+)\}/g)].map((m, i) => [m[1], String(17 + i * 3)]));

test('every string, filled with numbers, round-trips en -> zh -> en', () => {
  const wrong = [];
  for (const key of Object.keys(en)) {
    if (!en[key].trim() || !/\p{L}{2}/u.test(en[key].replace(/\{\w+\}/g, ''))) continue; // nothing to read it back by
    const values = sample(en[key]);
    const english = fill(en[key], values);
    const chinese = translateText(english, en, zh);
    if (chinese !== fill(zh[key], values)) wrong.push(`${key}: en->zh gave ${chinese}`);
    else if (translateText(chinese, zh, en) !== english)
      wrong.push(`${key}: zh->en gave ${translateText(chinese, zh, en)}`);
  }
  assert.deepEqual(wrong, []);
});

test('values that are texts themselves are translated too', () => {
  assert.equal(translateText('200 labelled sequences, 60–101 bp', en, zh), '200 条带标签的序列，60–101 bp');
  assert.equal(translateText('200 labelled sequences, 101 bp each', en, zh), '200 条带标签的序列，每条 101 bp');
});

test('user text, ids and numbers are left alone', () => {
  for (const text of ['peak_a', '0.934', 'ACGTACGT', 'gata1: 0.91', 'My own notes. They stay.'])
    assert.equal(translateText(text, en, zh), null);
});

test('two sentences set as one text are translated one by one', () => {
  const english = `${fill(en.statusTrainedNoTest, { seconds: 4 })} ${fill(en.statusStoppedEarly, { epochsRun: 9, bestEpoch: 5 })}`;
  const chinese = translateText(english, en, zh);
  assert.equal(
    chinese,
    fill(zh.statusTrainedNoTest, { seconds: 4 }) + fill(zh.statusStoppedEarly, { epochsRun: 9, bestEpoch: 5 }),
  );
  assert.equal(translateText(chinese, zh, en), english);
});

test('a message from the engine inside a template stays as it is', () => {
  assert.equal(
    translateText('Training stopped with an error: out of memory. Try a smaller batch.', en, zh),
    '训练因错误而停止：out of memory. Try a smaller batch.',
  );
});
