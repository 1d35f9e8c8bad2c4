// js/genome/chrom-names.js: chromosome names are matched exactly (a BED's `1` is not the genome's `chr1`);
// when one is missing, the message lists the genome's names that nearly match, so the fix is plain.
//   nearMisses('1', ['chr1', 'chr2'])   -> ['chr1']
//   namingStyle(['chr1', 'chrX'])       -> 'chr'

// What a name reduces to when its common spellings are forgotten: case, a 'chr' prefix, M vs MT.
const core = (name) => {
  const n = name.toLowerCase().replace(/^chr(om(osome)?)?_?/, '');
  return n === 'm' ? 'mt' : n;
};

/** The genome's names that differ from `name` only in case, a 'chr' prefix or M/MT (at most 5). */
export function nearMisses(name, genomeNames) {
  const want = core(name);
  return genomeNames.filter((g) => g !== name && core(g) === want).slice(0, 5);
}

/** 'chr' when most names start with chr (chr1, chrX), 'plain' when they do not (1, X), for mixed-naming checks. */
export function namingStyle(names) {
  let chr = 0;
  for (const n of names) if (/^chr/i.test(n)) chr += 1;
  return chr * 2 >= names.length ? 'chr' : 'plain';
}

/** "'1' is not a chromosome of genome.fa (did you mean 'chr1'? ...)": the message for a name not found. */
export function unknownChromosome(name, genomeName, genomeNames) {
  const near = nearMisses(name, genomeNames);
  if (near.length) {
    const style =
      namingStyle(genomeNames) === 'chr'
        ? `${genomeName} names chromosomes with 'chr' (chr1, chrX)`
        : `${genomeName} names chromosomes without 'chr' (1, X)`;
    return `'${name}' is not a chromosome of ${genomeName}: did you mean ${near.map((n) => `'${n}'`).join(' or ')}? (${style}; names must match exactly)`;
  }
  const some = genomeNames.slice(0, 8).join(', ');
  return `'${name}' is not a chromosome of ${genomeName} (it has ${genomeNames.length}: ${some}${genomeNames.length > 8 ? ', ...' : ''})`;
}
