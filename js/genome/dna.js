// js/genome/dna.js: what a window of bases is made of: its reverse complement, GC content and N count.

const COMPLEMENT = { A: 'T', C: 'G', G: 'C', T: 'A', N: 'N' };

/** The reverse complement of upper-case DNA (IUPAC codes other than ACGTN become N). */
export function reverseComplement(bases) {
  let out = '';
  for (let i = bases.length - 1; i >= 0; i--) out += COMPLEMENT[bases[i]] ?? 'N';
  return out;
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
