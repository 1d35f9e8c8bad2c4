// tests/wasm/export-graph-gan.test.mjs: the families the sequence-model export tests leave out. Graph models
// (gcn-node on Cora, gcn-graph on graph-motifs graphs): the exported module reads Helix's nodes and edges
// tables itself (helix_model.py read_graph: features, structural features, normalised adjacency, graph
// column) and its probabilities equal Helix's within 1e-5; the ONNX file, fed the same tensors, too. The GAN's
// generator: for given noise, Helix (Gan.generateFromNoise), PyTorch and ONNX give the same base
// probabilities within 1e-5. Weights are perturbed with seeded noise so nothing is at its initial value.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ort from 'onnxruntime-node';
import { loadHelix } from '../../js/helix.js';
import { exportPytorch, exportOnnx } from '../../js/export/index.js';
import { readHelixFile, writeHelixFile } from '../../js/export/helix-file.js';
import { readSafetensors } from '../../js/export/safetensors.js';

const PYTHON = '/usr/bin/python3';
const TOL = 1e-5;
const DATA = new URL('../../web/data/', import.meta.url);
const work = mkdtempSync(join(tmpdir(), 'helix-export-graph-'));
const helix = await loadHelix();
export const figures = [];

function rng(seed) {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

function perturbed(fileText, seed, scale = 0.2) {
  const parsed = readHelixFile(fileText),
    r = rng(seed);
  for (const w of parsed.weights.values()) for (let i = 0; i < w.data.length; i++) w.data[i] += (r() - 0.5) * scale;
  return writeHelixFile(parsed, parsed.weights);
}

async function exportTo(name, fileText) {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  const { files } = await exportPytorch(fileText);
  for (const [f, data] of Object.entries(files)) writeFileSync(join(dir, f), data);
  return dir;
}

const maxDiff = (a, b) => {
  assert.equal(a.length, b.length, `${b.length} rows, expected ${a.length}`);
  let m = 0;
  a.forEach((row, i) =>
    row.forEach((v, j) => {
      m = Math.max(m, Math.abs(v - b[i][j]));
    }),
  );
  return m;
};
const rows = (data, n) =>
  Array.from({ length: n }, (_, i) => Array.from(data.subarray((i * data.length) / n, ((i + 1) * data.length) / n)));

// The first `graphs` graphs of graph-motifs (a dense adjacency of all 12,800 nodes would not fit).
function graphMotifs(graphs) {
  const [head, ...nodes] = readFileSync(new URL('graph-motifs/nodes.tsv', DATA), 'utf8').trim().split('\n');
  const keepGraphs = [...new Set(nodes.map((l) => l.split('\t')[1]))].slice(0, graphs);
  const kept = nodes.filter((l) => keepGraphs.includes(l.split('\t')[1]));
  const ids = new Set(kept.map((l) => l.split('\t')[0]));
  const [eh, ...edges] = readFileSync(new URL('graph-motifs/edges.tsv', DATA), 'utf8').trim().split('\n');
  return {
    nodes: [head, ...kept].join('\n') + '\n',
    edges: [eh, ...edges.filter((l) => ids.has(l.split('\t')[0]))].join('\n') + '\n',
  };
}

for (const [preset, data] of [
  [
    'gcn-node',
    () => ({
      nodes: readFileSync(new URL('cora/nodes.tsv', DATA), 'utf8'),
      edges: readFileSync(new URL('cora/edges.tsv', DATA), 'utf8'),
    }),
  ],
  ['gcn-graph', () => graphMotifs(60)],
]) {
  test(`${preset}: the exported module reads Helix's tables and predicts as Helix within 1e-5 (PyTorch and ONNX)`, async () => {
    const { nodes, edges } = data();
    const built = helix.createGraphModel(preset);
    built.load(nodes, edges);
    const fileText = perturbed(built.save(), 3);
    const model = helix.loadGraphModel(fileText);
    model.load(nodes, edges);
    const ours = model.predict();
    const dir = await exportTo(preset, fileText);
    writeFileSync(join(dir, 'nodes.tsv'), nodes);
    writeFileSync(join(dir, 'edges.tsv'), edges);
    // PyTorch, and the tensors read_graph made (the ONNX model's inputs).
    const out = execFileSync(
      PYTHON,
      [
        '-c',
        `import json, torch, helix_model as hm, predict as pr
ids, p = pr.predict_graph(pr.load('weights.safetensors'), 'nodes.tsv', 'edges.tsv')
inputs, _ = hm.read_graph('nodes.tsv', 'edges.tsv', dense=True)
hm.save_safetensors(inputs, 'inputs.safetensors')
print(json.dumps({'ids': ids, 'p': p.tolist()}))`,
      ],
      { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 28 },
    );
    const torch = JSON.parse(out);
    assert.deepEqual(
      torch.ids,
      ours.map((r) => String(r.id)),
    );
    const dPt = maxDiff(
      ours.map((r) => r.probabilities),
      torch.p,
    );
    // predict.py prints what `helix predict --nodes --edges` prints (ids, classes, 6 decimals).
    const tsv = execFileSync(PYTHON, ['predict.py', '--nodes', 'nodes.tsv', '--edges', 'edges.tsv'], {
      cwd: dir,
      encoding: 'utf8',
      maxBuffer: 1 << 28,
    });
    const lines = tsv.trim().split('\n');
    assert.equal(lines[0].split('\t')[0], preset === 'gcn-graph' ? 'graph' : 'node');
    assert.equal(lines.length, ours.length + 1);
    const classes = lines.slice(1).map((l) => Number(l.split('\t')[1]));
    const agree = classes.filter((c, i) => c === ours[i].class).length;
    assert.ok(agree >= ours.length - 2, `classes agree on ${agree} of ${ours.length}`); // ties within 1e-5 may differ

    const tensors = readSafetensors(new Uint8Array(readFileSync(join(dir, 'inputs.safetensors'))));
    const { bytes } = exportOnnx(fileText);
    const session = await ort.InferenceSession.create(bytes);
    const feeds = {};
    for (const [name, t] of tensors) {
      feeds[name] =
        name === 'graph_index'
          ? new ort.Tensor(
              'int64',
              BigInt64Array.from(t.data, (v) => BigInt(v)),
              t.shape,
            )
          : new ort.Tensor('float32', t.data, t.shape);
    }
    const result = await session.run(feeds);
    const o = result[session.outputNames[0]];
    const dOnnx = maxDiff(
      ours.map((r) => r.probabilities),
      rows(o.data, ours.length),
    );
    figures.push(
      `${preset}: ${ours.length} ${preset === 'gcn-graph' ? 'graphs' : 'nodes'}, pytorch ${dPt.toExponential(1)}, onnx ${dOnnx.toExponential(1)}`,
    );
    console.log(figures.at(-1));
    assert.ok(dPt <= TOL, `${preset}: PyTorch differs from Helix by ${dPt}`);
    assert.ok(dOnnx <= TOL, `${preset}: ONNX differs from Helix by ${dOnnx}`);
    model.dispose?.();
    built.dispose?.();
  });
}

test('gan-dna generator: for given noise, Helix, PyTorch and ONNX give the same base probabilities within 1e-5', async () => {
  const fileText = perturbed(helix.createGan('gan-dna').save(), 5, 0.5);
  const gan = helix.loadGan(fileText);
  const { noise: Z, length: L } = readHelixFile(fileText).spec;
  const r = rng(21),
    count = 100;
  const noise = Array.from({ length: count }, () =>
    Array.from({ length: Z }, () => Math.fround((r() + r() + r() - 1.5) * 2)),
  );
  const ours = gan.generateFromNoise(noise);
  assert.equal(ours.length, count);
  assert.equal(ours[0].length, L);
  const flat = (p) => p.map((seq) => seq.flat());
  const dir = await exportTo('gan-dna', fileText);
  writeFileSync(join(dir, 'noise.json'), JSON.stringify(noise));
  const torch = JSON.parse(
    execFileSync(
      PYTHON,
      [
        '-c',
        `import json, torch, helix_model as hm
m = hm.build_model(); m.load_state_dict(hm.load_safetensors('weights.safetensors')); m.eval()
with torch.no_grad():
    p = m.generator(z=torch.tensor(json.load(open('noise.json')), dtype=torch.float32))['bases']
print(json.dumps(p.reshape(p.shape[0], -1).tolist()))`,
      ],
      { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 26 },
    ),
  );
  const dPt = maxDiff(flat(ours), torch);
  const session = await ort.InferenceSession.create(exportOnnx(fileText).bytes);
  const result = await session.run({
    'generator.z': new ort.Tensor('float32', Float32Array.from(noise.flat()), [count, Z]),
    'discriminator.dna': new ort.Tensor('float32', new Float32Array(L * 4).fill(0.25), [1, L, 4]),
  });
  const dOnnx = maxDiff(flat(ours), rows(result['generator.bases'].data, count));
  // Different noise gives different probabilities: the comparison is of the generator, not of a constant.
  const other = gan.generateFromNoise(noise.map((z) => z.map((v) => -v)));
  assert.ok(maxDiff(flat(ours), flat(other)) > 1e-3, 'the generator depends on its noise');
  assert.throws(() => gan.generateFromNoise([[1, 2]]), /noise\[0\]: must be 32 numbers/);
  figures.push(
    `gan-dna generator: ${count} noise vectors, pytorch ${dPt.toExponential(1)}, onnx ${dOnnx.toExponential(1)}`,
  );
  console.log(figures.at(-1));
  assert.ok(dPt <= TOL, `PyTorch differs from Helix by ${dPt}`);
  assert.ok(dOnnx <= TOL, `ONNX differs from Helix by ${dOnnx}`);
});

test('teardown', () => helix.close());
