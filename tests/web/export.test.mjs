// tests/web/export.test.mjs: the page's "Export for PyTorch", "Export for ONNX" and "Import weights" buttons in
// Debian's Chromium. Train cnn-binding briefly, export both (the .zip's files; the .onnx is a ModelProto that
// onnxruntime-node opens), import the exported weights back (predictions unchanged, "no layer changed"),
// import a copy with conv1 scaled (the status names conv1; predictions move), and a file missing a tensor
// (the model panel's error box names it). Run: node --test --test-concurrency=1 tests/web/export.test.mjs
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ort from 'onnxruntime-node';
import { launchChromium, serveWeb, openPage, screenshot, waitForEngine, waitForStatus } from './browser.mjs';
import { readZip } from '../../js/export/zip.js';
import { readSafetensors, writeSafetensors } from '../../js/export/safetensors.js';

let browser;
let server;
const work = mkdtempSync(join(tmpdir(), 'helix-web-export-'));
before(async () => {
  browser = await launchChromium();
  server = await serveWeb({ isolation: true });
});
after(async () => {
  await server?.close();
  await browser?.close();
});

async function download(page, testid) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()]);
  return { name: file.suggestedFilename(), bytes: new Uint8Array(readFileSync(await file.path())) };
}

async function importFile(page, path) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('import-weights').click()]);
  await chooser.setFiles(path);
}

async function predictions(page) {
  await page.getByTestId('predict-button').click();
  await waitForStatus(page, /Predicted binding for 12 sequences/, 20_000);
  return (await page.locator('[data-testid=prediction-row] .value').allInnerTexts()).map(Number);
}

test('export for PyTorch and ONNX, then import weights back', { timeout: 240_000 }, async () => {
  const page = await openPage(browser, server.url);
  await waitForEngine(page);
  for (const id of ['export-pytorch', 'export-onnx', 'import-weights'])
    assert.equal(await page.getByTestId(id).isDisabled(), true, `${id} waits for a model`);
  await page.waitForFunction(() => document.querySelector('[data-testid=training-input]').value.length > 1000);
  await page.getByTestId('epochs-input').fill('2');
  await page.getByTestId('train-button').click();
  await waitForStatus(page, /Trained in/, 150_000);
  const example = await page.evaluate(() => fetch('data/gata-predict.fa').then((r) => r.text()));
  await page.getByTestId('sequence-input').fill(example);
  const trained = await predictions(page);

  const zip = await download(page, 'export-pytorch');
  assert.equal(zip.name, 'helix-model-pytorch.zip');
  const entries = await readZip(zip.bytes);
  assert.deepEqual([...entries.keys()].map((n) => n.replace('helix-model-pytorch/', '')).sort(), [
    'README.md',
    'helix_model.py',
    'predict.py',
    'torchrun.py',
    'train.py',
    'weights.safetensors',
  ]);
  assert.match(
    new TextDecoder().decode(entries.get('helix-model-pytorch/helix_model.py')),
    /class HelixNet\(nn\.Module\)/,
  );

  const onnx = await download(page, 'export-onnx');
  assert.equal(onnx.name, 'helix-model.onnx');
  assert.ok(onnx.bytes.length > 1000, `${onnx.bytes.length} bytes`);
  // ModelProto: field 1 (ir_version, varint) first, then field 2 (producer_name, "helix").
  assert.deepEqual([...onnx.bytes.subarray(0, 4)], [0x08, 8, 0x12, 5]);
  const session = await ort.InferenceSession.create(onnx.bytes);
  assert.deepEqual(session.inputNames, ['dna']);

  // The exported weights come back: nothing changes.
  const weights = entries.get('helix-model-pytorch/weights.safetensors');
  writeFileSync(join(work, 'weights.safetensors'), weights);
  await importFile(page, join(work, 'weights.safetensors'));
  await waitForStatus(page, /Imported weights from weights\.safetensors: no layer changed/, 20_000);
  assert.deepEqual(await predictions(page), trained);

  // conv1 scaled by 1.5 in "PyTorch": the status names conv1 alone, and the predictions move.
  const tensors = readSafetensors(weights);
  tensors.get('conv1.weight').data.forEach((v, i, a) => {
    a[i] = v * 1.5;
  });
  writeFileSync(join(work, 'scaled.safetensors'), writeSafetensors(tensors));
  await importFile(page, join(work, 'scaled.safetensors'));
  await waitForStatus(page, /Imported weights from scaled\.safetensors: 1 changed \(conv1\)/, 20_000);
  const scaled = await predictions(page);
  assert.ok(
    scaled.some((p, i) => p !== trained[i]),
    'the imported conv1 is used',
  );

  // A file missing a tensor: the error box names it, and the model keeps its weights.
  tensors.delete('fc1.bias');
  writeFileSync(join(work, 'broken.safetensors'), writeSafetensors(tensors));
  await importFile(page, join(work, 'broken.safetensors'));
  await waitForStatus(page, /Could not import weights from broken\.safetensors/, 20_000);
  assert.match(await page.getByTestId('model-error').innerText(), /fc1\.bias: missing/);
  assert.deepEqual(await predictions(page), scaled);

  // The originals again: the first predictions.
  await importFile(page, join(work, 'weights.safetensors'));
  await waitForStatus(page, /Imported weights from weights\.safetensors: 1 changed \(conv1\)/, 20_000);
  assert.equal(await page.getByTestId('model-error').isHidden(), true);
  assert.deepEqual(await predictions(page), trained);
  await screenshot(page, 'export-import');
  assert.deepEqual(page.consoleErrors, []);
  await page.close();
});
