// js/genome/random.js: the seeded random numbers of dataset building (mulberry32: 32-bit state, fast, and the
// same sequence in every browser and Node), so one seed gives one dataset, byte for byte.

/** A function returning uniform numbers in [0, 1), the same sequence for the same integer seed. */
export function seededRandom(seed) {
  let a = (seed >>> 0) ^ 0x9e3779b9;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A whole number in [0, n). */
export const randomInt = (random, n) => Math.floor(random() * n);

/** Shuffles `items` in place (Fisher-Yates) and returns it. */
export function shuffleInPlace(items, random) {
  for (let i = items.length - 1; i > 0; i--) {
    const j = randomInt(random, i + 1);
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}
