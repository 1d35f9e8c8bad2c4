// js/families/index.js: every model family of the JS API. Each module registers itself (registry.js); adding
// a family is one file in this folder and one line here.
import './sequence.js';
import './graph.js';
import './autoencoder.js';
import './gan.js';

export { familyNamed, familyNames, familyOfPreset, familyOfSpec } from './registry.js';
export { SequenceModel } from './sequence.js';
export { GraphModel } from './graph.js';
export { Autoencoder } from './autoencoder.js';
export { Gan } from './gan.js';
