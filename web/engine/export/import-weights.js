// web/engine/export/import-weights.js: weights trained elsewhere (PyTorch's state_dict names and layouts, as
// exportPytorch writes them, or Helix's own names) put back into a saved Helix file. Reads .safetensors and
// .npz (np.savez of the state_dict's tensors). A torch.save'd .pt is recognised and refused with the one line
// that converts it (its pickle format is not read here). Every problem names its key (state-dict.js).
import { ExportError, readHelixFile, writeHelixFile } from './helix-file.js';
import { networkOf } from './network.js';
import { helixWeightsFromTorch } from './state-dict.js';
import { readSafetensors } from './safetensors.js';
import { readNpz } from './npz.js';
import { isZip, readZip } from './zip.js';

const PT_HELP = 'a torch.save file (.pt) is not read directly: convert it with the exported helix_model.py: ' +
  'python3 -c "import torch, helix_model as hm; hm.save_safetensors(torch.load(\'state.pt\', map_location=\'cpu\'), \'state.safetensors\')"';

async function readTensors(bytes, fileName) {
  if (isZip(bytes)) {
    const names = [...(await readZip(bytes)).keys()];
    if (names.some((n) => n.endsWith('data.pkl'))) throw new ExportError([{ field: 'weights', message: `${fileName}: ${PT_HELP}` }]);
    return readNpz(bytes);
  }
  if (bytes[0] === 0x80 && bytes[1] <= 5) throw new ExportError([{ field: 'weights', message: `${fileName}: a legacy pickle file; ${PT_HELP}` }]);
  return readSafetensors(bytes);
}

/**
 * The text of `modelFileText` (a saved Helix file) with the weights of `bytes` (.safetensors or .npz) in
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
