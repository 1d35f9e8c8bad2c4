// bench/interpret/worker.mjs: runs the interpretation timings in a browser worker, as the page's engine runs.
import { loadHelix } from '../../js/helix.js';
import { measureInterpretation } from './timing.mjs';

try {
  const helix = await loadHelix();
  postMessage({ backend: helix.backend.label, rows: await measureInterpretation(helix) });
  helix.close();
} catch (e) {
  postMessage({ error: String(e?.stack ?? e) });
}
