// js/families/gan.js: generative adversarial networks for DNA (GanSession, core/api/gan_session.hpp; one
// generator step per engine call). Trained on sequences (text); the extras: sample, generateFromNoise,
// motifEnrichment.
import { GAN_PRESETS } from '../presets.js';
import { answer } from '../errors.js';
import { Session } from '../session.js';
import { registerFamily } from './registry.js';

export class Gan extends Session {
  static family = 'gan';

  // fit(text, options): adversarial training on sequences (FASTA, a table with a sequence column, or one per
  // line), each exactly spec.length bases. Options: epochs, steps, batchSize, dSteps, learningRate (both
  // networks), seed (fresh weights: same seed, same run), motif (its enrichment in samples is reported at the
  // end); onProgress({type, step, steps, epoch, dLoss, gLoss, dReal, dFake, seconds}) per step (type 'batch', or
  // 'epoch' for an epoch's last step: the one event schema of every family); signal cancels
  // between steps. Resolves to {stepsRun, steps, epochs, cancelled, history, enrichment, records, seconds}
  // (and `error` if a loss became NaN). Throws HelixInputError for bad sequences or options.

  /**
   * n generated sequences: {sequences, composition} where composition[l] = [A, C, G, T] shares at position l.
   * Options: seed (default 1: same seed, same sequences), temperature (default 1: each base drawn from the
   * generator's probabilities; lower is sharper; 0 takes the most probable base). Throws HelixInputError.
   */
  sample(n, { seed, temperature } = {}) {
    return answer(this.session.sample(n, JSON.stringify({ seed, temperature })));
  }

  /**
   * The generator's base probabilities for given noise (no sampling): `noise` is an array of rows of
   * spec.noise numbers; returns [[[A, C, G, T] per position] per row]. Throws HelixInputError naming the cell.
   */
  generateFromNoise(noise) {
    return answer(this.session.generateFromNoise(JSON.stringify(noise))).probabilities;
  }

  /**
   * How often `motif` occurs in `count` (default 1000) samples against the same samples each shuffled (same
   * bases): {motif, sequences, observed, withMotif, shuffled, shuffles, ratio, strands}. Options: seed,
   * temperature (as sample()), strands ('forward', the default, or 'both'), shuffles (default 10).
   */
  motifEnrichment(motif, { count = 1000, ...options } = {}) {
    return answer(this.session.motifEnrichment(motif, count, JSON.stringify(options)));
  }
}

registerFamily({
  name: 'gan',
  Session: Gan,
  engineClass: 'GanSession',
  presets: GAN_PRESETS,
  matchesSpec: (spec) => spec.type === 'gan',
});
