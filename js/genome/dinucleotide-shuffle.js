// js/genome/dinucleotide-shuffle.js: a shuffle of a sequence that keeps every dinucleotide count (Altschul and
// Erickson 1985, as fasta-shuffle-letters -kmer 2 and uShuffle do): a random Eulerian path through the graph
// whose edges are the sequence's adjacent pairs. Negatives made this way keep the positives' GC and CpG
// content but lose their motifs.
import { randomInt, shuffleInPlace } from './random.js';

/** `bases` shuffled with its dinucleotide counts (and first and last letters) kept. */
export function dinucleotideShuffle(bases, random) {
  const n = bases.length;
  if (n < 3) return bases;
  const edges = new Map(); // letter -> letters that follow it, one per occurrence
  for (let i = 0; i < n - 1; i++) {
    if (!edges.has(bases[i])) edges.set(bases[i], []);
    edges.get(bases[i]).push(bases[i + 1]);
  }
  const last = bases[n - 1];
  // Each letter but the last leaves by a random "last edge"; together they must form a tree into `last`,
  // which makes the remaining walk Eulerian. Redrawn until they do (a few draws for DNA's 4-5 letters).
  const lastEdge = new Map();
  for (;;) {
    for (const [u, out] of edges) if (u !== last) lastEdge.set(u, randomInt(random, out.length));
    if ([...lastEdge.keys()].every((u) => reachesLast(u, last, lastEdge, edges))) break;
  }
  const order = new Map();
  for (const [u, out] of edges) {
    if (u === last) {
      order.set(u, shuffleInPlace([...out], random));
      continue;
    }
    const keep = out[lastEdge.get(u)];
    const rest = out.filter((_, i) => i !== lastEdge.get(u));
    order.set(u, [...shuffleInPlace(rest, random), keep]);
  }
  const next = new Map([...order.keys()].map((u) => [u, 0]));
  const out = [bases[0]];
  let u = bases[0];
  for (let i = 1; i < n; i++) {
    const k = next.get(u);
    next.set(u, k + 1);
    u = order.get(u)[k];
    out.push(u);
  }
  return out.join('');
}

function reachesLast(u, last, lastEdge, edges) {
  const seen = new Set();
  while (u !== last) {
    if (seen.has(u)) return false;
    seen.add(u);
    u = edges.get(u)[lastEdge.get(u)];
    if (u !== last && !lastEdge.has(u)) return false;
  }
  return true;
}
