// js/errors.js: how the JS API reports a user's mistake (HelixInputError: each problem with its line, column
// and field), and the one reader of the engine's JSON answers, which all carry `errors`.

/** An input problem: `errors` lists {line, column, field, message}, each message ready to show. */
export class HelixInputError extends Error {
  constructor(errors, moreErrors = 0) {
    const first = errors[0]?.message ?? 'invalid input';
    const rest = errors.length - 1 + moreErrors;
    super(rest > 0 ? `${first} (and ${rest} more)` : first);
    this.name = 'HelixInputError';
    this.errors = errors;
    this.moreErrors = moreErrors;
  }
}

/**
 * An engine answer (JSON text) as an object without its `errors` and `moreErrors`, or HelixInputError when it
 * has errors. `source`: the answer names which text the errors are in (copied onto the error).
 */
export function answer(text) {
  const r = JSON.parse(text);
  if (r.errors?.length) {
    const e = new HelixInputError(r.errors, r.moreErrors ?? 0);
    if (r.source !== undefined) e.source = r.source;
    throw e;
  }
  delete r.errors;
  delete r.moreErrors;
  return r;
}

/** An error about one field of what the caller passed (a preset name, a format, options). */
export const fieldError = (field, message) => new HelixInputError([{ field, message }]);
