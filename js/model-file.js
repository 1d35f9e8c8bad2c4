// js/model-file.js: the one model-file envelope on the JS side (the C++ side: core/io/model_file). New files:
//   {"format": "helix", "version": 2, "family": "sequence" | "graph" | "autoencoder" | "gan", "spec", "weights",
//    "metadata"}
// and every file saved before it, by its own tag: "helix-model" (a sequence model), "helix-graph-model",
// "helix-autoencoder", "helix-gan". Here a file's family is found; the engine reads the rest.
import { HelixInputError } from './errors.js';

export const FORMAT = 'helix';
export const VERSION = 2;

/** The tags of files saved before the envelope, and the family each means. */
export const OLD_TAGS = {
  'helix-model': 'sequence',
  'helix-graph-model': 'graph',
  'helix-gan': 'gan',
  'helix-autoencoder': 'autoencoder',
};

export const FORMATS = [...Object.keys(OLD_TAGS), FORMAT];

const problem = (field, message) => new HelixInputError([{ field, message: `${field}: ${message}` }]);

/**
 * The family of a parsed model file (an object), by its "format" and, in the envelope, its "family" and
 * "version". `families`: the family names there are. Throws HelixInputError naming the field.
 */
export function familyOfFile(file, families) {
  const format = file?.format;
  if (OLD_TAGS[format]) return OLD_TAGS[format];
  if (format !== FORMAT) {
    const shown = typeof format === 'string' ? `'${format}'` : (JSON.stringify(format) ?? 'missing');
    throw problem('format', `${shown} is not one of: ${FORMATS.join(', ')}`);
  }
  if (file.version !== VERSION)
    throw problem('version', `${JSON.stringify(file.version) ?? 'missing'} is not ${VERSION}`);
  if (!families.includes(file.family)) {
    throw problem('family', `${JSON.stringify(file.family) ?? 'missing'} is not one of: ${families.join(', ')}`);
  }
  return file.family;
}

/**
 * The family of a model file's text, or null when the text is not JSON (the engine then names the line and
 * column where it stops). Throws HelixInputError for a JSON document that is not a model file.
 */
export function familyOfText(text, families) {
  let file;
  try {
    file = JSON.parse(text);
  } catch {
    return null;
  }
  return familyOfFile(file, families);
}
