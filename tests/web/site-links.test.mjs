// tests/web/site-links.test.mjs: the playground and the tutorials as `npm start` serves them (scripts/serve.mjs
// on web/, with examples/ mounted): the playground's header links the tutorials in the interface's language,
// and every tutorial links back to the playground in its own language. Followed by clicking, both ways, in
// English and in Chinese; the playground reached from a tutorial starts its engine.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { useBrowser, openPage } from './browser.mjs';

const EXAMPLES = fileURLToPath(new URL('../../examples/', import.meta.url));
const pagesIn = (dir) => readdirSync(dir).filter((f) => f.endsWith('.html'));

const chromium = useBrowser({ isolation: true });

// Clicks the link with data-testid `testid` and waits for the page it leads to.
async function follow(page, testid) {
  const href = await page.getByTestId(testid).evaluate((a) => a.href);
  await Promise.all([page.waitForURL(href), page.getByTestId(testid).click()]);
  return new URL(page.url());
}

const htmlLang = (page) => page.evaluate(() => document.documentElement.lang);

// Resolves once the playground's engine runs (its status names the WebAssembly backend, in either language).
const engineRuns = (page) =>
  page.waitForFunction(
    () => /WebAssembly/.test(document.querySelector('[data-testid=status] .engine')?.textContent ?? ''),
    null,
    { timeout: 30_000 },
  );

describe('the playground and the tutorials link each other', () => {
  test('English: playground -> tutorials -> a tutorial -> playground', { timeout: 90_000 }, async () => {
    const page = await openPage(chromium.browser, chromium.server.url);
    await engineRuns(page);
    assert.equal(await page.getByTestId('tutorials-link').innerText(), 'Tutorials');
    assert.equal((await follow(page, 'tutorials-link')).pathname, '/examples/index.html');
    assert.equal(await page.locator('h1').innerText(), 'Helix tutorials');
    await Promise.all([
      page.waitForURL('**/examples/cnn-binding.html'),
      page.getByRole('link', { name: 'A CNN for transcription-factor binding' }).click(),
    ]);
    const back = await follow(page, 'playground-link');
    assert.equal(back.pathname, '/web/');
    assert.equal(back.searchParams.get('lang'), 'en');
    await engineRuns(page);
    assert.equal(await htmlLang(page), 'en');
    assert.equal(await page.getByTestId('tutorials-link').innerText(), 'Tutorials');
    // From /web/ as from /, the header's link is the tutorials' index.
    assert.equal((await follow(page, 'tutorials-link')).pathname, '/examples/index.html');
    assert.equal((await follow(page, 'playground-link')).pathname, '/web/');
    assert.deepEqual(page.consoleErrors, []);
    await page.close();
  });

  test(
    'Chinese: the switch turns the link to the Chinese tutorials, and they lead back in Chinese',
    { timeout: 90_000 },
    async () => {
      const page = await openPage(chromium.browser, chromium.server.url);
      await engineRuns(page);
      await page.getByTestId('language-switch').selectOption('zh');
      assert.equal(await page.getByTestId('tutorials-link').innerText(), '教程');
      assert.equal((await follow(page, 'tutorials-link')).pathname, '/examples/zh/index.html');
      assert.equal(await htmlLang(page), 'zh-CN');
      assert.equal(await page.locator('h1').innerText(), 'Helix 教程');
      await Promise.all([page.waitForURL('**/examples/zh/gan.html'), page.locator('a[href="gan.html"]').click()]);
      const back = await follow(page, 'playground-link');
      assert.equal(back.pathname, '/web/');
      assert.equal(back.searchParams.get('lang'), 'zh');
      await engineRuns(page);
      assert.equal(await htmlLang(page), 'zh-CN');
      assert.equal(await page.getByTestId('tutorials-link').innerText(), '教程');
      // Switched back to English, the same link leads to the English index.
      await page.getByTestId('language-switch').selectOption('en');
      assert.equal(await page.getByTestId('tutorials-link').innerText(), 'Tutorials');
      assert.equal((await follow(page, 'tutorials-link')).pathname, '/examples/index.html');
      assert.deepEqual(page.consoleErrors, []);
      await page.close();
    },
  );

  test('every tutorial page links back to the playground in its own language', async () => {
    const page = await openPage(chromium.browser, `${chromium.server.url}examples/`);
    const pages = [
      ...pagesIn(EXAMPLES).map((file) => [`examples/${file}`, 'en']),
      ...pagesIn(`${EXAMPLES}zh/`).map((file) => [`examples/zh/${file}`, 'zh']),
    ];
    assert.ok(pages.length >= 22, `${pages.length} pages`);
    for (const [file, lang] of pages) {
      const html = await (await page.request.get(`${chromium.server.url}${file}`)).text();
      const href = html.match(/<a href="([^"]*)" data-testid="playground-link">/)?.[1];
      assert.ok(href, `${file} has a playground-link`);
      const target = new URL(href, `${chromium.server.url}${file}`);
      assert.equal(target.pathname, '/web/', file);
      assert.equal(target.searchParams.get('lang'), lang, file);
      assert.equal((await page.request.get(target.href)).status(), 200, file);
    }
    await page.close();
  });
});
