// tests/wasm/cli-export.test.mjs: `helix export` and `helix import` end to end (bin/commands/export.mjs,
// import.mjs): a trained model out as a PyTorch project and an ONNX file, its weights back in, and the errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { root } from './helpers.mjs';
import { GRAPH_PRESETS } from '../../js/presets.js';

const helix = fileURLToPath(new URL('bin/helix.mjs', root));
const data = (name) => fileURLToPath(new URL(`web/data/${name}`, root));
const run = (...args) => spawnSync(process.execPath, [helix, ...args, '--threads', '1'], { encoding: 'utf8' });
const dir = mkdtempSync(join(tmpdir(), 'helix-cli-export-'));

test('helix export writes a PyTorch project and an ONNX file; helix import brings the weights back', () => {
  const model = join(dir, 'model.json');
  assert.equal(
    run(
      'train',
      '--preset',
      'cnn-binding',
      '--data',
      data('primer-motif.tsv'),
      '--epochs',
      '1',
      '--quiet',
      '--out',
      model,
    ).status,
    0,
  );
  const pt = join(dir, 'pt');
  const e = run('export', '--model', model, '--format', 'pytorch', '--out', pt);
  assert.equal(e.status, 0, e.stderr);
  for (const f of ['helix_model.py', 'weights.safetensors', 'train.py', 'predict.py', 'README.md'])
    assert.ok(existsSync(join(pt, f)), f);
  const onnx = run('export', '--model', model, '--format', 'onnx', '--out', join(dir, 'onnx'));
  assert.equal(onnx.status, 0, onnx.stderr);
  assert.match(onnx.stderr, /model\.onnx: ONNX opset \d+, inputs dna, outputs label/);
  const back = join(dir, 'back.json');
  const i = run(
    'import',
    '--from',
    'pytorch',
    '--spec',
    model,
    '--weights',
    join(pt, 'weights.safetensors'),
    '--out',
    back,
  );
  assert.equal(i.status, 0, i.stderr);
  const predict = (m) => run('predict', '--model', m, '--input', data('gata-predict.fa')).stdout;
  assert.equal(predict(back), predict(model));
});

test('helix export and import: usage errors exit 2, a spec without its data exits 1, nothing is written', () => {
  const out = join(dir, 'never');
  assert.match(
    run('export', '--model', 'm.json', '--format', 'xml', '--out', out).stderr,
    /--format must be pytorch or onnx, got 'xml'/,
  );
  assert.equal(run('export', '--format', 'onnx', '--out', out).status, 2);
  const i = run('import', '--from', 'tensorflow', '--spec', 'm.json', '--weights', 'w', '--out', out);
  assert.equal(i.status, 2);
  assert.match(i.stderr, /--from must be pytorch/);
  const gcn = join(dir, 'gcn.json');
  writeFileSync(gcn, JSON.stringify(GRAPH_PRESETS['gcn-node']));
  const g = run('export', '--model', gcn, '--format', 'onnx', '--out', out);
  assert.equal(g.status, 1);
  assert.match(g.stderr, /load a graph before saving/);
  assert.deepEqual(existsSync(out) ? readdirSync(out) : [], []);
});
