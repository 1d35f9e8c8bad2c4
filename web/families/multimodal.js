// web/families/multimodal.js: DNA plus numeric columns in one table; Predict takes rows of such a table.
import { defineFamily, inputTypes } from './family.js';

export default defineFamily({
  key: 'multimodal',
  explain: true,
  predictFrom: 'rows',
  matches: (spec, table) => table === 'sequence' && inputTypes(spec).has('dna') && inputTypes(spec).has('features'),
  examples: { multimodal: 'multimodal' },
});
