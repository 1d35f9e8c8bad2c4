// tests/web/offline.test.mjs: after one visit of the playground (served as `npm start` serves it), the service
// worker (web/sw.js) holds the engine, the pages and the shipped examples: with the server stopped and the
// browser context offline, the playground reloads and trains, and two tutorials never visited (one English,
// one Chinese) load and train too. Then, online again with a changed file, the next visit picks the change up.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium, waitForStatus } from './browser.mjs';
import { startServer } from '../../scripts/serve.mjs';

// Resolves once the playground's engine runs (its status names the WebAssembly backend, in either language).
const engineRuns = (page) =>
  page.waitForFunction(
    () => /WebAssembly/.test(document.querySelector('[data-testid=status] .engine')?.textContent ?? ''),
    null,
    { timeout: 60_000 },
  );

// Resolves once the service worker controls the page and has cached the whole set (offline-files.json is
// cached last); returns how many files the set holds. Fails after 120 s.
const offlineReady = (page) =>
  page.evaluate(async () => {
    for (const t0 = Date.now(); Date.now() - t0 < 120_000;) {
      const list = await caches.match(new URL('/offline-files.json', location.href).href);
      if (list && navigator.serviceWorker.controller) return (await list.json()).files.length;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error('after 120 s, no service worker controls the page with offline-files.json cached');
  });

// Resolves once the cached /web/index.html holds `marker`. Fails after 120 s.
const cachedIndexHolds = (page, marker) =>
  page.evaluate(async (marker) => {
    for (const t0 = Date.now(); Date.now() - t0 < 120_000;) {
      const cached = await caches.match(new URL('/web/index.html', location.href).href);
      if (cached && (await cached.text()).includes(marker)) return;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`after 120 s, the cached web/index.html does not hold ${marker}`);
  }, marker);

// Trains every <helix-playground> of a tutorial page for one epoch: [{preset, error, epochsRun, stepsRun}].
const trainTutorial = (page) =>
  page.evaluate(async () => {
    const runs = [];
    for (const el of document.querySelectorAll('helix-playground')) {
      el.scrollIntoView();
      await el.ready;
      el.shadowRoot.querySelector('[data-testid=epochs-input]').value = '1';
      const s = await el.train();
      runs.push({ preset: el.preset, error: s?.error ?? null, epochsRun: s?.epochsRun, stepsRun: s?.stepsRun });
    }
    return runs;
  });

// A copy of web/ to serve, so that the update step can change a file without touching the repository's.
const webCopy = mkdtempSync(path.join(tmpdir(), 'helix-offline-web-'));
cpSync(fileURLToPath(new URL('../../web/', import.meta.url)), webCopy, { recursive: true });
after(() => rmSync(webCopy, { recursive: true, force: true }));

test('after one visit, the playground and two tutorials load and train offline', { timeout: 300_000 }, async () => {
  let server = await startServer({ port: 0, root: webCopy });
  const port = new URL(server.url).port;
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(server.url);
    await engineRuns(page);
    const t0 = performance.now();
    const files = await offlineReady(page);
    assert.ok(files > 150, `${files} files cached`);
    console.log(
      `# offline set: ${files} files cached ${((performance.now() - t0) / 1000).toFixed(1)} s after the engine ran`,
    );
    assert.deepEqual(errors, [], 'online, the first visit');

    // Offline: the server gone and the context cut off.
    await server.close();
    await context.setOffline(true);
    await page.reload();
    await engineRuns(page);
    await page.getByTestId('epochs-input').fill('1');
    await page.getByTestId('train-button').click();
    await waitForStatus(page, /Trained in/, 120_000);

    for (const [tutorial, heading] of [
      ['examples/single-vs-multi-layer.html', /Single-layer vs multi-layer/],
      ['examples/zh/early-stopping.html', /早停/],
    ]) {
      await page.goto(`${server.url}${tutorial}`);
      assert.match(await page.locator('h1').innerText(), heading, tutorial);
      const runs = await trainTutorial(page);
      assert.ok(runs.length >= 1, tutorial);
      for (const run of runs) {
        assert.equal(run.error, null, `${tutorial} ${run.preset}`);
        assert.ok((run.epochsRun ?? run.stepsRun) >= 1, `${tutorial} ${run.preset}: ${JSON.stringify(run)}`);
      }
    }
    // Offline, failed fetches of files not cached would show here (each a console error).
    assert.deepEqual(errors, [], 'offline');

    // Online again, the same port, a changed page: the next visit shows it, and caches it for offline.
    const index = path.join(webCopy, 'index.html');
    writeFileSync(
      index,
      readFileSync(index, 'utf8').replace('</head>', '<meta name="helix-test" content="updated" /></head>'),
    );
    server = await startServer({ port: Number(port), root: webCopy });
    await context.setOffline(false);
    await page.goto(server.url);
    await engineRuns(page);
    // (the page asked the service worker to refresh: the list's version changed, so the whole set is cached again)
    await cachedIndexHolds(page, 'helix-test');
    await server.close();
    await context.setOffline(true);
    for (const url of [server.url, `${server.url}web/`]) {
      await page.goto(url);
      await engineRuns(page);
      assert.equal(await page.locator('meta[name=helix-test]').getAttribute('content'), 'updated', url);
    }
  } finally {
    await browser.close();
    await server.close().catch(() => {});
  }
});
