// bin/cli/model-text.mjs: the saved-model text that `helix export` and `helix import` work on (js/export/):
// a saved Helix file of any family as it is, or a bare spec (JSON without "format") built first, with its
// seed's initial weights, by the family whose spec it is (helix.create).
import { readFile } from 'node:fs/promises';
import { HelixInputError, loadHelix } from '../../js/helix.js';
import { ExportError } from '../../js/export/index.js';
import { UsageError } from './args.mjs';

/** The text of the Helix file (or spec) at `path`, as a saved file. */
export async function modelFileText(path) {
  let text;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read ${path}: ${e.code === 'ENOENT' ? 'no such file' : e.message}`);
  }
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    return text; // readHelixFile names the JSON error
  }
  if (json?.format) return text;
  const helix = await loadHelix({ threads: 1 });
  const model = helix.create(text); // the family whose spec it is
  const saved = model.save();
  helix.close();
  return saved;
}

/** Runs fn; the exporters' errors (ExportError) become input errors, printed as the engine's are. */
export async function asInputErrors(fn) {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof ExportError) throw new HelixInputError(e.errors);
    throw e;
  }
}
