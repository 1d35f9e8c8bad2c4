// js/genome/narrow-peak.js: where a peak's window goes. A narrowPeak line's 10th column is the summit's offset
// from the peak's start (-1: no summit); ENCODE's peak callers put the strongest signal there, so a window is
// centred on it. Other regions are centred on their middle.
//   windowAround({start: 100, end: 300, peak: 40}, 100, 1000) -> {start: 90, end: 190, centre: 140}

/** The base a region's window is centred on: its summit when it has one, else its middle (rounded down). */
export const centreOf = (r) =>
  r.peak !== undefined && r.peak >= 0 ? r.start + r.peak : Math.floor((r.start + r.end) / 2);

/** The window of `length` bases centred on the region (the extra base of an even length to the right), or null when it
 * would leave the chromosome (`chromLength` bases). */
export function windowAround(r, length, chromLength) {
  const centre = centreOf(r);
  const start = centre - Math.floor(length / 2);
  const end = start + length;
  return start < 0 || end > chromLength ? null : { start, end, centre };
}

/** Checks the summit column of a narrowPeak line: -1, or an offset inside the peak. Returns a message or null. */
export function summitProblem(peak, start, end) {
  if (!Number.isInteger(peak) || peak < -1) return `summit offset '${peak}' is not a whole number ≥ -1`;
  if (peak >= end - start) return `summit offset ${peak} is past the peak's end (the peak has ${end - start} bases)`;
  return null;
}
