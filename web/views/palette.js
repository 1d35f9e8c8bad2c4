// web/views/palette.js: the colours the result views share: one per class (colour-blind-safe order, after
// Okabe & Ito and Tableau 10) and the probability scale of heat maps (blue 0, white 0.5, orange 1).
export const CLASS_COLORS = [
  '#0072b2',
  '#e69f00',
  '#009e73',
  '#cc79a7',
  '#56b4e9',
  '#d55e00',
  '#7a6f00',
  '#6b4c9a',
  '#8c564b',
  '#555555',
];

export const classColor = (k) => CLASS_COLORS[((k % CLASS_COLORS.length) + CLASS_COLORS.length) % CLASS_COLORS.length];

const LOW = [33, 102, 172];
const MID = [247, 247, 247];
const HIGH = [230, 124, 20];

// [r, g, b] of probability p on the diverging scale.
export function probabilityRgb(p) {
  const x = Math.max(0, Math.min(1, Number.isFinite(p) ? p : 0.5));
  const [a, b, f] = x < 0.5 ? [LOW, MID, x / 0.5] : [MID, HIGH, (x - 0.5) / 0.5];
  return a.map((v, i) => Math.round(v + (b[i] - v) * f));
}

export const probabilityColor = (p) => `rgb(${probabilityRgb(p).join(',')})`;

// The four bases, in the engine's one-hot order, with their usual logo colours.
export const BASES = ['A', 'C', 'G', 'T'];
export const BASE_COLORS = { A: '#109648', C: '#255c99', G: '#f7b32b', T: '#d62839' };
