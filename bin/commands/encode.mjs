// bin/commands/encode.mjs: `helix encode`: the latent codes of a saved autoencoder, a TSV row per cell. Each
// family that answers it says how (bin/families/).
import { familyCommand } from '../cli/family-command.mjs';

export const { usage, run } = familyCommand('encode');
