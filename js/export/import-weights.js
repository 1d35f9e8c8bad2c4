// js/export/import-weights.js: weights trained elsewhere (PyTorch's state_dict names and layouts, as
// exportPytorch writes them, or Helix's own names) put back into a saved Helix file. Reads .safetensors, .npz
// (np.savez of the state_dict's tensors) and torch.save'd state_dicts (.pt, torch-pickle.js). A legacy
// (pre-1.6, non-ZIP) torch.save file is refused with the line that converts it. Every problem names its key
// (state-dict.js).
import { ExportError, readHelixFile, writeHelixFile } from './helix-file.js';
import { networkOf } from './network.js';
import { helixWeightsFromTorch } from './state-dict.js';
import { readSafetensors } from './safetensors.js';
import { readNpz } from './npz.js';
import { isZip, readZip } from './zip.js';
import { readTorchStateDict } from './torch-pickle.js';

const PT_HELP =
  'a legacy torch.save file (torch < 1.6, not a ZIP) is not read: convert it with the exported helix_model.py: ' +
  "python3 -c \"import torch, helix_model as hm; hm.save_safetensors(torch.load('state.pt', map_location='cpu'), 'state.safetensors')\"";

async function readTensors(bytes, fileName) {
  if (isZip(bytes)) {
    const entries = await readZip(bytes);
    if ([...entries.keys()].some((n) => n === 'data.pkl' || n.endsWith('/data.pkl')))
      return readTorchStateDict(entries);
    return readNpz(bytes);
  }
  if (bytes[0] === 0x80 && bytes[1] <= 5)
    throw new ExportError([{ field: 'weights', message: `${fileName}: ${PT_HELP}` }]);
  return readSafetensors(bytes);
}

/**
 * The text of `modelFileText` (a saved Helix file) with the weights of `bytes` (.safetensors, .npz or .pt) in
 * place of its own; `fileName` only names the file in messages. The metadata records the import.
 * Throws ExportError: [{field, message}] naming every missing, unknown or misshapen tensor.
 */
export async function importWeights(modelFileText, bytes, fileName = 'weights') {
  const parsed = readHelixFile(modelFileText);
  const network = networkOf(parsed);
  let tensors;
  try {
    tensors = await readTensors(bytes, fileName);
  } catch (e) {
    if (e instanceof ExportError) throw e;
    throw new ExportError([{ field: 'weights', message: `${fileName}: ${e.message}` }]);
  }
  const weights = helixWeightsFromTorch(parsed, network, tensors);
  const metadata = { ...(parsed.file.metadata ?? {}), importedFrom: fileName };
  return writeHelixFile(parsed, weights, metadata);
}
