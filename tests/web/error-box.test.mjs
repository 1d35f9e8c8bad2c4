// tests/web/error-box.test.mjs: how one input error reads in the page's error list (formatError): the place
// first, and a field the engine's message already starts with is not named twice.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatError } from '../../web/views/error-box.js';

test('an error reads with its place: line and column, line, or field, each named once', () => {
  assert.equal(
    formatError({ line: 3, column: 7, message: 'line 3, column 7: not a DNA letter' }),
    'line 3, column 7: not a DNA letter',
  );
  assert.equal(
    formatError({ field: 'layers[0].type', message: "layers[0].type: 'conv' is not one of: dense, conv1d" }),
    "layers[0].type: 'conv' is not one of: dense, conv1d",
  );
  assert.equal(formatError({ field: 'epochs', message: 'must be an integer >= 1' }), 'epochs: must be an integer >= 1');
  assert.equal(formatError({ message: 'the model has no weights yet' }), 'the model has no weights yet');
});
