// bin/cli/sequence-input.mjs: the shape of the commands that ask a saved sequence model about the sequences of
// --input (explain, variants): open the model, read the input, call, name the input file in an error.
import { need } from './args.mjs';
import { engine } from './engine.mjs';
import { openModel, readText, withFile } from './files.mjs';

/** `call(model, inputText)`'s answer for --model and --input. */
export async function askModel(args, call) {
  const helix = await engine(args);
  const model = await openModel(args, (text) => helix.loadModel(text));
  const inputPath = need(args, 'input');
  const text = await readText(inputPath, 'input');
  const answer = await withFile(inputPath, () => call(model, text));
  model.dispose();
  return answer;
}
