// web/families/sequence.js: DNA sequence models (CNNs, RNNs, MLPs on one-hot DNA): a labelled table of
// sequences, checked by the engine's parser as it is typed; Predict and Explain; no result view of its own.
import { defineFamily } from './family.js';

export default defineFamily({ key: 'sequence', explain: true, liveParse: true, fileBase: 'helix-model' });
