// tests/wasm/session.test.mjs: one API for every family (js/session.js, js/families/): helix.create picks the
// family from a preset's name or a spec's shape, fit trains on each family's input (text, {nodes, edges},
// {matrix}), save writes a file that helix.load reads back as the same family with the same answers, dispose
// frees it; helix.load names the field of a file that is not a model; helix.optionBounds is the engine's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { engine, root } from './helpers.mjs';
import { HelixInputError, Session, SequenceModel, GraphModel, Autoencoder, Gan } from '../../js/helix.js';
import { gunzipText } from '../../js/gzip.js';
import { PRESETS, GRAPH_PRESETS, AUTOENCODER_PRESETS, GAN_PRESETS } from '../../js/presets.js';

// 150 cells × 500 genes of pbmc3k: enough rows for the 80/10/10 split.
const matrix =
  (await gunzipText(readFileSync(new URL('web/data/pbmc3k/expression-500.tsv.gz', root))))
    .split('\n')
    .slice(0, 151)
    .join('\n') + '\n';

// For each family: a preset, its training input, fit options (a short run), and what a model answers, which a
// saved and loaded copy must answer the same (after the copy gets the same data, for the families that need it).
const FAMILIES = [
  {
    family: 'sequence',
    Class: SequenceModel,
    preset: 'cnn-binding',
    input: (helix) => helix.simulate('planted-motif', { count: 200, length: 60, seed: 3 }),
    options: { epochs: 2, seed: 1 },
    answers: (model, input) => model.predict(input),
  },
  {
    family: 'graph',
    Class: GraphModel,
    preset: 'gcn-graph',
    input: (helix) => helix.simulateGraphs('graph-motifs', { count: 40, seed: 5 }),
    options: { epochs: 2, seed: 1 },
    prepare: (model, input) => model.load(input.nodes, input.edges),
    answers: (model) => model.predict(),
  },
  {
    family: 'autoencoder',
    Class: Autoencoder,
    preset: 'autoencoder',
    input: () => ({ matrix }),
    options: { epochs: 2, seed: 1 },
    prepare: (model, input) => model.load(input.matrix),
    answers: (model) => model.encode().codes,
  },
  {
    family: 'gan',
    Class: Gan,
    preset: 'gan-dna',
    input: (helix) =>
      helix.simulate('planted-motif', {
        count: 128,
        length: 50,
        motif: 'TGATAA',
        motifFraction: 1,
        seed: 2,
        format: 'fasta',
      }),
    options: { steps: 3, seed: 1 },
    answers: (model) => model.sample(5, { seed: 9 }),
  },
];

for (const f of FAMILIES) {
  test(`${f.family}: create(preset) -> fit(input) -> save -> load(file) gives the same family and answers`, async () => {
    const helix = await engine();
    const model = helix.create(f.preset);
    assert.ok(model instanceof f.Class && model instanceof Session);
    assert.equal(model.family, f.family);
    assert.equal(model.spec.name, f.preset);
    const input = f.input(helix);
    const progress = [];
    const summary = await model.fit(input, { ...f.options, onProgress: (p) => progress.push(p) });
    assert.equal(summary.error, undefined);
    assert.ok(progress.length > 0 && summary.seconds >= 0);
    const answers = f.answers(model, input);

    const file = model.save({ note: f.family });
    const copy = helix.load(file);
    assert.ok(copy instanceof f.Class);
    assert.equal(copy.family, f.family);
    assert.equal(copy.spec.name, f.preset);
    assert.equal(copy.metadata.note, f.family);
    f.prepare?.(copy, input);
    assert.deepEqual(f.answers(copy, input), answers);
    copy.dispose();
    model.dispose();
    assert.equal(model.session, null);
  });
}

test('create picks the family from a spec object or JSON text by its shape; the old names stay', async () => {
  const helix = await engine();
  for (const f of FAMILIES) {
    const spec = structuredClone({ ...PRESETS, ...GRAPH_PRESETS, ...AUTOENCODER_PRESETS, ...GAN_PRESETS }[f.preset]);
    for (const given of [spec, JSON.stringify(spec)]) {
      const model = helix.create(given);
      assert.equal(model.family, f.family, `${f.preset} as ${typeof given}`);
      model.dispose();
    }
  }
  const aliases = [
    ['createModel', 'mlp', SequenceModel],
    ['createGraphModel', 'gcn-node', GraphModel],
    ['createAutoencoder', 'dae-impute', Autoencoder],
    ['createGan', 'gan-dna', Gan],
  ];
  for (const [name, preset, Class] of aliases) {
    const model = helix[name](preset);
    assert.ok(model instanceof Class, name);
    model.dispose();
  }
  assert.throws(() => helix.createGraphModel('mlp'), /preset: 'mlp' is not one of: gcn-node/);
  assert.throws(
    () => helix.create('no-such-preset'),
    (e) =>
      e instanceof HelixInputError &&
      e.errors[0].field === 'preset' &&
      /cnn-binding.*gcn-node.*autoencoder.*gan-dna/.test(e.message),
  );
  // Not JSON: the engine names the line and column.
  assert.throws(
    () => helix.create('{"name": '),
    (e) => e instanceof HelixInputError && e.errors[0].line === 1,
  );
});

test('fit without input trains on data loaded before (graph.load, autoencoder.load)', async () => {
  const helix = await engine();
  const graph = helix.create('gcn-graph');
  const { nodes, edges } = helix.simulateGraphs('graph-motifs', { count: 30, seed: 8 });
  graph.load(nodes, edges);
  const s = await graph.fit({ epochs: 1, seed: 1 });
  assert.equal(s.epochsRun, 1);
  graph.dispose();
  const ae = helix.create('dae-impute');
  ae.load(matrix);
  assert.equal((await ae.fit({ epochs: 1, seed: 1 })).epochsRun, 1);
  ae.dispose();
  const sequence = helix.create('mlp-onehot');
  await assert.rejects(
    sequence.fit({ epochs: 1 }),
    (e) => e instanceof HelixInputError && e.errors[0].field === 'input',
  );
  sequence.dispose();
});

test('helix.load names the field of a file that is not a model of a known family', async () => {
  const helix = await engine();
  const field = (text) => {
    try {
      helix.load(text);
    } catch (e) {
      assert.ok(e instanceof HelixInputError, String(e));
      return [e.errors[0].field, e.message];
    }
    assert.fail(`${text} loaded`);
  };
  assert.deepEqual(field('{"format": "helix-vae"}')[0], 'format');
  assert.match(field('{"format": "helix-vae"}')[1], /format: 'helix-vae' is not one of: helix-model, .*helix\b/);
  assert.deepEqual(field('{"format": "helix", "version": 2, "family": "vae"}'), [
    'family',
    'family: "vae" is not one of: sequence, graph, autoencoder, gan',
  ]);
  assert.deepEqual(field('{"format": "helix", "version": 9, "family": "gan"}'), ['version', 'version: 9 is not 2']);
  assert.match(field('nope')[1], /not a Helix model file/);
});

test("helix.optionBounds is the engine's table of training-field bounds", async () => {
  const helix = await engine();
  const bounds = helix.optionBounds();
  assert.equal(typeof bounds, 'object');
  assert.ok(Object.keys(bounds).length > 0);
});
