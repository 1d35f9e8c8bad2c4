// web/families/sequence.js: DNA sequence models (CNNs, RNNs, MLPs on one-hot DNA): a labelled table of
// sequences, checked by the engine's parser as it is typed; Predict and Explain; no result view of its own.
import { defineFamily } from './family.js';

// The default family: a preset no other family claims lands here.
export default defineFamily({
  key: 'sequence',
  explain: true,
  liveParse: true,
  fileBase: 'helix-model',
  matches: () => true,
  examples: {
    'cnn-binding': 'gata',
    'cnn-deep': 'gata',
    'mlp-onehot': 'gata',
    'rnn-order': 'order',
    'cnn-splice': 'splice',
  },
});
