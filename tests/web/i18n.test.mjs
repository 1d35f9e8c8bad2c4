// tests/web/i18n.test.mjs: the page in Chinese. The switch (English / 中文) turns the main controls Chinese in
// place, keeping the typed table, the trained model and its results; the choice is remembered; ?lang=zh
// opens the page in Chinese from the start.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, openPage, screenshot, waitForEngine, waitForStatus, statusText } from './browser.mjs';
import { plantedTable } from './planted-table.mjs';

const CJK = /[\u4e00-\u9fff]/;

// The texts a user reads first: panel headings, field labels, buttons, the status message.
const mainControlTexts = (page) =>
  page.evaluate(() =>
    [
      ...document.querySelectorAll(
        '.panel-data h2, .panel-model h2, .panel-train h2, .panel-predict h2, label, button:not([hidden]), [data-testid=status] .message',
      ),
    ]
      .filter((el) => el.offsetParent !== null && el.textContent.trim())
      .map((el) => el.textContent.trim()),
  );

const chromium = useBrowser({ isolation: true });

describe('the language switch', () => {
  const table = plantedTable();
  let page;
  before(async () => {
    page = await openPage(chromium.browser, chromium.server.url);
    await waitForEngine(page);
  });
  after(() => page?.close());

  test('turns the main controls Chinese and keeps the typed table', async () => {
    await page.getByTestId('training-input').fill(table);
    await page.getByTestId('epochs-input').fill('3');
    await page.getByTestId('language-switch').selectOption('zh');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
    assert.equal(await page.title(), 'Helix：在浏览器中对 DNA 进行深度学习');
    assert.equal(await page.getByTestId('train-button').innerText(), '训练');
    assert.equal(await page.getByTestId('share-link').innerText(), '复制链接');
    const texts = await mainControlTexts(page);
    assert.ok(texts.length > 15, texts.join(' | '));
    assert.deepEqual(
      texts.filter((text) => !CJK.test(text) && !['English', '中文', 'Helix'].includes(text)),
      [],
    );
    await page.waitForFunction(() =>
      /96 条带标签的序列，每条 40 bp/.test(document.querySelector('[data-testid=data-summary]').textContent),
    );
    assert.match(await page.locator('.panel-model .hint').nth(1).innerText(), /卷积神经网络|卷积/); // the preset's description
    assert.equal(await page.getByTestId('training-input').inputValue(), table);
    assert.equal(await page.getByTestId('example-select').inputValue(), 'own');
    assert.equal(await page.getByTestId('epochs-input').inputValue(), '3');
    await page.waitForFunction(() => /lang=zh/.test(location.hash));
    assert.equal(await page.evaluate(() => localStorage.getItem('helix-language')), 'zh');
    await screenshot(page, 'i18n-switched-zh');
  });

  test('keeps the trained model and its results; text written later is Chinese too', { timeout: 120_000 }, async () => {
    await page.getByTestId('language-switch').selectOption('en');
    await page.getByTestId('train-button').click();
    await waitForStatus(page, /Trained in/, 110_000);
    assert.match(await page.getByTestId('progress').innerText(), /Done: 3 epochs/);
    await page.getByTestId('language-switch').selectOption('zh');
    await waitForStatus(page, /^训练用时 \d+ 秒。在模型从未见过的 \d+ 条测试序列上，AUROC 为 [\d.]+/, 5_000);
    assert.match(await page.getByTestId('progress').innerText(), /完成：3 轮/);
    assert.equal(await page.locator('[data-testid=loss-table] tbody tr').count(), 3);
    await page.waitForFunction(() =>
      /^训练损失\|/.test(document.querySelector('[data-testid=loss-chart]').dataset.series),
    ); // axes redrawn
    assert.ok(Number(await page.getByTestId('loss-chart').getAttribute('data-points')) >= 3, 'the curves are kept');
    assert.equal(await page.getByTestId('predict-button').isEnabled(), true);
    await page
      .getByTestId('sequence-input')
      .fill('>a\nACGTAGATAAGGCTTACGTACGTACGTACGTACGTACGTA\n>b\nACGTACGTACGTACGTACGTACGTACGTACGTACGTACGT\n');
    await page.getByTestId('predict-button').click();
    await waitForStatus(page, /已预测 2 条序列的结合情况/, 20_000);
    assert.equal(await page.getByTestId('prediction-row').count(), 2);
    assert.deepEqual(page.consoleErrors, []);
    await screenshot(page, 'i18n-trained-zh');
    await page.getByTestId('language-switch').selectOption('en');
    await waitForStatus(page, /^Predicted binding for 2 sequences\.$/, 5_000);
    assert.equal(await page.getByTestId('train-button').innerText(), 'Train');
    assert.equal(await page.getByTestId('prediction-row').count(), 2);
  });

  test('is remembered: the page opens in the language chosen last', async () => {
    await page.getByTestId('language-switch').selectOption('zh');
    await page.goto(chromium.server.url); // no lang in the address
    await waitForEngine(page);
    assert.equal(await page.getByTestId('language-switch').inputValue(), 'zh');
    assert.equal(await page.getByTestId('train-button').innerText(), '训练');
    await page.getByTestId('language-switch').selectOption('en'); // leave English behind for the next visit
  });
});

describe('?lang=zh', () => {
  test('opens the page in Chinese', async () => {
    const page = await openPage(chromium.browser, `${chromium.server.url}?lang=zh`);
    await waitForEngine(page);
    await page.waitForFunction(() => document.querySelector('[data-testid=training-input]').value.length > 1000);
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
    assert.equal(await page.getByTestId('language-switch').inputValue(), 'zh');
    assert.match(await statusText(page), /计算引擎： WebAssembly SIMD · 2 个线程\n就绪。请选择训练数据/);
    assert.equal(
      await page.getByTestId('example-select').locator('option:checked').innerText(),
      'GATA3 结合位点（ChIP-seq，人类）',
    );
    const texts = await mainControlTexts(page);
    assert.ok(texts.length > 15, texts.join(' | '));
    assert.deepEqual(
      texts.filter((text) => !CJK.test(text) && !['English', '中文', 'Helix'].includes(text)),
      [],
    );
    assert.deepEqual(page.consoleErrors, []);
    await screenshot(page, 'i18n-query-zh');
    await page.close();
  });
});
