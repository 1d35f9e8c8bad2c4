// tests/web/playground.test.mjs: the page in Debian's Chromium, with and without cross-origin isolation:
// it loads cleanly, names its engine build, trains the default example with live curves, cancels promptly,
// predicts one probability per pasted sequence, and reports a bad base by line without touching the text.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  launchChromium,
  serveWeb,
  openPage,
  screenshot,
  waitForEngine,
  waitForStatus,
  statusText,
} from './browser.mjs';

const FASTA =
  '>peak_a\nCAATGGGGCTGTGCAGGTGGCCCCAAGGCCTCCAGCTCCACAGATAAGAATCAGAAGCACAGCCATCTCAATTAGAAAGCAATTTGAGTTATCACGCTAAT\n>shuffled_b\nCTAAAGATATCCGCTCTTCATCTTCCTCCACTCACTCTGCAGGCACCTATTGGCTCCTTCATGCCTTTTAAAGCATATCCTGTTAATTTGGTCAGGTGTAA\n>peak_c\nATCATGTTGCCTCTGCTGTCAGATAATCATCTTGCATCTGGAACATAAATACAGCCAATTCAAATATGCATCTTGATCTTATCATGTGGTTAGCAATCCAC\n';
const BAD_FASTA =
  '>first\nACGTACGTACGTACGTACGTACGTACGTACGTACGTACGTACGTACGTAC\nACGTJCGTACGTACGTACGTACGTACGTACGTACGTACGTACGTACGTAC\n>second\nACGTACGTACGTACGTACGTACGTACGTACGTACGTACGTACGTACGTAC\n';

let browser;
before(async () => {
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
});

const trainButtonEnabled = (page) => page.getByTestId('train-button').isEnabled();

