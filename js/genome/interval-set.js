// js/genome/interval-set.js: the peaks as sorted, merged intervals per chromosome, so a candidate negative window
// is tested for overlap by binary search.

export class IntervalSet {
  #byChrom = new Map(); // chrom -> {starts, ends}: merged, sorted

  /** From [{chrom, start, end}] (0-based, half-open). */
  constructor(intervals) {
    const groups = new Map();
    for (const r of intervals) {
      if (!groups.has(r.chrom)) groups.set(r.chrom, []);
      groups.get(r.chrom).push([r.start, r.end]);
    }
    for (const [chrom, list] of groups) {
      list.sort((a, b) => a[0] - b[0]);
      const starts = [];
      const ends = [];
      for (const [s, e] of list) {
        if (ends.length && s <= ends[ends.length - 1]) ends[ends.length - 1] = Math.max(ends[ends.length - 1], e);
        else {
          starts.push(s);
          ends.push(e);
        }
      }
      this.#byChrom.set(chrom, { starts, ends });
    }
  }

  /** Whether [start, end) of `chrom` overlaps any interval. */
  overlaps(chrom, start, end) {
    const set = this.#byChrom.get(chrom);
    if (!set) return false;
    // The last interval starting before `end`: it overlaps when it ends after `start`.
    let lo = 0;
    let hi = set.starts.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (set.starts[mid] < end) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found >= 0 && set.ends[found] > start;
  }
}
