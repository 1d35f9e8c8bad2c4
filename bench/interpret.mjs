// bench/interpret.mjs: how long an explanation takes (bench/interpret/timing.mjs says what is timed).
//   node bench/interpret.mjs              Node, threaded build, loadHelix() defaults
//   node bench/interpret.mjs --browser    also Debian's Chromium: threaded build on a cross-origin isolated
//                                         page, single-thread build on a plain page (in a worker, as the page runs it)
// Prints Markdown tables; asserts nothing.
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { loadHelix } from '../js/helix.js';
import { measureInterpretation } from './interpret/timing.mjs';

const { values } = parseArgs({ options: { browser: { type: 'boolean', default: false } } });

function table(title, rows) {
  const lines = rows.map(
    (r) => `| ${r.length} bp | ${r.ism.toFixed(1)} | ${r.ig.toFixed(1)} | ${r.saliency.toFixed(1)} |`,
  );
  return `${title}\n\n| sequence | ISM (ms) | IG, 50 steps (ms) | saliency (ms) |\n|---|---|---|---|\n${lines.join('\n')}\n\n`;
}

const helix = await loadHelix();
process.stdout.write(table(`cnn-binding, Node, ${helix.backend.label}`, await measureInterpretation(helix)));
helix.close();

if (values.browser) {
  const { launchChromium } = await import('../tests/web/browser.mjs');
  const { startServer } = await import('../scripts/serve.mjs');
  const root = fileURLToPath(new URL('..', import.meta.url));
  const browser = await launchChromium();
  for (const isolation of [true, false]) {
    const server = await startServer({ port: 0, isolation, root });
    const page = await browser.newPage();
    await page.goto(`${server.url}/bench/interpret/index.html`);
    const result = await page.evaluate(
      () =>
        new Promise((resolve) => {
          const worker = new Worker('/bench/interpret/worker.mjs', { type: 'module' });
          worker.onmessage = (e) => resolve(e.data);
          worker.onerror = (e) => resolve({ error: e.message });
        }),
    );
    if (result.error) throw new Error(result.error);
    const where = isolation ? 'cross-origin isolated page' : 'plain page';
    process.stdout.write(table(`cnn-binding, Chromium (${where}), ${result.backend}`, result.rows));
    await page.close();
    await server.close();
  }
  await browser.close();
}