describe('cross-origin isolated (COOP/COEP)', () => {
  let server;
  let page;
  before(async () => {
    server = await serveWeb({ isolation: true });
    page = await openPage(browser, server.url);
  });
  after(async () => {
    await page?.close();
    await server?.close();
  });

  test('loads without console errors and runs the 2-thread build', async () => {
    const status = await waitForEngine(page);
    assert.equal(await page.evaluate(() => crossOriginIsolated), true);
    assert.match(status, /2 threads/);
    await page.waitForFunction(() => document.querySelector('[data-testid=training-input]').value.length > 1000);
    await page.waitForFunction(() => document.querySelector('[data-testid=sequence-input]').value.startsWith('>'));
    assert.equal(await page.getByTestId('example-select').inputValue(), 'gata');
    assert.equal(await page.getByTestId('preset-select').inputValue(), 'cnn-binding');
    assert.deepEqual(page.consoleErrors, []);
    await screenshot(page, 'loaded');
  });

  test('the model panel says which lengths the model takes and how it pads or crops', async () => {
    const summary = page.getByTestId('model-summary');
    await page.waitForFunction(() =>
      /any length from 12 bases/.test(document.querySelector('[data-testid=model-summary]').textContent),
    );
    await page.getByTestId('preset-select').selectOption('mlp-onehot');
    await page.waitForFunction(() =>
      /Takes 101 bases: longer sequences are cropped/.test(
        document.querySelector('[data-testid=model-summary]').textContent,
      ),
    );
    await page.getByTestId('preset-select').selectOption('cnn-binding');
    await page.waitForFunction(() =>
      /any length from 12 bases/.test(document.querySelector('[data-testid=model-summary]').textContent),
    );
    assert.match(await summary.innerText(), /parameters/);
  });

  test('every form control has a label', async () => {
    const unlabelled = await page.evaluate(() =>
      [...document.querySelectorAll('input:not([type=file]), select, textarea')]
        .filter((el) => !el.labels?.length && !el.getAttribute('aria-label'))
        .map((el) => el.outerHTML.slice(0, 80)),
    );
    assert.deepEqual(unlabelled, []);
  });

  test('trains the default example and the curves get points', { timeout: 120_000 }, async () => {
    await page.getByTestId('epochs-input').fill('2');
    await page.getByTestId('train-button').click();
    await waitForStatus(page, /Training/, 10_000);
    await waitForStatus(page, /Trained in/, 110_000);
    const epochRows = await page.locator('[data-testid=loss-table] tbody tr').count();
    assert.equal(epochRows, 2);
    const points = Number(await page.getByTestId('loss-chart').getAttribute('data-points'));
    assert.ok(points >= 2, `the chart drew ${points} points`);
    assert.match(await page.getByTestId('progress').innerText(), /Done: 2 epochs/);
    assert.equal(await trainButtonEnabled(page), true);
    await screenshot(page, 'trained');
  });

  test(
    'the default run (15 epochs) learns: GATA3 peaks score above their shuffled copies',
    { timeout: 120_000 },
    async () => {
      await page.getByTestId('epochs-input').fill('15');
      await page.getByTestId('train-button').click();
      await waitForStatus(page, /Trained in/, 110_000);
      assert.match(await statusText(page), /AUROC 0\.[6-9]/);
      const example = await page.evaluate(() => fetch('data/gata-predict.fa').then((r) => r.text()));
      await page.getByTestId('sequence-input').fill(example);
      await page.getByTestId('predict-button').click();
      await waitForStatus(page, /Predicted binding for 12 sequences/, 20_000);
      const ids = await page.locator('[data-testid=prediction-row] td.id').allInnerTexts();
      const probabilities = (await page.locator('[data-testid=prediction-row] .value').allInnerTexts()).map(Number);
      const mean = (suffix) => {
        const values = probabilities.filter((_, i) => ids[i].endsWith(suffix));
        return values.reduce((a, b) => a + b, 0) / values.length;
      };
      assert.ok(mean('_peak') > mean('_shuf') + 0.2, `peaks ${mean('_peak')}, shuffled ${mean('_shuf')}`);
      await screenshot(page, 'trained-15-epochs');
    },
  );

  test('the rnn-order network learns the simulated motif-order example', { timeout: 120_000 }, async () => {
    await page.getByTestId('example-select').selectOption('order');
    await page.waitForFunction(() => document.querySelector('[data-testid=training-input]').value.includes('sim2000'));
    await page.getByTestId('preset-select').selectOption('rnn-order');
    await page.getByTestId('epochs-input').fill('15');
    await page.getByTestId('train-button').click();
    await waitForStatus(page, /Trained in/, 110_000);
    const auroc = Number((await statusText(page)).match(/AUROC (\d\.\d+)/)[1]);
    assert.ok(auroc >= 0.9, `test AUROC ${auroc}`);
    await screenshot(page, 'rnn-order');
    await page.getByTestId('example-select').selectOption('gata');
    await page.getByTestId('preset-select').selectOption('cnn-binding');
  });

  test(
    'cnn-splice trains on the 3-class splice example and predicts a class per sequence',
    { timeout: 120_000 },
    async () => {
      await page.getByTestId('preset-select').selectOption('cnn-splice');
      await page.getByTestId('example-select').selectOption('splice');
      await page.waitForFunction(() =>
        document.querySelector('[data-testid=training-input]').value.includes('ATRINS-DONOR-521'),
      );
      await page.waitForFunction(() =>
        /3190 labelled sequences/.test(document.querySelector('#data-panel')?.textContent ?? document.body.textContent),
      );
      await page.getByTestId('epochs-input').fill('5');
      await page.getByTestId('train-button').click();
      await waitForStatus(page, /Trained in/, 110_000);
      assert.match(await statusText(page), /accuracy 0\.[89]/);
      await page
        .getByTestId('sequence-input')
        .fill(
          '>donor\nCCAGCTGCATCACAGGAGGCCAGCGAGCAGGTCTGTTCCAAGGGCCTTCGAGCCAGTCTG\n>other\nACGTACGTACGTACGTACGTACGTACGTACGTACGTACGTACGTACGTACGTACGTACGT\n',
        );
      await page.getByTestId('predict-button').click();
      await waitForStatus(page, /Predicted binding for 2 sequences/, 20_000);
      const rows = await page.getByTestId('prediction-row').allInnerTexts();
      assert.equal(rows.length, 2);
      for (const row of rows) assert.match(row, /\b(EI|IE|N)\b/);
      assert.match(
        await page.locator('table.predictions thead').innerText(),
        /Predicted class[\s\S]*Probability of that class/,
      );
      await screenshot(page, 'cnn-splice');
      await page.getByTestId('example-select').selectOption('gata');
      await page.getByTestId('preset-select').selectOption('cnn-binding');
    },
  );

  test('a saved model downloads and loads back', { timeout: 30_000 }, async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Save model' }).click(),
    ]);
    const path = await download.path();
    await page.locator('#model-panel input[type=file]').setInputFiles(path);
    await waitForStatus(page, /Model loaded from/, 10_000);
    assert.equal(await page.getByTestId('predict-button').isEnabled(), true);
  });

  test('pasted sequences get one probability in [0, 1] each', { timeout: 30_000 }, async () => {
    await page.getByTestId('sequence-input').fill(FASTA);
    await page.getByTestId('predict-button').click();
    await waitForStatus(page, /Predicted binding for 3 sequences/, 20_000);
    const rows = page.getByTestId('prediction-row');
    assert.equal(await rows.count(), 3);
    const values = (await rows.locator('.value').allInnerTexts()).map(Number);
    for (const p of values) assert.ok(p >= 0 && p <= 1, `probability ${p}`);
    assert.deepEqual((await rows.locator('td.id').allInnerTexts()).sort(), ['peak_a', 'peak_c', 'shuffled_b']);
    // Sorting by probability (keyboard: focus the heading button and press Enter).
    await page.locator('th[data-key=probability] button').focus();
    await page.keyboard.press('Enter');
    const sorted = (await rows.locator('.value').allInnerTexts()).map(Number);
    assert.deepEqual(
      sorted,
      [...values].sort((a, b) => b - a),
    );
    await screenshot(page, 'predicted');
  });

  test("a 'J' on line 3 is reported by line and the typed text is kept", { timeout: 30_000 }, async () => {
    const box = page.getByTestId('sequence-input');
    await box.fill(BAD_FASTA);
    await page.getByTestId('predict-button').click();
    const error = page.getByTestId('error');
    await error.waitFor({ state: 'visible', timeout: 20_000 });
    assert.match(await error.innerText(), /line 3, column 5: 'J'/);
    assert.equal(await box.inputValue(), BAD_FASTA);
    const selection = await box.evaluate((el) => [el.selectionStart, el.selectionEnd]);
    const line3Start = BAD_FASTA.split('\n').slice(0, 2).join('\n').length + 1;
    assert.ok(selection[0] >= line3Start && selection[1] <= line3Start + 50, `selection ${selection} is on line 3`);
    assert.equal(await page.getByTestId('prediction-row').count(), 0);
    await screenshot(page, 'bad-fasta');
  });

  test(
    'a bad base in the training table is reported by line; switching examples keeps the pasted text',
    { timeout: 30_000 },
    async () => {
      const table = 'sequence\tlabel\nACGTACGTACGTACGTACGT\t1\nACGTACGTAXGTACGTACGT\t0\n';
      const box = page.getByTestId('training-input');
      await box.fill(table);
      assert.equal(await page.getByTestId('example-select').inputValue(), 'own');
      const error = page.getByTestId('training-error');
      await error.waitFor({ state: 'visible', timeout: 10_000 });
      assert.match(await error.innerText(), /line 3, column 10: 'X'/);
      await page.getByTestId('example-select').selectOption('primer');
      await page.waitForFunction(() =>
        document.querySelector('[data-testid=training-input]').value.startsWith('id\tsequence'),
      );
      await page.getByTestId('example-select').selectOption('own');
      assert.equal(await box.inputValue(), table);
      await page.getByTestId('example-select').selectOption('gata');
      await page.waitForFunction(() => document.querySelector('[data-testid=training-input]').value.length > 1000);
    },
  );

  test('columns are counted from 1, as editors do', { timeout: 20_000 }, async () => {
    await page.getByTestId('sequence-input').fill('>a\nJCGT\n');
    await page.getByTestId('predict-button').click();
    await page.getByTestId('error').waitFor({ state: 'visible', timeout: 10_000 });
    assert.match(await page.getByTestId('error').innerText(), /line 2, column 1:/);
  });

  test('Cancel stops a run within two seconds and the page is usable again', { timeout: 60_000 }, async () => {
    await page.getByTestId('epochs-input').fill('50');
    await page.getByTestId('train-button').click();
    await waitForStatus(page, /epoch \d+ of 50/, 30_000);
    const cancel = page.getByTestId('cancel-button');
    await cancel.focus(); // reachable from the keyboard
    const started = Date.now();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => !document.querySelector('[data-testid=train-button]').disabled, null, {
      timeout: 5_000,
    });
    const seconds = (Date.now() - started) / 1000;
    assert.ok(seconds < 2, `cancel took ${seconds} s`);
    assert.match(await statusText(page), /cancelled/i);
    assert.equal(await page.getByTestId('cancel-button').isDisabled(), true);
    assert.equal(await page.getByTestId('epochs-input').isEditable(), true);
    assert.deepEqual(page.consoleErrors, []);
  });
});

