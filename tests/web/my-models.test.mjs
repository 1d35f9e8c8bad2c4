// tests/web/my-models.test.mjs: "My models" (data-testid my-models) keeps every model saved in this browser
// with name, date, family, data and test figures; each renames, downloads, loads and deletes, and the list
// survives a reload. Storage errors say so in words and lose nothing on the page: a full quota (IndexedDB's
// put refused with QuotaExceededError) and a browser without IndexedDB (as some private windows are).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchChromium, serveWeb, waitForEngine, waitForStatus } from './browser.mjs';

let browser;
let server;
before(async () => {
  browser = await launchChromium();
  server = await serveWeb({ isolation: true });
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function trainedPage(context, epochs = 2) {
  const page = await context.newPage();
  page.consoleErrors = [];
  page.on('pageerror', (e) => page.consoleErrors.push(String(e)));
  await page.goto(server.url);
  await waitForEngine(page);
  await page.getByTestId('epochs-input').fill(String(epochs));
  await page.getByTestId('train-button').click();
  await waitForStatus(page, /^Trained/);
  return page;
}

test('save, rename, reload, download, load and delete', async () => {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await trainedPage(context);
  const trained = await page.locator('[data-testid=status] .message').innerText();
  const auroc = /AUROC (\d\.\d{3})/.exec(trained)[1];
  const list = page.getByTestId('my-models');
  await list.locator('summary').click();
  await page.getByTestId('save-to-my-models').click();
  await waitForStatus(page, /Saved to My models/);
  const row = page.getByTestId('my-model');
  assert.equal(await row.count(), 1);
  const facts = await row.locator('.my-model-facts').innerText();
  assert.match(facts, /DNA sequence models/);
  assert.match(facts, /gata/);
  assert.match(facts, new RegExp(`test AUROC ${auroc}`));
  await page.getByTestId('my-model-name').fill('GATA first try');
  await page.getByTestId('my-model-name').press('Enter');
  await page.getByTestId('my-model-name').blur();

  await page.reload();
  await waitForEngine(page);
  await page.getByTestId('my-models').locator('summary').click();
  await page.waitForFunction(() => document.querySelector('[data-testid=my-model-name]')?.value === 'GATA first try');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('my-model-download').click()]);
  assert.equal(download.suggestedFilename(), 'GATA_first_try.json');
  const file = JSON.parse(await (await import('node:fs/promises')).readFile(await download.path(), 'utf8'));
  assert.ok(file.weights || file.spec, 'a model file');

  // loading from the list gives a model that predicts
  await page.getByTestId('my-model-load').click();
  await waitForStatus(page, /Model loaded from GATA first try/);
  await page.getByTestId('predict-button').click();
  await page.locator('[data-testid=prediction-row]').first().waitFor();

  // saved again after the reload (the model restored from the kept work), it still has its test figures
  await page.getByTestId('save-to-my-models').click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=my-model]').length === 2);
  assert.match(await row.first().locator('.my-model-facts').innerText(), new RegExp(`test AUROC ${auroc}`));
  await page.getByTestId('my-model-delete').first().click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=my-model]').length === 1);
  await page.getByTestId('my-model-delete').click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=my-model]').length === 0);
  assert.deepEqual(page.consoleErrors, []);
  await context.close();
});

test('a full quota: said plainly, nothing on the page lost', async () => {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (...args) {
      if (globalThis.__quotaFull) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    };
  });
  const page = await trainedPage(context);
  await page.evaluate(() => (globalThis.__quotaFull = true));
  const text = await page.getByTestId('training-input').inputValue();
  await page.getByTestId('my-models').locator('summary').click();
  await page.getByTestId('save-to-my-models').click();
  await waitForStatus(page, /storage for the site is full/);
  // (the autosave may say it first: the list says it too, once its own save has failed)
  await page.waitForFunction(() =>
    /storage for the site is full.*Nothing on the page was lost/.test(
      document.querySelector('[data-testid=my-models-error]').textContent,
    ),
  );
  assert.equal(await page.getByTestId('my-model').count(), 0);
  assert.equal(await page.getByTestId('training-input').inputValue(), text);
  assert.equal(await page.getByTestId('predict-button').isEnabled(), true); // the model is still in the engine
  await context.close();
});

test('no IndexedDB (a private window): said plainly, the page trains and predicts as before', async () => {
  const context = await browser.newContext();
  await context.addInitScript(() => Object.defineProperty(globalThis, 'indexedDB', { value: undefined }));
  const page = await context.newPage();
  await page.goto(server.url);
  await waitForEngine(page);
  await waitForStatus(page, /does not let the page save anything/);
  await page.getByTestId('epochs-input').fill('1');
  await page.getByTestId('train-button').click();
  await waitForStatus(page, /^Trained/);
  await page.getByTestId('predict-button').click();
  await page.locator('[data-testid=prediction-row]').first().waitFor();
  await context.close();
});
