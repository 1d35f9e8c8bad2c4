// web/families/index.js: the model families the page knows, in the order the model picker lists them (each
// a module beside this one: see family.js for what one holds). A new family is a module and a line here.
import sequence from './sequence.js';
import columns from './columns.js';
import multitask from './multitask.js';
import regression from './regression.js';
import profile from './profile.js';
import multimodal from './multimodal.js';
import transfer from './transfer.js';
import graph from './graph.js';
import autoencoder from './autoencoder.js';
import gan from './gan.js';
import { familyOfText } from '../../js/model-file.js';

export const FAMILIES = [
  sequence,
  columns,
  regression,
  profile,
  multitask,
  multimodal,
  transfer,
  graph,
  autoencoder,
  gan,
];

export const familyByKey = (key) => FAMILIES.find((f) => f.key === key) ?? FAMILIES[0];

// The key of a spec's family: the first family (in FAMILIES' order) that claims it by the engine's preset
// table it came from ('sequence', 'graph', ...) and its shape (see each family's `matches`), else the first
// (DNA sequence models). So an edited spec, or a preset added later, lands in the right one.
export const familyOf = (spec, table = 'sequence') =>
  (FAMILIES.find((f) => f !== FAMILIES[0] && f.matches(spec, table)) ?? FAMILIES[0]).key;

// The family a saved model file loads into: the current one when it takes that kind of model (any table
// family takes a sequence model), else the first that does. The file's kind is its envelope's family or
// its older tag's (js/model-file.js); a text that is no model file goes to the current family, whose load
// then says what is wrong with it.
export function familyForFile(text, current) {
  let engine = current.engine;
  try {
    engine = familyOfText(text, [...new Set(FAMILIES.map((f) => f.engine))]) ?? engine;
  } catch {
    // not a model file
  }
  return current.engine === engine ? current : (FAMILIES.find((f) => f.engine === engine) ?? current);
}

// The example each shipped preset starts with (keys of web/examples.js); others take their family's first.
export const DEFAULT_EXAMPLE = Object.assign({}, ...FAMILIES.map((f) => f.examples));
