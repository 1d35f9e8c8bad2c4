// tests/web/csp.test.mjs: every page works under the strict Content-Security-Policy that scripts/serve.mjs
// sends (default-src 'self'; script-src 'self' 'wasm-unsafe-eval': no inline script or style, no style=""
// in HTML strings, no data: or blob: URLs, no eval; WebAssembly compiles). Each page (the playground, every
// tutorial in English and Chinese) loads with its playgrounds started; the playground page and a tutorial
// train and predict. A `securitypolicyviolation` listener (installed before any page script) and the console
// (which also carries the engine worker's messages) must report no violation.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium, waitForEngine, waitForStatus } from './browser.mjs';
import { startServer, CSP } from '../../scripts/serve.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const pagesIn = (dir) =>
  readdirSync(path.join(ROOT, dir))
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((f) => `${dir}/${f}`);
const PAGES = ['web/index.html', ...pagesIn('examples'), ...pagesIn('examples/zh')];
const FASTA =
  '>peak_a\nCAATGGGGCTGTGCAGGTGGCCCCAAGGCCTCCAGCTCCACAGATAAGAATCAGAAGCACAGCCATCTCAATTAGAAAGCAATTTGAGTTATCACGCTAAT\n>other_b\nCTAAAGATATCCGCTCTTCATCTTCCTCCACTCACTCTGCAGGCACCTATTGGCTCCTTCATGCCTTTTAAAGCATATCCTGTTAATTTGGTCAGGTGTAA\n';
const CSP_MESSAGE = /Content Security Policy|Refused to (load|execute|apply|create|evaluate|connect|frame)/i;

let browser;
let server;
before(async () => {
  browser = await launchChromium();
  server = await startServer({ port: 0, isolation: true, root: ROOT }); // CSP on: the default
});
after(async () => {
  await browser?.close();
  await server?.close();
});

// Opens url with page.violations: every securitypolicyviolation event (document and shadow roots: the event
// is composed) and every console message or page error that names the policy.
async function openUnderCsp(url) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.violations = [];
  page.errors = [];
  page.on('console', (m) => {
    if (CSP_MESSAGE.test(m.text())) page.violations.push(`console: ${m.text()}`);
    else if (m.type() === 'error') page.errors.push(m.text());
  });
  page.on('pageerror', (e) => (CSP_MESSAGE.test(String(e)) ? page.violations : page.errors).push(String(e)));
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener(
      'securitypolicyviolation',
      (e) =>
        window.__violations.push(
          `${e.violatedDirective}: ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`,
        ),
      true,
    );
  });
  const response = await page.goto(url);
  assert.equal(response.headers()['content-security-policy'], CSP, `${url} is served with the policy`);
  return page;
}

const violations = async (page) => [...(await page.evaluate(() => window.__violations)), ...page.violations];

// Starts every <helix-playground> on the page (or waits for the playground page's engine).
async function startAll(page) {
  const count = await page.evaluate(() => document.querySelectorAll('helix-playground').length);
  if (!count) {
    if (await page.getByTestId('status').count()) await waitForEngine(page);
    return 0;
  }
  await page.evaluate(() => Promise.all([...document.querySelectorAll('helix-playground')].map((el) => el.ready)));
  return count;
}

describe('the pages under Content-Security-Policy: ' + CSP, () => {
  for (const file of PAGES) {
    test(`${file}: loads and starts its playgrounds with no violation`, { timeout: 120_000 }, async () => {
      const page = await openUnderCsp(`${server.url}${file}`);
      try {
        await startAll(page);
        await page.waitForTimeout(300); // a late violation (a style set after the first paint) still counts
        assert.deepEqual(await violations(page), []);
        assert.deepEqual(page.errors, []);
      } finally {
        await page.close();
      }
    });
  }

  test(
    'the playground trains, predicts, explains and draws its figures with no violation',
    { timeout: 240_000 },
    async () => {
      const page = await openUnderCsp(`${server.url}web/`);
      try {
        assert.match(await waitForEngine(page), /2 threads/, 'the threaded build runs under the policy');
        await page.waitForFunction(() => document.querySelector('[data-testid=training-input]').value.length > 1000);
        await page.getByTestId('epochs-input').fill('2');
        await page.getByTestId('train-button').click();
        await waitForStatus(page, /Trained in/, 150_000);
        assert.ok(
          Number(await page.getByTestId('loss-chart').getAttribute('data-points')) >= 2,
          'the loss chart drew its points',
        );
        await page.getByTestId('sequence-input').fill(FASTA);
        await page.getByTestId('predict-button').click();
        await waitForStatus(page, /Predicted binding for 2 sequences/, 30_000);
        assert.equal(await page.getByTestId('prediction-row').count(), 2);
        await page.getByTestId('explain-row').first().click();
        await page.waitForFunction(() => document.querySelector('[data-testid=attribution-track] svg path'), null, {
          timeout: 60_000,
        });
        const [png] = await Promise.all([page.waitForEvent('download'), page.getByTestId('ism-export-png').click()]);
        assert.match(png.suggestedFilename(), /\.png$/);
        assert.deepEqual(await violations(page), []);
        assert.deepEqual(page.errors, []);
      } finally {
        await page.close();
      }
    },
  );

  test('a tutorial playground trains and predicts with no violation', { timeout: 240_000 }, async () => {
    const page = await openUnderCsp(`${server.url}examples/cnn-binding.html`);
    try {
      const el = page.locator('helix-playground').first();
      await el.scrollIntoViewIfNeeded();
      const summary = await el.evaluate(async (node) => {
        await node.ready;
        node.shadowRoot.querySelector('[data-testid=epochs-input]').value = '2';
        const s = await node.train();
        return {
          epochsRun: s.epochsRun,
          auroc: s.test?.auroc,
          message: node.shadowRoot.querySelector('[data-testid=status] .message').textContent,
        };
      });
      assert.equal(summary.epochsRun, 2);
      assert.match(summary.message, /Trained in/);
      const rows = await el.evaluate((node, fasta) => node.predict(fasta), FASTA);
      assert.equal(rows.length, 2);
      for (const r of rows) assert.ok(r.probability >= 0 && r.probability <= 1);
      assert.deepEqual(await violations(page), []);
      assert.deepEqual(page.errors, []);
    } finally {
      await page.close();
    }
  });
});
