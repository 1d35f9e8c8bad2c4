// tests/web/fields.test.mjs: the page's training settings (web/state/fields.js: the model panel's inputs and
// the link's values) accept exactly what the engine accepts: each field's bounds equal the engine's
// (helix.optionBounds(), from the named constants of core/spec). Node, no browser.
// Run: node --test tests/web/fields.test.mjs
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { loadHelix } from '../../js/helix.js';
import { TRAINING_FIELDS, fieldAccepts } from '../../web/state/fields.js';
import { decodeState } from '../../web/state/url-state.js';

const helix = await loadHelix();
after(() => helix.close());

test("every training field of the page has the engine's bounds", () => {
  const bounds = helix.optionBounds();
  assert.deepEqual(
    TRAINING_FIELDS.map((f) => f.key),
    ['epochs', 'learningRate', 'batchSize', 'seed'],
  );
  for (const field of TRAINING_FIELDS) {
    const engine = bounds[field.key];
    assert.ok(engine, `the engine names the bounds of ${field.key} (it has: ${Object.keys(bounds).join(', ')})`);
    assert.equal(field.min, engine.min, `${field.key}: the page's minimum`);
    assert.equal(field.max, engine.max, `${field.key}: the page's maximum`);
    if (engine.integer !== undefined)
      assert.equal(Boolean(field.integer), Boolean(engine.integer), `${field.key}: whole numbers only`);
  }
});

test('the link and the model panel read one table: a value just outside a bound is dropped from a link', async () => {
  for (const field of TRAINING_FIELDS) {
    assert.ok(fieldAccepts(field, field.min) && fieldAccepts(field, field.max), field.key);
    const above = field.integer ? field.max + 1 : field.max * 2;
    const { state, problems } = await decodeState(`#${field.param}=${encodeURIComponent(field.max)}&preset=mlp`);
    assert.equal(state[field.key], field.max);
    assert.deepEqual(problems, []);
    assert.deepEqual((await decodeState(`#${field.param}=${encodeURIComponent(above)}`)).problems, [field.param]);
  }
});
