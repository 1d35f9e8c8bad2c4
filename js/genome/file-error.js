// js/genome/file-error.js: a user's mistake in a genome file as the API's HelixInputError, tagged with the file
// it is in (e.file), so the CLI prints `file: line L, column C: message` and the page names the file beside it.
import { HelixInputError } from '../errors.js';

/** A HelixInputError with one or more {line, column, field, message} errors, in the file named `file`. */
export function fileError(file, ...errors) {
  const e = new HelixInputError(errors);
  e.file = file;
  return e;
}

/** Like fileError, for an error list already collected (the first `limit`, and how many more). */
export function fileErrors(file, errors, moreErrors = 0) {
  const e = new HelixInputError(errors, moreErrors);
  e.file = file;
  return e;
}
