// bench/interpret-chromium.mjs: bench/interpret.mjs in Debian's Chromium: the same JS API (web/engine/helix.js,
// loadHelix() defaults) loaded by a cross-origin isolated page, so the 2-thread build runs as on the playground
// (there it runs in the worker; here in the page, which times the engine alone, not the drawing).
//   node bench/interpret-chromium.mjs   (prints a Markdown table, median of 5 runs after one warm-up; asserts nothing)
import { launchChromium, serveWeb } from '../tests/web/browser.mjs';

const browser = await launchChromium();
const server = await serveWeb({ isolation: true });
try {
  const page = await browser.newPage();
  await page.goto(server.url);
  const table = await page.evaluate(async () => {
    const { loadHelix } = await import('./engine/helix.js');
    const helix = await loadHelix();
    const model = helix.createModel('cnn-binding');
    await model.fit(helix.simulate('planted-motif', { count: 600, length: 200, seed: 1 }), { epochs: 2, seed: 1 });
    const randomDna = (n, seed) => {
      let s = seed >>> 0;
      let out = '';
      for (let i = 0; i < n; i++) {
        s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
        out += 'ACGT'[s >>> 30];
      }
      return out;
    };
    const time = (fn, runs = 5) => {
      fn(); // warm-up
      const ms = [];
      for (let i = 0; i < runs; i++) {
        const t0 = performance.now();
        fn();
        ms.push(performance.now() - t0);
      }
      return ms.sort((a, b) => a - b)[Math.floor(runs / 2)];
    };
    const rows = [200, 1000].map((L) => {
      const fasta = `>s\n${randomDna(L, L)}\n`;
      const ism = time(() => model.explain(fasta, { method: 'ism' }));
      const ig = time(() => model.explain(fasta, { method: 'ig', steps: 50 }));
      const saliency = time(() => model.explain(fasta, { method: 'saliency' }));
      return `| ${L} bp | ${ism.toFixed(1)} | ${ig.toFixed(1)} | ${saliency.toFixed(1)} |`;
    });
    model.dispose();
    return `cnn-binding, ${helix.backend.label} (Chromium ${navigator.userAgent.match(/Chrome\/([\d.]+)/)?.[1] ?? ''})\n\n| sequence | ISM (ms) | IG, 50 steps (ms) | saliency (ms) |\n|---|---|---|---|\n${rows.join('\n')}\n`;
  });
  process.stdout.write(table);
} finally {
  await browser.close();
  await server.close();
}
