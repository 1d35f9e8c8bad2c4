// tests/web/explain.test.mjs: the explain panel in Debian's Chromium on the real engine: train cnn-binding on
// the default example, predict, open a prediction (click, and Enter on its name) and get the attribution track
// and the ISM map (4 cells per position shown), zoom with the keyboard, download the figures; "Learned motifs"
// lists filter logos with a named JASPAR match; pasted variants come back one row each, largest change first;
// a bad variant line is reported by line and the text is kept.
// Run: node --test --test-concurrency=1 tests/web/explain.test.mjs
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import {
  launchChromium,
  serveWeb,
  openPage,
  screenshot,
  waitForEngine,
  waitForStatus,
  RESULTS_DIR,
} from './browser.mjs';

// A GATA3 peak of web/data/gata-predict.fa: its GATA site AGATAA starts at position 42.
const PEAK = 'CAATGGGGCTGTGCAGGTGGCCCCAAGGCCTCCAGCTCCACAGATAAGAATCAGAAGCACAGCCATCTCAATTAGAAAGCAATTTGAGTTATCACGCTAAT';
const VARIANTS = `id\tsequence\tposition\tref\talt\nfar_from_site\t${PEAK}\t3\tA\tG\nin_gata_site\t${PEAK}\t45\tT\tC\n`;
const BAD_VARIANTS = `id\tsequence\tposition\tref\talt\nok\t${PEAK}\t3\tA\tG\nbad\t${PEAK}\t45\tT\tJ\n`;

let browser;
let server;
let page;
before(async () => {
  browser = await launchChromium();
  server = await serveWeb({ isolation: true });
  page = await openPage(browser, server.url, { width: 1280, height: 1000 });
  await waitForEngine(page);
  await page.waitForFunction(() => document.querySelector('[data-testid=training-input]').value.length > 1000);
});
after(async () => {
  await page?.close();
  await server?.close();
  await browser?.close();
});

const dataset = (testid) => page.getByTestId(testid).evaluate((el) => ({ ...el.dataset }));
const ismCells = () => page.locator('[data-testid=ism-map] rect.ism-cell').count();
// A screenshot of one part of the page (test-results/web/<name>.png).
async function screenshotOf(selector, name) {
  await mkdir(RESULTS_DIR, { recursive: true });
  await page.locator(selector).screenshot({ path: `${RESULTS_DIR}${name}.png` });
}
const trackLabel = () => page.locator('[data-testid=attribution-track] svg').getAttribute('aria-label');

