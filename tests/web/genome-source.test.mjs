// tests/web/genome-source.test.mjs: "From genome files" in the page's data panel: a genome with its .fai, peaks
// and a bigWig picked as files (the page reads them by File.slice) build the same table `buildDataset` builds
// in Node, byte for byte; it lands in the data box as the user's own data, with counts per split, and trains
// as usual. A BED naming a chromosome the genome lacks is an error naming the file, line and the near miss.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { useBrowser, openPage, waitForEngine, waitForStatus, screenshot } from './browser.mjs';
import { makeGenomeFiles } from '../wasm/genome-fixtures.mjs';
import { buildDataset } from '../../js/genome/index.js';

describe('the data panel builds a dataset from genome files', () => {
  const shared = useBrowser({ isolation: true });
  let page;
  let files;
  before(async () => {
    files = makeGenomeFiles({
      sizes: { chr1: 150_000, chr2: 100_000, chr3: 80_000, chr4: 80_000 },
      seed: 9,
      peaksPerChrom: 40,
    });
    page = await openPage(shared.browser, shared.server.url);
    await waitForEngine(page);
  });
  after(async () => {
    await page?.close();
  });

  const pick = async ({ peaks = files.narrowPeak } = {}) => {
    await page.locator('[data-testid=genome-source] summary').click();
    await page.getByTestId('genome-file').setInputFiles([files.fasta, `${files.fasta}.fai`]);
    await page.getByTestId('peaks-file').setInputFiles(peaks);
    await page.getByTestId('bigwig-file').setInputFiles(files.bigWig);
    await page.getByTestId('genome-length').fill('120');
    await page.getByTestId('genome-valid').fill('chr3');
    await page.getByTestId('genome-test').fill('chr4');
  };

  test('the table equals Node buildDataset, is the own data, and trains', { timeout: 180_000 }, async () => {
    await pick();
    await page.getByTestId('build-dataset').click();
    await page.waitForFunction(
      () => /windows \(positives/.test(document.querySelector('[data-testid=genome-summary]').textContent),
      null,
      { timeout: 60_000 },
    );
    const summary = await page.getByTestId('genome-summary').innerText();
    const node = await buildDataset({
      genome: files.fasta,
      peaks: files.narrowPeak,
      bigwig: files.bigWig,
      length: 120,
      valid: ['chr3'],
      test: ['chr4'],
      checksums: false,
    });
    const c = node.manifest.counts;
    assert.match(
      summary,
      new RegExp(
        `training ${c.train.positives} \\+ ${c.train.negatives}, validation ${c.valid.positives} \\+ ${c.valid.negatives}, test ${c.test.positives} \\+ ${c.test.negatives}`,
      ),
    );
    // The GC histogram: a bar per bin for positives and for negatives, their counts those of the manifest.
    const bars = await page.locator('[data-testid=gc-histogram] rect title').allTextContents();
    const count = (label) =>
      bars.filter((b) => b.endsWith(label)).reduce((a, b) => a + Number(b.split(': ')[1].split(' ')[0]), 0);
    assert.equal(count('positives'), c.train.positives + c.valid.positives + c.test.positives);
    assert.equal(count('negatives'), c.train.negatives + c.valid.negatives + c.test.negatives);
    const table = await page.getByTestId('training-input').inputValue();
    assert.equal(table, node.table, 'the page and Node build the same table');
    assert.equal(await page.getByTestId('example-select').inputValue(), 'own');
    await screenshot(page, 'genome-source');
    await page.getByTestId('epochs-input').fill('1');
    await page.getByTestId('train-button').click();
    await waitForStatus(page, /Trained in/, 150_000);
    assert.deepEqual(page.consoleErrors, []);
  });

  test(
    'a BED naming a chromosome the genome lacks: the file, line and near miss are named',
    { timeout: 60_000 },
    async () => {
      const bad = join(files.dir, 'bad.bed');
      writeFileSync(bad, 'chr1\t100\t300\n2\t100\t300\n');
      await page.reload();
      await waitForEngine(page);
      await pick({ peaks: bad });
      await page.getByTestId('build-dataset').click();
      const error = page.getByTestId('genome-error');
      await error.waitFor({ state: 'visible', timeout: 30_000 });
      assert.match(
        await error.innerText(),
        /bad\.bed: line 2, column 1: '2' is not a chromosome of genome\.fa: did you mean 'chr2'\?/,
      );
    },
  );
});
