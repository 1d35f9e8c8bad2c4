// tests/web/xss.test.mjs: what the user pastes or opens is shown as text, never parsed as HTML. A record
// named `<img src=x onerror="window.__xss=1">` (and a table label, a graph node id, a motif name and a
// variant id carrying markup) goes through training, prediction, explanation, variant scoring, learned motifs
// and the error messages: each is shown literally, no <img> element is created and window.__xss stays unset.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, openPage, waitForEngine, waitForStatus } from './browser.mjs';

const MARKUP = '<img src=x onerror="window.__xss=1">';
const MARKUP_ID = '<img/src=x/onerror=window.__xss=1>'; // a FASTA id ends at the first space: this one has none
const PEAK = 'CAATGGGGCTGTGCAGGTGGCCCCAAGGCCTCCAGCTCCACAGATAAGAATCAGAAGCACAGCCATCTCAATTAGAAAGCAATTTGAGTTATCACGCTAAT';
const MOTIF_FILE = `>MA9999.1\t${MARKUP}\nA  [ 0 0 10 0 10 10 ]\nC  [ 0 0 0 0 0 0 ]\nG  [ 10 10 0 0 0 0 ]\nT  [ 0 0 0 10 0 0 ]\n`;

// Every element and text node of the document, shadow roots included: {images, handlers, text}.
const scanPage = (page) =>
  page.evaluate(() => {
    const roots = [document];
    const out = { images: 0, handlers: 0, text: '' };
    while (roots.length) {
      const root = roots.pop();
      for (const el of root.querySelectorAll('*')) {
        if (el.localName === 'img' || el.localName === 'image') out.images++;
        if ([...el.attributes].some((a) => a.name.startsWith('on'))) out.handlers++;
        if (el.shadowRoot) roots.push(el.shadowRoot);
      }
      out.text += ' ' + (root.body ?? root).textContent;
    }
    out.xss = window.__xss;
    return out;
  });

// Puts text in a box as a paste does (its value, then an input event): quicker than typing a long table.
const setBox = (page, testid, text) =>
  page.evaluate(
    ([id, value]) => {
      const box = document.querySelector(`[data-testid=${id}]`);
      box.value = value;
      box.dispatchEvent(new Event('input', { bubbles: true }));
    },
    [testid, text],
  );

