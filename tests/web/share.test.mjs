// tests/web/share.test.mjs: a shared link reproduces a run. One page sets a preset, edits its spec, changes
// every setting and pastes a small table; "Copy link" gives a URL whose hash holds all of it. A fresh page
// opened on that URL shows the same setup and, trained, reports the same test figures (same seed). A table
// too large for a link is named as left out, on both ends.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, openPage, screenshot, waitForEngine, waitForStatus, statusText } from './browser.mjs';
import { plantedTable } from './planted-table.mjs';

const SETTINGS = { 'epochs-input': '6', 'learning-rate-input': '0.005', 'batch-size-input': '16', 'seed-input': '7' };
const settingsOf = (page) => Promise.all(Object.keys(SETTINGS).map((id) => page.getByTestId(id).inputValue()));
// "AUROC 0.934 … accuracy 0.880" from the status after training.
const testFigures = async (page) => /AUROC (\S+) .*accuracy (\S+)\./.exec(await statusText(page))?.slice(1);

const chromium = useBrowser({ isolation: true });

describe('a shared link', () => {
  const table = plantedTable();
  let link;
  let spec;
  let figures;
  let summary; // what the model panel says the edited spec builds

  test('holds the preset, the edited spec, the settings and the pasted table', { timeout: 120_000 }, async () => {
    const page = await openPage(chromium.browser, chromium.server.url);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await waitForEngine(page);
    await page.getByTestId('preset-select').selectOption('cnn-deep');
    await page.locator('details.advanced summary').click();
    spec = (await page.getByTestId('spec-input').inputValue()).replace('"filters": 32', '"filters": 12');
    await page.getByTestId('spec-input').fill(spec);
    for (const [id, value] of Object.entries(SETTINGS)) await page.getByTestId(id).fill(value);
    await page.getByTestId('training-input').fill(table);
    assert.equal(await page.getByTestId('example-select').inputValue(), 'own');
    await page.waitForFunction(() =>
      /12 filters|1,997 parameters/.test(document.querySelector('[data-testid=model-summary]').textContent),
    );
    summary = await page.getByTestId('model-summary').innerText();

    await page.getByTestId('share-link').click();
    await page.waitForFunction(() => document.querySelector('[data-testid=share-url]').value.includes('own='));
    link = await page.getByTestId('share-url').inputValue();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link);
    assert.match(link, /#preset=cnn-deep&data=own&epochs=6&lr=0.005&batch=16&seed=7&lang=en&spec=[\w-]+&own=[\w-]+$/);
    assert.equal(page.url(), link); // the address bar holds the setup too
    assert.equal(await page.getByTestId('share-note').getAttribute('data-included'), 'true');
    assert.match(await page.getByTestId('share-note').innerText(), /Your data \(1\.\d KB\) is in the link/);

    await page.getByTestId('train-button').click();
    await waitForStatus(page, /Trained in/, 110_000);
    figures = await testFigures(page);
    assert.ok(figures, await statusText(page));
    assert.deepEqual(page.consoleErrors, []);
    await screenshot(page, 'share-original');
    await page.close();
  });

  test(
    'opened in a fresh page, restores that setup and trains to the same test figures',
    { timeout: 120_000 },
    async () => {
      const page = await openPage(chromium.browser, link);
      await waitForEngine(page);
      await page.waitForFunction(
        (text) => document.querySelector('[data-testid=training-input]').value === text,
        table,
      );
      assert.equal(await page.getByTestId('preset-select').inputValue(), 'cnn-deep');
      assert.equal(await page.getByTestId('example-select').inputValue(), 'own');
      assert.equal(await page.getByTestId('spec-input').inputValue(), spec);
      assert.deepEqual(await settingsOf(page), Object.values(SETTINGS));
      await page.waitForFunction(
        (text) => document.querySelector('[data-testid=model-summary]').textContent === text,
        summary,
      );

      await page.getByTestId('train-button').click();
      await waitForStatus(page, /Trained in/, 110_000);
      assert.deepEqual(await testFigures(page), figures);
      assert.deepEqual(page.consoleErrors, []);
      await screenshot(page, 'share-restored');
      await page.close();
    },
  );

  test('a link opened in the same tab (only the hash changes) sets up the page too', async () => {
    const page = await openPage(chromium.browser, chromium.server.url);
    await waitForEngine(page);
    await page.evaluate((hash) => (location.hash = hash), new URL(link).hash);
    await page.waitForFunction((text) => document.querySelector('[data-testid=training-input]').value === text, table);
    assert.equal(await page.getByTestId('preset-select').inputValue(), 'cnn-deep');
    assert.equal(await page.getByTestId('spec-input').inputValue(), spec);
    assert.deepEqual(await settingsOf(page), Object.values(SETTINGS));
    await page.close();
  });
});

describe('a table too large for a link', () => {
  test('is named as left out when sharing, and asked for when the link is opened', { timeout: 60_000 }, async () => {
    const page = await openPage(chromium.browser, chromium.server.url);
    await waitForEngine(page);
    await page.getByTestId('training-input').fill(plantedTable(600));
    await page.getByTestId('share-link').click();
    await page.waitForFunction(() => document.querySelector('[data-testid=share-url]').value.includes('data=own'));
    const link = await page.getByTestId('share-url').inputValue();
    assert.doesNotMatch(link, /own=/);
    assert.equal(await page.getByTestId('share-note').getAttribute('data-included'), 'false');
    assert.match(await page.getByTestId('share-note').innerText(), /too large for a link .*limit is 2\.0 KB/);
    await screenshot(page, 'share-too-large');

    const opened = await openPage(chromium.browser, link);
    await waitForEngine(opened);
    await opened.waitForFunction(() =>
      /too large to include/.test(document.querySelector('[data-testid=share-note]').textContent),
    );
    await opened.waitForTimeout(600); // the page has written its own hash since
    assert.equal(await opened.getByTestId('share-note').isVisible(), true);
    assert.equal(await opened.getByTestId('example-select').inputValue(), 'own');
    assert.equal(await opened.getByTestId('training-input').inputValue(), '');
    await page.close();
    await opened.close();
  });

  test('a link with values that do not read says which, and keeps the rest', async () => {
    const page = await openPage(chromium.browser, `${chromium.server.url}#preset=cnn-binding&epochs=-3&seed=5&lang=xx`);
    await waitForEngine(page);
    await waitForStatus(page, /not understood .*epochs, lang/, 10_000);
    assert.equal(await page.getByTestId('seed-input').inputValue(), '5');
    assert.equal(await page.getByTestId('epochs-input').inputValue(), '15');
    await page.close();
  });
});
