// bin/commands/predict.mjs: `helix predict`: predictions of a saved model: a TSV row per sequence (streamed:
// any size), node or graph. Each family that answers it says how (bin/families/).
import { familyCommand } from '../cli/family-command.mjs';

export const { usage, run } = familyCommand('predict');
