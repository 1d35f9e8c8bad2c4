// bin/export-commands.mjs: `helix export` and `helix import` (js/export/): leaving Helix for PyTorch
// or ONNX and bringing trained weights back. --model / --spec take a saved Helix file (any family); a bare
// sequence-model or GAN spec (JSON without "format") is built first with its seed's initial weights.
import { readFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { HelixInputError } from '../js/helix.js';
import { writeAtomically } from './atomic-write.mjs';
import { exportPytorch, exportOnnx, importWeights, ExportError, OPSET } from '../js/export/index.js';

export const EXPORT_USAGE = `  helix export   --model model.json --format pytorch|onnx --out DIR
                 (pytorch: helix_model.py, weights.safetensors, train.py, predict.py, README.md;
                 onnx: model.onnx, opset ${OPSET}; --model: a saved Helix file, or a sequence/GAN spec)
  helix import   --from pytorch --spec model.json --weights state.safetensors|state.npz|state.pt --out model2.json`;

async function modelFileText(path, loadHelix, fail) {
  let text;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    fail(`cannot read ${path}: ${e.code === 'ENOENT' ? 'no such file' : e.message}`);
  }
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    return text;  // readHelixFile names the JSON error
  }
  if (json?.format) return text;
  const helix = await loadHelix({ threads: 1 });
  const model = json.type === 'gan' ? helix.createGan(text) : helix.createModel(text);
  const saved = model.save();
  helix.close();
  return saved;
}

/** Runs `helix export` or `helix import`; usage problems go to fail(message) (exit 2), input problems throw HelixInputError. */
export async function exportOrImport(command, args, { loadHelix, fail, quiet }) {
  try {
    if (command === 'export') {
      if (!args.model) fail('--model is required');
      if (!['pytorch', 'onnx'].includes(args.format)) fail(`--format must be pytorch or onnx, got '${args.format}'`);
      if (!args.out) fail('--out DIR is required');
      const text = await modelFileText(args.model, loadHelix, fail);
      await mkdir(args.out, { recursive: true });
      if (args.format === 'onnx') {
        const { bytes, inputs, outputs } = exportOnnx(text);
        await writeAtomically(join(args.out, 'model.onnx'), bytes);
        if (!quiet) process.stderr.write(`${join(args.out, 'model.onnx')}: ONNX opset ${OPSET}, inputs ${inputs.join(', ')}, outputs ${outputs.join(', ')}\n`);
        return;
      }
      const { files } = await exportPytorch(text);
      for (const [name, data] of Object.entries(files)) await writeAtomically(join(args.out, name), data);
      if (!quiet) process.stderr.write(`${args.out}: ${Object.keys(files).join(', ')}\n`);
      return;
    }
    if (args.from !== 'pytorch') fail(`--from must be pytorch, got '${args.from}'`);
    for (const k of ['spec', 'weights', 'out']) if (!args[k]) fail(`--${k} is required`);
    const text = await modelFileText(args.spec, loadHelix, fail);
    const bytes = new Uint8Array(await readFile(args.weights));
    await writeAtomically(args.out, await importWeights(text, bytes, args.weights));
    if (!quiet) process.stderr.write(`${args.out}: weights from ${args.weights}\n`);
  } catch (e) {
    if (e instanceof ExportError) throw new HelixInputError(e.errors);
    throw e;
  }
}
