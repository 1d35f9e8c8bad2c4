// js/presets.js: the built-in model specs, one table per family (js/presets/<family>.js), read by the page's model
// picker, the JS API and the CLI (`--preset NAME`).
export { PRESETS } from './presets/sequence.js';
export { GRAPH_PRESETS } from './presets/graph.js';
export { GAN_PRESETS } from './presets/gan.js';
export { AUTOENCODER_PRESETS } from './presets/autoencoder.js';
