// js/genome/gc-histogram.js: GC content in bins, for drawing negatives that match the positives' GC
// distribution, and the two-sample Kolmogorov-Smirnov statistic that says how well they match.

export const GC_BINS = 50; // bins of 0.02: narrow enough that matching bins gives a KS statistic near 0.01

/** The bin (0..GC_BINS-1) of a GC fraction in [0, 1]. */
export const gcBin = (gc) => Math.min(GC_BINS - 1, Math.floor(gc * GC_BINS));

/** Counts per bin of a list of GC fractions. */
export function gcHistogram(values) {
  const counts = new Array(GC_BINS).fill(0);
  for (const v of values) counts[gcBin(v)]++;
  return counts;
}

/** sup |F_a(x) - F_b(x)| over the empirical distribution functions of samples a and b (0 when either is empty). */
export function ksStatistic(a, b) {
  if (!a.length || !b.length) return 0;
  const x = Float64Array.from(a).sort();
  const y = Float64Array.from(b).sort();
  let i = 0;
  let j = 0;
  let d = 0;
  while (i < x.length && j < y.length) {
    const v = Math.min(x[i], y[j]);
    while (i < x.length && x[i] <= v) i++;
    while (j < y.length && y[j] <= v) j++;
    d = Math.max(d, Math.abs(i / x.length - j / y.length));
  }
  return d;
}