describe('user text is rendered as text, never HTML', () => {
  const shared = useBrowser({ isolation: false });
  let page;
  before(async () => {
    page = await openPage(shared.browser, shared.server.url);
    await waitForEngine(page);
    await page.waitForFunction(() => document.querySelector('[data-testid=training-input]').value.length > 1000);
  });
  after(async () => page?.close());

  const assertClean = async (where) => {
    const scan = await scanPage(page);
    assert.equal(scan.xss, undefined, `${where}: window.__xss was set`);
    assert.equal(scan.images, 0, `${where}: an <img> was created`);
    assert.equal(scan.handlers, 0, `${where}: an on* attribute was created`);
    return scan;
  };

  test('a table label with markup: the error quotes it literally', { timeout: 30_000 }, async () => {
    await page
      .getByTestId('training-input')
      .fill(`id\tsequence\tlabel\nfirst\t${PEAK}\t<b onmouseover="window.__xss=1">1</b>\n`);
    await page.getByTestId('training-error').waitFor({ state: 'visible', timeout: 10_000 });
    assert.match(await page.getByTestId('training-error').innerText(), /<b onmouseover="window.__xss=1">1<\/b>/);
    await assertClean('label error');
  });

  test(
    'a record named with markup trains, predicts and is explained, shown literally',
    { timeout: 120_000 },
    async () => {
      const example = await page.evaluate(() => fetch('data/gata-example.tsv').then((r) => r.text()));
      const rows = example.split('\n').slice(0, 1201); // (a smaller table: quicker to type and to train)
      rows[1] = rows[1].replace(/^[^\t]+/, MARKUP);
      await setBox(page, 'training-input', rows.join('\n'));
      await page.getByTestId('epochs-input').fill('1');
      await page.getByTestId('train-button').click();
      await waitForStatus(page, /Trained in/, 100_000);
      await assertClean('trained');

      // A bad base in a record named with markup: the error box shows the line; nothing is parsed.
      await page.getByTestId('sequence-input').fill(`>${MARKUP_ID}\nACGTJACGT\n`);
      await page.getByTestId('predict-button').click();
      await page.getByTestId('error').waitFor({ state: 'visible', timeout: 10_000 });
      assert.match(await page.getByTestId('error').innerText(), /line 2/);
      await assertClean('predict error');

      await page
        .getByTestId('sequence-input')
        .fill(`>${MARKUP_ID} ${MARKUP}\n${PEAK}\n>plain\n${PEAK.split('').reverse().join('')}\n`);
      await page.getByTestId('predict-button').click();
      await waitForStatus(page, /Predicted binding for 2 sequences/, 20_000);
      const ids = await page.locator('[data-testid=prediction-row] td.id').allInnerTexts();
      assert.ok(ids.includes(MARKUP_ID), `prediction ids ${JSON.stringify(ids)}`);
      await page.locator('[data-testid=explain-row]', { hasText: MARKUP_ID }).click();
      await page.waitForFunction(() => document.querySelector('[data-testid=attribution-track] svg path'), null, {
        timeout: 60_000,
      });
      const explained = await page.getByTestId('explain-panel').innerText();
      assert.ok(explained.includes(MARKUP_ID), 'the explanation names the record literally');
      await assertClean('explained');
    },
  );

  test('a variant id with markup is listed literally', { timeout: 60_000 }, async () => {
    await page.getByTestId('variant-input').fill(`id\tsequence\tposition\tref\talt\n${MARKUP}\t${PEAK}\t43\tG\tC\n`);
    await page.getByTestId('variants-button').click();
    await page.getByTestId('variant-row').first().waitFor({ timeout: 30_000 });
    assert.equal((await page.getByTestId('variant-row').first().locator('td').first().innerText()).trim(), MARKUP);
    // A bad variant row quoting markup: the error, literally.
    await page.getByTestId('variant-input').fill(`id\tsequence\tposition\tref\talt\nv1\t${PEAK}\t43\t<i>G</i>\tC\n`);
    await page.getByTestId('variants-button').click();
    await page.getByTestId('variant-error').waitFor({ state: 'visible', timeout: 30_000 });
    await assertClean('variants');
  });

  test(
    'a motif file whose motif is named with markup: the matches name it literally',
    { timeout: 120_000 },
    async () => {
      await page
        .locator('.motifs-panel input[type=file]')
        .setInputFiles({ name: 'evil.jaspar', mimeType: 'text/plain', buffer: Buffer.from(MOTIF_FILE) });
      await page.getByTestId('motifs-button').click();
      await page.getByTestId('filter-match').first().waitFor({ timeout: 110_000 });
      const matches = await page.getByTestId('filter-match').allInnerTexts();
      assert.ok(
        matches.some((m) => m.includes(MARKUP)),
        `matches ${JSON.stringify(matches.slice(0, 3))}`,
      );
      await assertClean('motifs');
    },
  );

  test('a graph node id with markup: trained, drawn and listed literally', { timeout: 120_000 }, async () => {
    await page.getByTestId('preset-select').selectOption('gcn-node');
    await page.waitForFunction(
      () => document.querySelector('[data-testid=training-input-second]')?.value.startsWith('source'),
      null,
      { timeout: 30_000 },
    );
    const [nodes, edges] = await page.evaluate(() =>
      ['training-input', 'training-input-second'].map((id) => document.querySelector(`[data-testid=${id}]`).value),
    );
    // Node 0 (the first row and the first edges) becomes the markup id, in both tables.
    const rename = (text, column) =>
      text
        .split('\n')
        .map((line, i) =>
          i === 0
            ? line
            : line
                .split('\t')
                .map((cell, c) => (c === column && cell === '0' ? MARKUP : cell))
                .join('\t'),
        )
        .join('\n');
    await setBox(page, 'training-input', rename(nodes, 0));
    await setBox(page, 'training-input-second', rename(rename(edges, 0), 1));
    await page.getByTestId('epochs-input').fill('2');
    await page.getByTestId('train-button').click();
    await waitForStatus(page, /Trained in/, 100_000);
    // An edge to a node that does not exist, named with markup: the error quotes it.
    await setBox(page, 'training-input-second', `source\ttarget\n${MARKUP}\t<svg onload="window.__xss=1">\n`);
    await page.getByTestId('train-button').click();
    await page.waitForFunction(
      () =>
        [...document.querySelectorAll('.error-box')].some((el) => !el.hidden && el.textContent.includes('<svg onload')),
      null,
      { timeout: 60_000 },
    );
    await assertClean('graph');
  });
});
