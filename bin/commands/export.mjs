// bin/commands/export.mjs: `helix export`: a saved Helix model (any family), or a sequence/GAN spec, as a
// PyTorch project (helix_model.py, weights.safetensors, train.py, predict.py, README.md) or an ONNX file.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { exportPytorch, exportOnnx, OPSET } from '../../js/export/index.js';
import { UsageError, need } from '../cli/args.mjs';
import { modelFileText, asInputErrors } from '../cli/model-text.mjs';
import { writeAtomically } from '../cli/atomic-write.mjs';

export const usage = () => `helix export --model model.json --format pytorch|onnx --out DIR
  (pytorch: helix_model.py, weights.safetensors, train.py, predict.py, README.md;
  onnx: model.onnx, opset ${OPSET}; --model: a saved Helix file, or a sequence/GAN spec)`;

export async function run(args) {
  need(args, 'model');
  if (!['pytorch', 'onnx'].includes(args.format))
    throw new UsageError(`--format must be pytorch or onnx, got '${args.format}'`);
  if (!args.out) throw new UsageError('--out DIR is required');
  const text = await modelFileText(args.model);
  await mkdir(args.out, { recursive: true });
  await asInputErrors(async () => {
    if (args.format === 'onnx') {
      const path = join(args.out, 'model.onnx');
      const { bytes, inputs, outputs } = exportOnnx(text);
      await writeAtomically(path, bytes);
      if (!args.quiet)
        process.stderr.write(
          `${path}: ONNX opset ${OPSET}, inputs ${inputs.join(', ')}, outputs ${outputs.join(', ')}\n`,
        );
      return;
    }
    const { files } = await exportPytorch(text);
    for (const [name, data] of Object.entries(files)) await writeAtomically(join(args.out, name), data);
    if (!args.quiet) process.stderr.write(`${args.out}: ${Object.keys(files).join(', ')}\n`);
  });
}
