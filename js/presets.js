// js/presets.js: the built-in model specs, one table per family (js/presets/<family>.js), read by the page's model
// picker, the JS API and the CLI (`--preset NAME`). Sequence models of every kind (classifiers, regression) share
// the engine family 'sequence' and so one table.
import { PRESETS as CLASSIFIER_PRESETS } from './presets/sequence.js';
import { REGRESSION_PRESETS } from './presets/regression.js';
import { PROFILE_PRESETS } from './presets/bpnet.js';

export const PRESETS = { ...CLASSIFIER_PRESETS, ...REGRESSION_PRESETS, ...PROFILE_PRESETS };
export { GRAPH_PRESETS } from './presets/graph.js';
export { GAN_PRESETS } from './presets/gan.js';
export { AUTOENCODER_PRESETS } from './presets/autoencoder.js';
