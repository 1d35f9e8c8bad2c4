// tests/wasm/export-torch-pickle.test.mjs: torch.save'd state_dicts (.pt) read in JS (js/export/
// torch-pickle.js), with files written by Debian's python3-torch. Round trip: Helix -> exported module ->
// torch loads the weights -> torch.save(state_dict) -> helix import -> the same predictions as before, and as
// PyTorch's after a change made in PyTorch. Anything torch.save can write that is not a state_dict of float32
// tensors is an error naming what was found.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadHelix } from '../../js/helix.js';
import { exportPytorch, importWeights } from '../../js/export/index.js';
import { readZip } from '../../js/export/zip.js';
import { readTorchStateDict } from '../../js/export/torch-pickle.js';
import { readHelixFile } from '../../js/export/helix-file.js';

const PYTHON = '/usr/bin/python3';
const work = mkdtempSync(join(tmpdir(), 'helix-pt-'));
const helix = await loadHelix();
const python = (code, cwd = work) => execFileSync(PYTHON, ['-c', code], { cwd, encoding: 'utf8', maxBuffer: 1 << 26 });
const readPt = async (path) => readTorchStateDict(await readZip(new Uint8Array(readFileSync(path))));

const SEQS =
  [
    'ACGTACGTTTGACCAGGTACGATCGATCGGGATCCATGCAAAGTCGATCGA',
    'TTTTGGGGCCCCAAAATTTTGGGGCCCCAAAATTTTGGGGCCCCAAAATTTT',
    'GATTACAGATTACAGATTACAGATTACAGATTACAGATTACAGATTACAGA',
  ]
    .map((s, i) => `>s${i}\n${s}`)
    .join('\n') + '\n';

test('float32 and int64 tensors, strided views and the OrderedDict metadata read as torch wrote them', async () => {
  python(`import torch
m = torch.nn.Sequential(torch.nn.Linear(3, 2), torch.nn.BatchNorm1d(2))
sd = m.state_dict()
sd['view'] = torch.arange(12, dtype=torch.float32).reshape(3, 4).t()[1:]   # strided, offset into its storage
sd['scalar'] = torch.tensor(2.5)
torch.save(sd, 'a.pt')
with open('a.json', 'w') as f:
    import json; json.dump({k: v.flatten().tolist() for k, v in sd.items()}, f)`);
  const tensors = await readPt(join(work, 'a.pt'));
  const want = JSON.parse(readFileSync(join(work, 'a.json'), 'utf8'));
  assert.deepEqual([...tensors.keys()], Object.keys(want));
  for (const [k, t] of tensors)
    assert.deepEqual(
      Array.from(t.data),
      want[k].map((v) => Math.fround(v)),
      k,
    );
  assert.deepEqual(tensors.get('view').shape, [3, 3]);
  assert.deepEqual(tensors.get('scalar').shape, []);
  assert.equal(tensors.get('1.num_batches_tracked').dtype, 'I64');
});

test('anything but a state_dict of float32 tensors is an error naming what was found', async () => {
  const cases = [
    [
      "torch.save({'w': torch.zeros(2, dtype=torch.float64)}, 'f64.pt')",
      'f64.pt',
      /w: storage type torch\.DoubleStorage/,
    ],
    ["torch.save({'w': 3}, 'int.pt')", 'int.pt', /w: holds number, not a tensor/],
    ["torch.save([torch.zeros(2)], 'list.pt')", 'list.pt', /holds a tuple\/list, not a state_dict/],
    [
      "import numpy as np; torch.save({'w': np.zeros(2)}, 'np.pt')",
      'np.pt',
      /found global numpy\.core\.multiarray\._reconstruct/,
    ],
    ["torch.save(torch.nn.Linear(2, 1), 'module.pt')", 'module.pt', /found global torch\.nn\.modules\.linear\.Linear/],
  ];
  for (const [code, file, pattern] of cases) {
    python(`import torch\n${code}`);
    await assert.rejects(readPt(join(work, file)), pattern, file);
  }
});

test('round trip: Helix -> PyTorch -> torch.save -> helix import: unchanged weights predict the same, changed ones as PyTorch', async () => {
  const model = helix.createModel('cnn-binding');
  const fileText = model.save();
  const dir = join(work, 'export');
  mkdirSync(dir, { recursive: true });
  const { files } = await exportPytorch(fileText);
  for (const [f, data] of Object.entries(files)) writeFileSync(join(dir, f), data);
  writeFileSync(join(dir, 'seqs.fa'), SEQS);
  // torch loads the exported weights and saves them with torch.save; a second file has conv1 scaled by 1.5.
  python(
    `import torch, helix_model as hm
m = hm.build_model(); m.load_state_dict(hm.load_safetensors('weights.safetensors'))
torch.save(m.state_dict(), 'same.pt')
with torch.no_grad(): m.conv1.weight.mul_(1.5)
torch.save(m.state_dict(), 'changed.pt')`,
    dir,
  );
  const before = model.predict(SEQS).map((r) => r.probability);
  const same = await importWeights(fileText, new Uint8Array(readFileSync(join(dir, 'same.pt'))), 'same.pt');
  const w0 = readHelixFile(fileText).weights,
    w1 = readHelixFile(same).weights;
  for (const [k, w] of w0)
    assert.deepEqual(Array.from(w1.get(k).data), Array.from(w.data), `${k} comes back bit for bit`);
  assert.deepEqual(
    helix
      .loadModel(same)
      .predict(SEQS)
      .map((r) => r.probability),
    before,
  );

  const changed = await importWeights(fileText, new Uint8Array(readFileSync(join(dir, 'changed.pt'))), 'changed.pt');
  const helixChanged = helix
    .loadModel(changed)
    .predict(SEQS)
    .map((r) => r.probability);
  const torchTsv = execFileSync(PYTHON, ['predict.py', '--input', 'seqs.fa', '--weights', 'changed.pt'], {
    cwd: dir,
    encoding: 'utf8',
  });
  const torchChanged = torchTsv
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => Number(l.split('\t')[1]));
  assert.ok(
    helixChanged.some((p, i) => Math.abs(p - before[i]) > 1e-4),
    'the changed conv1 changes the predictions',
  );
  helixChanged.forEach((p, i) =>
    assert.ok(Math.abs(p - torchChanged[i]) <= 1.5e-6, `record ${i}: Helix ${p}, PyTorch ${torchChanged[i]}`),
  );
});

test('teardown', () => helix.close());
