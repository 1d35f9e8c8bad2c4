// js/genome/chrom-splits.js: train / valid / test by chromosome, never at random: windows of one chromosome
// overlap and share repeats, so a random split would test on near-copies of training windows. Defaults, as
// the example: valid chr8,chr9, test chr1,chr2 (written 8,9 / 1,2 for a genome named without 'chr').
import { fieldError } from '../errors.js';
import { namingStyle, unknownChromosome } from './chrom-names.js';

export const DEFAULT_VALID = ['chr8', 'chr9'];
export const DEFAULT_TEST = ['chr1', 'chr2'];

/**
 * {valid: Set, test: Set, of(chrom) -> 'train' | 'valid' | 'test'} for `genome`. `valid` and `test` are lists of
 * names matched exactly; when absent, the defaults above (in the genome's naming). A name the genome lacks or a
 * chromosome in both is an error on the option.
 */
export function chromosomeSplits(genome, { valid, test } = {}) {
  const adapt = (names) => (namingStyle(genome.names) === 'chr' ? names : names.map((n) => n.replace(/^chr/, '')));
  const pick = (given, defaults, option) => {
    const names = given ?? adapt(defaults);
    for (const name of names) {
      if (!genome.sizes.has(name)) {
        const hint = given ? '' : ` (the default --${option}; give --${option} with chromosomes of this genome)`;
        throw fieldError(option, `--${option}: ${unknownChromosome(name, genome.label, genome.names)}${hint}`);
      }
    }
    return new Set(names);
  };
  const v = pick(valid, DEFAULT_VALID, 'valid');
  const t = pick(test, DEFAULT_TEST, 'test');
  for (const name of v)
    if (t.has(name)) throw fieldError('test', `--test: ${name} is also in --valid; a chromosome belongs to one split`);
  return { valid: v, test: t, of: (chrom) => (t.has(chrom) ? 'test' : v.has(chrom) ? 'valid' : 'train') };
}
