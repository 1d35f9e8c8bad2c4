// web/families/multimodal.js: DNA plus numeric columns in one table; Predict takes rows of such a table.
import { defineFamily } from './family.js';

export default defineFamily({ key: 'multimodal', explain: true, predictFrom: 'rows' });
