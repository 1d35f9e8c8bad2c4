// js/shipped-motifs.js: the motif database model.motifs() compares filters with when none is given: JASPAR 2020
// CORE vertebrates (js/data/SOURCES.md), read once, from the file in Node and over HTTP in a browser.
import { isNode } from './runtime.js';

export const SHIPPED_MOTIFS = {
  name: 'JASPAR2020_CORE_vertebrates_non-redundant',
  url: new URL('./data/jaspar/JASPAR2020_CORE_vertebrates_non-redundant_pfms.jaspar', import.meta.url),
};

let shippedMotifsText = null;

/** The database's text (JASPAR PFM format). */
export async function shippedMotifs() {
  if (shippedMotifsText === null) {
    if (isNode) shippedMotifsText = await (await import('node:fs/promises')).readFile(SHIPPED_MOTIFS.url, 'utf8');
    else {
      const response = await fetch(SHIPPED_MOTIFS.url);
      if (!response.ok) throw new Error(`${SHIPPED_MOTIFS.url}: HTTP ${response.status}`);
      shippedMotifsText = await response.text();
    }
  }
  return shippedMotifsText;
}
