// tests/web/url-state.test.mjs: the playground's setup survives the trip through the URL hash; pasted data
// goes in only when small; a hash with bad values gives the good ones and names the bad.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { encodeState, decodeState, packText, unpackText, MAX_PACKED_DATA } from '../../web/state/url-state.js';

const TABLE =
  'id\tsequence\tlabel\n' +
  Array.from({ length: 20 }, (_, i) => `s${i}\tACGTAGATAAGG${'ACGT'[i % 4]}CTTA\t${i % 2}`).join('\n') +
  '\n';

// A table that gzip cannot shrink below the limit: random bases.
function randomTable(rows, seed = 7) {
  let x = seed;
  const base = () => 'ACGT'[((x = (x * 48271) % 2147483647) >> 7) & 3]; // Lehmer's generator
  return (
    'sequence\tlabel\n' +
    Array.from({ length: rows }, (_, i) => `${Array.from({ length: 100 }, base).join('')}\t${i % 2}`).join('\n')
  );
}

test('settings, an edited spec and a small pasted table round-trip', async () => {
  const state = {
    preset: 'cnn-deep',
    data: 'own',
    epochs: 7,
    learningRate: 0.003,
    batchSize: 32,
    seed: 42,
    lang: 'zh',
    spec: '{"name": "mine",\n "layers": []}',
    main: TABLE,
    second: '',
  };
  const { hash, data } = await encodeState(state);
  assert.equal(data.included, true);
  assert.ok(data.bytes <= MAX_PACKED_DATA);
  assert.match(hash, /^#preset=cnn-deep&data=own&epochs=7&lr=0.003&batch=32&seed=42&lang=zh&spec=[\w-]+&own=[\w-]+$/);
  const { state: back, problems } = await decodeState(hash);
  assert.deepEqual(problems, []);
  assert.deepEqual(back, {
    preset: 'cnn-deep',
    data: 'own',
    epochs: 7,
    learningRate: 0.003,
    batchSize: 32,
    seed: 42,
    lang: 'zh',
    spec: state.spec,
    main: TABLE,
  });
});

test('a pasted table too large for a link is left out, and encodeState says so', async () => {
  const { hash, data } = await encodeState({ preset: 'cnn-binding', data: 'own', main: randomTable(200) });
  assert.equal(data.included, false);
  assert.ok(data.bytes > MAX_PACKED_DATA, `${data.bytes} bytes`);
  assert.equal(hash, '#preset=cnn-binding&data=own');
});

test('an example is named, not copied', async () => {
  const { hash, data } = await encodeState({ preset: 'cnn-binding', data: 'gata', main: TABLE, seed: 1 });
  assert.equal(data, null);
  assert.equal(hash, '#preset=cnn-binding&data=gata&seed=1');
});

test('values that do not read are dropped and named; unknown keys are ignored', async () => {
  const { state, problems } = await decodeState(
    '#preset=cnn-binding&epochs=0&lr=abc&batch=2.5&seed=7&lang=fr&spec=%%%&future=1',
  );
  assert.deepEqual(state, { preset: 'cnn-binding', seed: 7 });
  assert.deepEqual(problems, ['epochs', 'lr', 'batch', 'lang', 'spec']);
  assert.deepEqual(await decodeState(''), { state: {}, problems: [] });
});

test('packed text is URL-safe and survives any characters', async () => {
  const text = '>seq 1 — 中文\nACGT+/=?&#\n';
  const packed = await packText(text);
  assert.match(packed, /^[A-Za-z0-9_-]+$/);
  assert.equal(await unpackText(packed), text);
});
