// bin/commands/sample.mjs: `helix sample`: sequences from a saved GAN, as FASTA. Each family that answers it
// says how (bin/families/).
import { familyCommand } from '../cli/family-command.mjs';

export const { usage, run } = familyCommand('sample');
