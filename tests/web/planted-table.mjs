// tests/web/planted-table.mjs: a small labelled table for page tests: `rows` random sequences of 40 bases
// (Lehmer's generator, seeded), label 1 on every other row, where GATA (AGATAAG) is planted. 96 rows pack
// to about 1.6 KB of gzip: small enough for a shared link.
export function plantedTable(rows = 96, seed = 11) {
  let x = seed;
  const base = () => 'ACGT'[((x = (x * 48271) % 2147483647) >> 7) & 3];
  const lines = ['id\tsequence\tlabel'];
  for (let i = 0; i < rows; i++) {
    const bases = Array.from({ length: 40 }, base);
    if (i % 2) bases.splice(10 + (i % 20), 7, ...'AGATAAG');
    lines.push(`s${i}\t${bases.join('')}\t${i % 2}`);
  }
  return lines.join('\n') + '\n';
}
