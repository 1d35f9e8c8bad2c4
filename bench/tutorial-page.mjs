#!/usr/bin/env node
// bench/tutorial-page.mjs: what a tutorial page costs a reader, in Debian's Chromium: bytes transferred (each
// response as served, and gzipped as a compressing server would send it) and the time from navigation to the
// first possible interaction (the page's DOMContentLoaded; the embedded playground's Train button enabled).
//   node bench/tutorial-page.mjs [page.html ...] [--no-isolation]      (default: every examples/ page)
import { gzipSync } from 'node:zlib';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../tests/web/browser.mjs';
import { startServer } from '../scripts/serve.mjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const args = process.argv.slice(2);
const isolation = !args.includes('--no-isolation');
const pages = args.filter((a) => !a.startsWith('--'));
const files = pages.length
  ? pages
  : readdirSync(`${ROOT}examples`)
      .filter((f) => f.endsWith('.html') && f !== 'index.html')
      .sort();

const server = await startServer({ port: 0, isolation, root: ROOT });
const browser = await launchChromium();
console.log(`| page | requests | bytes | gzip bytes | DOMContentLoaded ms | Train enabled ms |`);
console.log(`|---|---|---|---|---|---|`);
try {
  for (const file of files) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const bodies = [];
    page.on('response', async (response) => {
      if (response.status() !== 200) return;
      bodies.push(response.body().catch(() => Buffer.alloc(0)));
    });
    await page.goto(`${server.url}examples/${file}`);
    // The first playground is in view at load on every page, so it starts by itself.
    await page.waitForFunction(
      () => {
        const button = document
          .querySelector('helix-playground')
          ?.shadowRoot?.querySelector('[data-testid=train-button]');
        return button && !button.disabled;
      },
      null,
      { timeout: 120_000 },
    );
    const times = await page.evaluate(() => ({
      dom: performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd,
      ready: performance.now(),
    }));
    await page.waitForLoadState('networkidle');
    const all = await Promise.all(bodies);
    const bytes = all.reduce((sum, b) => sum + b.length, 0);
    const gzip = all.reduce((sum, b) => sum + gzipSync(b).length, 0);
    console.log(
      `| ${file} | ${all.length} | ${bytes.toLocaleString('en')} | ${gzip.toLocaleString('en')} | ${Math.round(times.dom)} | ${Math.round(times.ready)} |`,
    );
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
