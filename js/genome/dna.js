// js/genome/dna.js: what a window of bases is made of: its reverse complement, GC content and N count.

// Complement by character code; anything but A, C, G, T (IUPAC codes, N) becomes N.
const COMPLEMENT = new Uint8Array(256).fill(78);
for (const [a, b] of ['AT', 'CG', 'GC', 'TA']) COMPLEMENT[a.charCodeAt(0)] = b.charCodeAt(0);
const decoder = new TextDecoder();

/** The reverse complement of upper-case DNA, as one flat string (IUPAC codes other than ACGTN become N). */
export function reverseComplement(bases) {
  const n = bases.length;
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[n - 1 - i] = COMPLEMENT[bases.charCodeAt(i) & 255];
  return decoder.decode(out);
}

/** Counts of G+C, of A+C+G+T and of everything else (N and IUPAC codes) in upper-case `bases`. */
export function composition(bases) {
  let gc = 0;
  let acgt = 0;
  for (let i = 0; i < bases.length; i++) {
    const c = bases.charCodeAt(i);
    if (c === 67 || c === 71) {
      gc++;
      acgt++;
    } else if (c === 65 || c === 84) acgt++;
  }
  return { gc, acgt, n: bases.length - acgt };
}

/** GC content of the A/C/G/T bases (0 when there are none). */
export const gcContent = (bases) => {
  const { gc, acgt } = composition(bases);
  return acgt ? gc / acgt : 0;
};