describe('not cross-origin isolated', () => {
  let server;
  let page;
  before(async () => {
    server = await serveWeb({ isolation: false });
    page = await openPage(browser, server.url);
  });
  after(async () => {
    await page?.close();
    await server?.close();
  });

  test('falls back to 1 thread and says why', async () => {
    const status = await waitForEngine(page);
    assert.equal(await page.evaluate(() => crossOriginIsolated), false);
    assert.match(status, /1 thread/);
    assert.match(status, /not cross-origin isolated/);
    assert.deepEqual(page.consoleErrors, []);
  });

  test('the 1-thread build trains and predicts too', { timeout: 60_000 }, async () => {
    await page.waitForFunction(() => document.querySelector('[data-testid=training-input]').value.length > 1000);
    await page.getByTestId('epochs-input').fill('2');
    await page.getByTestId('train-button').click();
    await waitForStatus(page, /Trained in/, 50_000);
    await page.getByTestId('predict-button').click();
    await waitForStatus(page, /Predicted binding for 12 sequences/, 10_000);
    assert.equal(await page.getByTestId('prediction-row').count(), 12);
  });

  test('fits a phone-width screen without sideways scrolling', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(200);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    assert.ok(overflow <= 1, `page is ${overflow}px wider than the screen`);
    await screenshot(page, 'mobile');
  });
});
