// bin/commands/evaluate.mjs: `helix evaluate`: a saved model's scores on labelled data, as JSON. Each family
// that answers it says how (bin/families/).
import { familyCommand } from '../cli/family-command.mjs';

export const { usage, run } = familyCommand('evaluate');
