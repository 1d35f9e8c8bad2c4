// tests/wasm/saved-models.test.mjs: the files of tests/fixtures/saved-models/ (saved by the engine before the
// one-envelope change, with the four old tags) load through helix.load as their family and answer, from JS, what
// is stored beside them in <name>.expected.json ({model, call, inputs, output}; tests/core/test_saved_models.cpp
// checks the same natively). Numbers within 1e-5 relative (the wasm build's SIMD sums in another order).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { engine, root } from './helpers.mjs';

const DIR = new URL('tests/fixtures/saved-models/', root);
const read = (name) => readFileSync(new URL(name, DIR), 'utf8');

// What each stored call is through the JS API: the model (loaded), the call's inputs -> the JS answer, and the
// part of the stored output that answer stands for.
const CALLS = {
  predict: {
    family: ['sequence', 'graph'],
    run: (model, inputs) =>
      model.family === 'graph'
        ? (model.load(read(inputs[0]), read(inputs[1])), model.predict())
        : model.predict(read(inputs[0])),
    stored: (output) => output.predictions,
  },
  encode: { family: ['autoencoder'], run: (model, inputs) => (model.load(read(inputs[0])), model.encode()) },
  generate_from_noise: {
    family: ['gan'],
    run: (model, inputs) => model.generateFromNoise(inputs[0]),
    stored: (output) => output.probabilities,
  },
  sample: { family: ['gan'], run: (model, inputs) => model.sample(inputs[0], inputs[1]) },
};

function withoutErrors(output) {
  const { errors, moreErrors, ...rest } = output;
  return rest;
}

// got ≈ want: the same shape and strings, numbers within 1e-5 relative (1e-6 absolute near 0); the differences' paths.
function differences(got, want, path = 'output', out = []) {
  if (typeof want === 'number') {
    if (typeof got !== 'number' || Math.abs(got - want) > 1e-5 * Math.abs(want) + 1e-6)
      out.push(`${path}: ${got} vs ${want}`);
  } else if (Array.isArray(want)) {
    if (!Array.isArray(got) || got.length !== want.length) out.push(`${path}: length ${got?.length} vs ${want.length}`);
    else want.forEach((w, i) => differences(got[i], w, `${path}[${i}]`, out));
  } else if (want !== null && typeof want === 'object') {
    const keys = Object.keys(want);
    if (got === null || typeof got !== 'object') out.push(`${path}: ${JSON.stringify(got)} is not an object`);
    else for (const k of new Set([...keys, ...Object.keys(got)])) differences(got[k], want[k], `${path}.${k}`, out);
  } else if (got !== want) out.push(`${path}: ${JSON.stringify(got)} vs ${JSON.stringify(want)}`);
  return out;
}

const expectedFiles = readdirSync(DIR)
  .filter((f) => f.endsWith('.expected.json'))
  .sort();

test('the fixture folder holds a stored call for each of the four families', () => {
  const calls = expectedFiles.map((f) => JSON.parse(read(f)).call);
  for (const call of ['predict', 'encode', 'generate_from_noise', 'sample']) assert.ok(calls.includes(call), call);
});

for (const file of expectedFiles) {
  test(`${file}: helix.load reads its model as its family and answers what is stored`, async () => {
    const helix = await engine();
    const { model: modelFile, call, inputs, output } = JSON.parse(read(file));
    const how = CALLS[call];
    assert.ok(how, `a stored call '${call}' this test does not know`);
    const model = helix.load(read(modelFile));
    try {
      assert.ok(how.family.includes(model.family), `${modelFile} loaded as ${model.family}`);
      const got = how.run(model, inputs);
      const want = how.stored ? how.stored(output) : withoutErrors(output);
      const diffs = differences(got, want);
      assert.deepEqual(diffs.slice(0, 10), [], `${diffs.length} differences`);
    } finally {
      model.dispose();
    }
  });
}
