// bin/commands/import.mjs: `helix import`: weights trained elsewhere (PyTorch: safetensors, npz or a .pt state
// dict) put into a Helix model file of the same network.
import { readFile } from 'node:fs/promises';
import { importWeights } from '../../js/export/index.js';
import { UsageError, need } from '../cli/args.mjs';
import { modelFileText, asInputErrors } from '../cli/model-text.mjs';
import { writeAtomically } from '../cli/atomic-write.mjs';

export const usage = () =>
  'helix import --from pytorch --spec model.json --weights state.safetensors|state.npz|state.pt --out model2.json';

export async function run(args) {
  if (args.from !== 'pytorch') throw new UsageError(`--from must be pytorch, got '${args.from}'`);
  for (const name of ['spec', 'weights', 'out']) need(args, name);
  const text = await modelFileText(args.spec);
  const bytes = new Uint8Array(await readFile(args.weights));
  await asInputErrors(async () => writeAtomically(args.out, await importWeights(text, bytes, args.weights)));
  if (!args.quiet) process.stderr.write(`${args.out}: weights from ${args.weights}\n`);
}