describe('explaining predictions', () => {
  test('train cnn-binding on the default example and predict its 12 sequences', { timeout: 150_000 }, async () => {
    assert.equal(await page.getByTestId('preset-select').inputValue(), 'cnn-binding');
    await page.getByTestId('epochs-input').fill('15');
    await page.getByTestId('train-button').click();
    await waitForStatus(page, /Trained in/, 140_000);
    await page.waitForFunction(() => document.querySelector('[data-testid=sequence-input]').value.startsWith('>'));
    await page.getByTestId('predict-button').click();
    await waitForStatus(page, /Predicted binding for 12 sequences/, 20_000);
    assert.equal(await page.getByTestId('explain-row').count(), 12);
  });

  test('clicking a prediction draws its attribution track and a 4 × L ISM map', { timeout: 60_000 }, async () => {
    const id = await page.getByTestId('explain-row').first().innerText();
    await page.getByTestId('prediction-row').first().click();
    await page.getByTestId('ism-map').waitFor({ state: 'visible', timeout: 30_000 });
    await page.getByTestId('attribution-track').waitFor({ state: 'visible' });
    const track = await dataset('attribution-track');
    assert.equal(track.length, '101');
    assert.ok(Number(track.letters) > 50, `${track.letters} letters drawn`);
    const paths = await page
      .locator('[data-testid=attribution-track] svg path')
      .evaluateAll((els) => els.filter((el) => el.getAttribute('d')?.length > 10 && el.getBBox().height > 0).length);
    assert.equal(paths, Number(track.letters));
    assert.equal(await ismCells(), 4 * 101);
    assert.equal(await page.locator('[data-testid=ism-map] rect[data-reference=true]').count(), 101); // one reference base per position
    assert.match(await trackLabel(), new RegExp(`^Attributions of ${id},`));
    assert.match(await page.getByTestId('explain-status').innerText(), new RegExp(`${id}: score -?\\d`));
    assert.equal(await page.locator('tr.chosen td.id').innerText(), id);
    assert.deepEqual(page.consoleErrors, []);
    await screenshot(page, 'explain-track');
    await screenshotOf('#explain-panel', 'explain-panel');
  });

  test(
    'keyboard: Enter on a sequence name explains it; + zooms and the arrow keys pan both figures',
    { timeout: 60_000 },
    async () => {
      const second = page.getByTestId('explain-row').nth(1);
      const id = await second.innerText();
      await second.focus();
      await page.keyboard.press('Enter');
      await page.waitForFunction(
        (want) =>
          document
            .querySelector('[data-testid=attribution-track] svg')
            ?.getAttribute('aria-label')
            ?.startsWith(`Attributions of ${want},`),
        id,
        { timeout: 30_000 },
      );
      await page.locator('[data-testid=attribution-track] svg').focus();
      await page.keyboard.press('+');
      let track = await dataset('attribution-track');
      assert.deepEqual([track.start, track.end], ['26', '76']); // half of the 101 positions, around the centre
      assert.equal(await ismCells(), 4 * 51);
      await page.keyboard.press('ArrowRight');
      track = await dataset('attribution-track');
      const map = await dataset('ism-map');
      assert.deepEqual([map.start, map.end], [track.start, track.end]); // the map follows the track's window
      assert.ok(Number(track.start) > 26, `window starts at ${track.start}`);
      await page.getByTestId('window-all').click();
      assert.equal(await ismCells(), 4 * 101);
    },
  );

  test('the method can be changed: ISM explains with the mutagenesis map itself', { timeout: 60_000 }, async () => {
    await page.getByTestId('explain-method').selectOption('ism');
    await page.waitForFunction(
      () => document.querySelector('[data-testid=explain-panel] .explain-body')?.getAttribute('aria-busy') === 'false',
      null,
      { timeout: 30_000 },
    );
    assert.match(await page.locator('[data-testid=attribution-track] figcaption').innerText(), /In-silico mutagenesis/);
    assert.ok(Number((await dataset('attribution-track')).letters) > 50);
    await page.getByTestId('explain-method').selectOption('saliency');
    await page.waitForFunction(
      () => /Saliency/.test(document.querySelector('[data-testid=attribution-track] figcaption')?.textContent ?? ''),
      null,
      { timeout: 30_000 },
    );
    assert.equal(await ismCells(), 4 * 101);
  });

  test('the figures download as SVG and PNG and their numbers as TSV', { timeout: 30_000 }, async () => {
    const [svgFile] = await Promise.all([page.waitForEvent('download'), page.getByTestId('track-export-svg').click()]);
    const svgText = await readFile(await svgFile.path(), 'utf8');
    assert.match(svgFile.suggestedFilename(), /^helix-attributions-.+\.svg$/);
    assert.match(svgText, /^<\?xml[\s\S]*<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"[\s\S]*<path /);
    const [pngFile] = await Promise.all([page.waitForEvent('download'), page.getByTestId('ism-export-png').click()]);
    const png = await readFile(await pngFile.path());
    assert.deepEqual([...png.subarray(1, 4)], [...Buffer.from('PNG')]);
    assert.ok(png.length > 2000, `PNG of ${png.length} bytes`);
    const [tsvFile] = await Promise.all([page.waitForEvent('download'), page.getByTestId('ism-export-tsv').click()]);
    const rows = (await readFile(await tsvFile.path(), 'utf8')).trim().split('\n');
    assert.equal(rows[0], 'position\tbase\tA\tC\tG\tT');
    assert.equal(rows.length, 1 + 101);
  });

  test('"Learned motifs" lists filter logos with named JASPAR matches', { timeout: 120_000 }, async () => {
    await page.getByTestId('motifs-button').click();
    await page.getByTestId('filter-logo').first().waitFor({ timeout: 110_000 });
    const logos = page.getByTestId('filter-logo');
    assert.ok((await logos.count()) >= 1);
    const best = await logos.evaluateAll((els) => els.map((el) => el.dataset.bestMatch).filter(Boolean));
    assert.ok(best.length >= 1, 'at least one filter has a named match');
    assert.ok(
      best.some((name) => /^GATA\d/i.test(name)),
      `a filter of the GATA3-trained model matches a GATA factor best (${best})`,
    );
    const scores = await logos.evaluateAll((els) => els.map((el) => Number(el.dataset.bestScore || -Infinity)));
    assert.deepEqual(
      scores,
      [...scores].sort((a, b) => b - a),
    ); // best matches first
    assert.ok((await page.locator('[data-testid=filter-logo] svg path').count()) > 0, 'the logos draw letters');
    const first = await logos.first().innerText();
    assert.match(first, /MA\d{4}\.\d/); // a JASPAR matrix id beside the name
    const more = page.getByTestId('motifs-more');
    if (await more.isVisible()) {
      await more.click();
      assert.ok((await logos.count()) > 12, 'Show all lists the other filters');
    }
    console.log(
      `best JASPAR matches of the filters: ${(await logos.evaluateAll((els) => els.map((el) => el.dataset.bestMatch))).join(', ')}`,
    );
    assert.deepEqual(page.consoleErrors, []);
    await screenshotOf('.motifs-panel', 'filter-logos');
  });

  test('a motif file the user opens replaces JASPAR CORE for the matches', { timeout: 120_000 }, async () => {
    await page
      .locator('.motifs-panel input[type=file]')
      .setInputFiles(fileURLToPath(new URL('../../web/data/jaspar/GATA1_TAL1.jaspar', import.meta.url)));
    await page.waitForFunction(() =>
      /GATA1_TAL1\.jaspar/.test(document.querySelector('[data-testid=motifs-db]').textContent),
    );
    await page.getByTestId('motifs-button').click();
    await page.waitForFunction(
      () => /GATA1_TAL1\.jaspar \(2 motifs\)/.test(document.querySelector('.motifs-panel [role=status]').textContent),
      null,
      { timeout: 110_000 },
    );
    const names = await page.locator('[data-testid=filter-match] strong').allInnerTexts();
    assert.ok(names.length >= 1 && names.every((n) => /^(GATA1|TAL1)/i.test(n)), `matches ${names}`);
  });

  test('two pasted variants give two rows, the largest |difference| first', { timeout: 30_000 }, async () => {
    await page.getByTestId('variant-input').fill(VARIANTS);
    await page.getByTestId('variants-button').click();
    await page.getByTestId('variant-row').first().waitFor({ timeout: 20_000 });
    const rows = page.getByTestId('variant-row');
    assert.equal(await rows.count(), 2);
    const differences = (await rows.locator('td.difference .value').allInnerTexts()).map(Number);
    assert.ok(Math.abs(differences[0]) >= Math.abs(differences[1]), `differences ${differences}`);
    assert.equal(await rows.first().locator('td.id').innerText(), 'in_gata_site'); // breaking the GATA site matters most
    assert.match(await rows.first().locator('td.change').innerText(), /^[ACGT]→[ACGT]$/);
    await screenshotOf('.variants-panel', 'variants');
  });

  test('a bad variant line is reported by its line number and the text is kept', { timeout: 30_000 }, async () => {
    const box = page.getByTestId('variant-input');
    await box.fill(BAD_VARIANTS);
    await page.getByTestId('variants-button').click();
    const error = page.getByTestId('variant-error');
    await error.waitFor({ state: 'visible', timeout: 20_000 });
    assert.match(await error.innerText(), /line 3/);
    assert.equal(await box.inputValue(), BAD_VARIANTS);
    assert.equal(await box.getAttribute('aria-invalid'), 'true');
    assert.equal(await page.getByTestId('variant-row').count(), 0);
    await screenshot(page, 'explain-variant-error');
  });

  test(
    'a multi-task model: the head to explain is chosen by name, and variants are scored for it',
    { timeout: 180_000 },
    async () => {
      await page.getByTestId('preset-select').selectOption('cnn-multitask');
      await page.waitForFunction(
        () => document.querySelector('[data-testid=training-input]').value.startsWith('id\tsequence\tgata1'),
        null,
        { timeout: 30_000 },
      );
      assert.equal(await page.getByTestId('explain-row').count(), 0); // the old model's explanations are gone
      await page.getByTestId('epochs-input').fill('2');
      await page.getByTestId('train-button').click();
      await waitForStatus(page, /Trained in/, 170_000);
      await page.getByTestId('sequence-input').fill(`>peak\n${PEAK}\n`);
      await page.getByTestId('predict-button').click();
      await waitForStatus(page, /Predicted binding for 1 sequence/, 20_000);
      await page.getByTestId('explain-row').click();
      await page.getByTestId('ism-map').waitFor({ state: 'visible', timeout: 30_000 });
      const heads = await page.locator('[data-testid=explain-head] option').allInnerTexts();
      assert.deepEqual(heads, ['gata1', 'tal1']);
      assert.match(await page.getByTestId('explain-status').innerText(), /of gata1\)/);
      await page.getByTestId('explain-head').selectOption('tal1');
      await page.waitForFunction(
        () => /of tal1\)/.test(document.querySelector('[data-testid=explain-status]').textContent),
        null,
        { timeout: 30_000 },
      );
      assert.equal(await ismCells(), 4 * 101);
      await page.getByTestId('variant-input').fill(VARIANTS);
      await page.getByTestId('variants-button').click();
      await page.getByTestId('variant-row').first().waitFor({ timeout: 20_000 });
      assert.match(await page.locator('table.variants caption').innerText(), /probability of tal1/);
      assert.deepEqual(page.consoleErrors, []);
    },
  );

  test('every new control has a label', async () => {
    const unlabelled = await page.evaluate(() =>
      [
        ...document.querySelectorAll(
          '#explain-panel input:not([type=file]), #explain-panel select, #explain-panel textarea',
        ),
      ]
        .filter((el) => !el.labels?.length && !el.getAttribute('aria-label'))
        .map((el) => el.outerHTML.slice(0, 80)),
    );
    assert.deepEqual(unlabelled, []);
  });
});
