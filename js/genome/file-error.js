// js/genome/file-error.js: a user's mistake in a genome file as the API's HelixInputError, tagged with the file
// it is in (e.file), so the CLI prints `file: line L, column C: message` (or `file: field: message` for a problem
// of the whole file) and the page names the file beside it.
import { HelixInputError } from '../errors.js';

// An error without a line says its field first, as the engine's field errors do ("index: ...").
const located = (e) =>
  e.line === undefined && e.field && !e.message.startsWith(`${e.field}: `)
    ? { ...e, message: `${e.field}: ${e.message}` }
    : e;

/** A HelixInputError with one or more {line, column, field, message} errors, in the file named `file`. */
export function fileError(file, ...errors) {
  return fileErrors(file, errors);
}

/** Like fileError, for an error list already collected (the first `limit`, and how many more). */
export function fileErrors(file, errors, moreErrors = 0) {
  const e = new HelixInputError(errors.map(located), moreErrors);
  e.file = file;
  return e;
}
