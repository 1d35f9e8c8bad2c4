// tests/web/privacy.test.mjs: nothing the user pastes leaves the page. Every request is recorded three ways
// (the page's 'request' events, the browser context's, which include the engine worker's, and a context route
// that sees each request before it is sent) while the playground trains, predicts, explains, finds motifs and
// scores variants, and while an embedded tutorial playground trains and predicts: all of them go to the page's
// own origin. The server sends no CSP here (csp: false), so a request to elsewhere would really be attempted
// and recorded rather than refused by the browser.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { launchChromium, waitForEngine, waitForStatus } from './browser.mjs';
import { startServer } from '../../scripts/serve.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FASTA =
  '>peak_a\nCAATGGGGCTGTGCAGGTGGCCCCAAGGCCTCCAGCTCCACAGATAAGAATCAGAAGCACAGCCATCTCAATTAGAAAGCAATTTGAGTTATCACGCTAAT\n>other_b\nCTAAAGATATCCGCTCTTCATCTTCCTCCACTCACTCTGCAGGCACCTATTGGCTCCTTCATGCCTTTTAAAGCATATCCTGTTAATTTGGTCAGGTGTAA\n';

let browser;
let server;
before(async () => {
  browser = await launchChromium();
  server = await startServer({ port: 0, isolation: true, csp: false, root: ROOT });
});
after(async () => {
  await browser?.close();
  await server?.close();
});

// A fresh context whose every request (page, workers, before sending) lands in `urls`.
async function watchedPage() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const urls = new Set();
  await context.route('**/*', (route) => {
    urls.add(route.request().url());
    return route.continue();
  });
  context.on('request', (r) => urls.add(r.url()));
  const page = await context.newPage();
  page.on('request', (r) => urls.add(r.url()));
  page.on('worker', (worker) => urls.add(worker.url()));
  return { context, page, urls };
}

// The recorded URLs not on `origin` (blob: URLs count as their creator's origin).
const foreign = (urls, origin) => [...urls].filter((u) => new URL(u.replace(/^blob:/, '')).origin !== origin);

describe("no request leaves the page's origin", () => {
  test('the playground: train, predict, explain, learned motifs, variant effects', { timeout: 240_000 }, async () => {
    const { context, page, urls } = await watchedPage();
    try {
      await page.goto(`${server.url}web/`);
      await waitForEngine(page);
      await page.waitForFunction(() => document.querySelector('[data-testid=training-input]').value.length > 1000);
      await page.getByTestId('epochs-input').fill('1');
      await page.getByTestId('train-button').click();
      await waitForStatus(page, /Trained in/, 100_000);
      await page.getByTestId('sequence-input').fill(FASTA);
      await page.getByTestId('predict-button').click();
      await waitForStatus(page, /Predicted binding for 2 sequences/, 20_000);
      await page.getByTestId('explain-row').first().click();
      await page.waitForFunction(() => document.querySelector('[data-testid=attribution-track] svg path'), null, {
        timeout: 60_000,
      });
      await page.getByTestId('motifs-button').click();
      await page.getByTestId('filter-logo').first().waitFor({ timeout: 110_000 });
      await page
        .getByTestId('variant-input')
        .fill(`id\tsequence\tposition\tref\talt\nv1\t${FASTA.split('\n')[1]}\t43\tG\tC\n`);
      await page.getByTestId('variants-button').click();
      await page.getByTestId('variant-row').first().waitFor({ timeout: 30_000 });

      // The watch saw the engine worker's own requests (its script and the wasm it fetches), not only the page's.
      assert.ok(
        [...urls].some((u) => u.endsWith('/web/engine/worker.js')),
        'the worker script was recorded',
      );
      assert.ok(
        [...urls].some((u) => u.endsWith('.wasm')),
        "the worker's wasm fetch was recorded",
      );
      assert.ok(
        [...urls].some((u) => /JASPAR2020/.test(u)),
        'the motif database fetch was recorded',
      );
      assert.deepEqual(foreign(urls, new URL(server.url).origin), []);
    } finally {
      await context.close();
    }
  });

  test('an embedded tutorial playground: train and predict', { timeout: 240_000 }, async () => {
    const { context, page, urls } = await watchedPage();
    try {
      await page.goto(`${server.url}examples/cnn-binding.html`);
      const el = page.locator('helix-playground').first();
      await el.scrollIntoViewIfNeeded();
      const summary = await el.evaluate(async (node) => {
        await node.ready;
        node.shadowRoot.querySelector('[data-testid=epochs-input]').value = '1';
        node.shadowRoot
          .querySelector('[data-testid=epochs-input]')
          .dispatchEvent(new Event('input', { bubbles: true }));
        const s = await node.train();
        return { epochsRun: s.epochsRun, n: s.test?.n };
      });
      assert.ok(summary.epochsRun >= 1, JSON.stringify(summary));
      const rows = await el.evaluate((node, fasta) => node.predict(fasta), FASTA);
      assert.equal(rows.length, 2);
      assert.ok(
        [...urls].some((u) => u.endsWith('.wasm')),
        "the worker's wasm fetch was recorded",
      );
      assert.deepEqual(foreign(urls, new URL(server.url).origin), []);
    } finally {
      await context.close();
    }
  });
});
