// js/genome/gc-negatives.js: negatives drawn from the genome outside the peaks, with the positives' GC
// distribution: for each split, as many windows per GC bin as it has positives in that bin (times `ratio`),
// from that split's own chromosomes. Windows are read 32 at a time from a random stretch of a chromosome
// (chosen in proportion to its length), so a bin that needs rare GC costs reads, not one read per try.
import { composition } from './dna.js';
import { gcBin, GC_BINS } from './gc-histogram.js';
import { randomInt } from './random.js';

const WINDOWS_PER_READ = 32;
const TRIES_PER_WINDOW = 200; // candidate windows looked at per negative wanted, before giving up on a bin

/**
 * Negatives for one split: [{chrom, start, end, sequence, gc}] and how many could not be matched. `positiveGc`:
 * GC fractions of the split's positives; `chroms`: the split's chromosome names; `exclude`: an IntervalSet of
 * peaks; `used`: keys of windows taken already (shared across splits); onRead(found) after each read.
 */
export async function gcMatchedNegatives(
  genome,
  { positiveGc, chroms, length, ratio, maxN, exclude, random, used, signal, onRead },
) {
  const need = new Array(GC_BINS).fill(0);
  for (const gc of positiveGc) need[gcBin(gc)] += ratio;
  let remaining = need.reduce((a, b) => a + b, 0);
  const wanted = remaining;
  const pool = chroms.filter((c) => genome.sizes.get(c) >= length);
  const weights = pool.map((c) => genome.sizes.get(c));
  const total = weights.reduce((a, b) => a + b, 0);
  const out = [];
  const maxReads = Math.ceil((wanted * TRIES_PER_WINDOW) / WINDOWS_PER_READ);
  for (let reads = 0; remaining > 0 && pool.length && reads < maxReads; reads++) {
    signal?.throwIfAborted();
    const chrom = pickWeighted(pool, weights, total, random);
    const size = genome.sizes.get(chrom);
    const span = Math.min(size - (size % length), WINDOWS_PER_READ * length);
    const from = randomInt(random, size - span + 1);
    const bases = await genome.sequence(chrom, from, from + span);
    onRead?.(out.length);
    for (let k = 0; k + length <= span && remaining > 0; k += length) {
      const start = from + k;
      const key = `${chrom}:${start}`;
      if (used.has(key) || exclude.overlaps(chrom, start, start + length)) continue;
      const sequence = bases.slice(k, k + length);
      const c = composition(sequence);
      if (c.n > maxN * length) continue;
      const gc = c.acgt ? c.gc / c.acgt : 0;
      const b = gcBin(gc);
      if (need[b] <= 0) continue;
      need[b]--;
      remaining--;
      used.add(key);
      // A copy: a slice would keep the whole read (32 windows) alive for as long as the window lives.
      out.push({ chrom, start, end: start + length, sequence: flatCopy(sequence), gc });
    }
  }
  return { negatives: out, unmatched: remaining };
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const flatCopy = (s) => decoder.decode(encoder.encode(s));

function pickWeighted(items, weights, total, random) {
  let x = random() * total;
  for (let i = 0; i < items.length; i++) {
    x -= weights[i];
    if (x < 0) return items[i];
  }
  return items[items.length - 1];
}
