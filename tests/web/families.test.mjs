// tests/web/families.test.mjs: every model family in Debian's Chromium: the picker offers its presets, choosing
// one loads its example, a short run (few epochs, set through the page's epochs control) trains, and the
// family's own result view appears with sane numbers. Run: node --test --test-concurrency=1 tests/web/families.test.mjs
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

let browser;
let server;
before(async () => {
  browser = await launchChromium();
  server = await serveWeb({ isolation: true });
});
after(async () => {
  await server?.close();
  await browser?.close();
});

// A fresh page with `preset` chosen and its example loaded: the data input `testid` holds over 100 characters
// (a matrix input: over 100 rows).
async function pagePicking(preset, testid = 'training-input') {
  const page = await openPage(browser, server.url);
  await waitForEngine(page);
  await page.getByTestId('preset-select').selectOption(preset);
  await page.waitForFunction(
    (id) => {
      const el = document.querySelector(`[data-testid=${id}]`);
      return el && (el.value !== undefined ? el.value.length > 100 : Number(el.dataset.rows) > 100);
    },
    testid,
    { timeout: 60_000 },
  );
  return page;
}

async function trainFor(page, epochs, done = /Trained/, timeout = 150_000) {
  await page.getByTestId('epochs-input').fill(String(epochs));
  await page.getByTestId('train-button').click();
  await waitForStatus(page, done, timeout);
}

// Replaces a box's text as typing would (an input event); Playwright's fill() is slow on long texts.
const setText = (page, testid, text) =>
  page.getByTestId(testid).evaluate((el, value) => {
    el.value = value;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);
const dataset = (page, testid) => page.getByTestId(testid).evaluate((el) => ({ ...el.dataset }));
const presetsOffered = (page) =>
  page.evaluate(() => [...document.querySelectorAll('[data-testid=preset-select] option')].map((o) => o.value));
const groupsOffered = (page) =>
  page.evaluate(() => [...document.querySelectorAll('[data-testid=preset-select] optgroup')].map((g) => g.label));

describe('model families', () => {
  test(
    'the picker groups every preset by family and each family brings its own data inputs',
    { timeout: 60_000 },
    async () => {
      const page = await openPage(browser, server.url);
      await waitForEngine(page);
      const offered = await presetsOffered(page);
      for (const preset of [
        'cnn-binding',
        'cnn-splice',
        'rnn-order',
        'single-layer',
        'mlp',
        'cnn-multitask',
        'regression-activity',
        'bpnet-profile',
        'multimodal',
        'transfer',
        'gcn-node',
        'gcn-graph',
        'autoencoder',
        'dae-impute',
        'gan-dna',
      ]) {
        assert.ok(offered.includes(preset), `${preset} is offered (${offered})`);
      }
      assert.deepEqual(await groupsOffered(page), [
        'DNA sequence models',
        'Table-column models (no DNA)',
        'Regression (numbers)',
        'Profiles (reads per base)',
        'Multi-task',
        'Multimodal (DNA + columns)',
        'Transfer learning',
        'Graphs',
        'Autoencoders',
        'Generative (GAN)',
      ]);
      const visible = (testid) => page.getByTestId(testid).isVisible();
      await page.getByTestId('preset-select').selectOption('gcn-node');
      await page.getByTestId('training-input-second').waitFor();
      assert.equal(await visible('training-input'), true);
      await page.getByTestId('preset-select').selectOption('autoencoder');
      await page.getByTestId('matrix-input').waitFor();
      assert.equal(await visible('training-input'), false);
      assert.equal(await visible('training-input-second'), true);
      await page.getByTestId('preset-select').selectOption('gan-dna');
      await page.waitForFunction(
        () => document.querySelector('[data-testid=training-input]').value.startsWith('>'),
        null,
        { timeout: 30_000 },
      );
      assert.equal(await visible('training-input-second'), false);
      assert.deepEqual(page.consoleErrors, []);
      await page.close();
    },
  );

  test(
    'graphs: gcn-node trains on Cora and shows node accuracy per split and a graph coloured by prediction',
    { timeout: 120_000 },
    async () => {
      const page = await pagePicking('gcn-node', 'training-input-second');
      assert.equal(await page.getByTestId('example-select').inputValue(), 'cora');
      assert.equal(await page.locator('#predict-panel').isHidden(), true);
      await trainFor(page, 30);
      assert.match(await statusText(page), /test nodes/);
      const rows = page.getByTestId('graph-accuracy-row');
      await rows.first().waitFor({ timeout: 20_000 });
      const accuracy = Object.fromEntries(
        await rows.evaluateAll((trs) =>
          trs.map((tr) => [tr.dataset.split, Number(tr.querySelector('[data-accuracy]').dataset.accuracy)]),
        ),
      );
      assert.deepEqual(Object.keys(accuracy).sort(), ['test', 'train', 'val']);
      for (const [split, value] of Object.entries(accuracy))
        assert.ok(value >= 0 && value <= 1, `${split} accuracy ${value}`);
      assert.ok(accuracy.test > 1 / 7 + 0.2, `test accuracy ${accuracy.test} is well above chance (1/7)`);
      const view = await dataset(page, 'graph-view');
      assert.ok(Number(view.nodes) >= 20, `graph view shows ${view.nodes} nodes`);
      const colours = await page
        .locator('[data-testid=graph-view] circle')
        .evaluateAll((cs) => new Set(cs.map((c) => c.getAttribute('fill'))).size);
      assert.ok(colours >= 2, `${colours} predicted classes drawn`);
      const points = Number((await dataset(page, 'loss-chart')).points);
      assert.ok(points >= 20, `the chart drew ${points} epochs`);
      await screenshot(page, 'family-graph');
      // The saved graph model loads back and scores the same on the same graph.
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Save model' }).click(),
      ]);
      await page.locator('#model-panel input[type=file]').setInputFiles(await download.path());
      await waitForStatus(page, /Model loaded from/, 20_000);
      const reloaded = Number(
        await page
          .locator('[data-testid=graph-accuracy-row][data-split=test] [data-accuracy]')
          .getAttribute('data-accuracy'),
      );
      assert.equal(reloaded, accuracy.test);
      assert.deepEqual(page.consoleErrors, []);
      await page.close();
    },
  );

  test(
    'graphs: gcn-graph classifies whole gene networks and draws a few graphs of each class',
    { timeout: 150_000 },
    async () => {
      const page = await pagePicking('gcn-graph', 'training-input-second');
      assert.equal(await page.getByTestId('example-select').inputValue(), 'graph-motifs');
      await trainFor(page, 20);
      const rows = page.getByTestId('graph-accuracy-row');
      await rows.first().waitFor({ timeout: 20_000 });
      const accuracy = Object.fromEntries(
        await rows.evaluateAll((trs) =>
          trs.map((tr) => [tr.dataset.split, Number(tr.querySelector('[data-accuracy]').dataset.accuracy)]),
        ),
      );
      assert.deepEqual(Object.keys(accuracy).sort(), ['graphsAll', 'graphsTest']);
      for (const [split, value] of Object.entries(accuracy))
        assert.ok(value >= 0 && value <= 1, `${split} accuracy ${value}`);
      const view = await dataset(page, 'graph-view');
      assert.equal(Number(view.graphs), 6);
      assert.ok(Number(view.nodes) >= 6 * 14, `${view.nodes} nodes drawn`);
      assert.deepEqual(page.consoleErrors, []);
      await screenshot(page, 'family-graph-classification');
      await page.close();
    },
  );

  test(
    'graphs: a bad edge is reported in the edges box by line, and Cancel stops a graph run',
    { timeout: 90_000 },
    async () => {
      const page = await pagePicking('gcn-node', 'training-input-second');
      const edges = page.getByTestId('training-input-second');
      const good = await edges.inputValue();
      await setText(page, 'training-input-second', good.replace('0\t633\n', '0\t633\n0\t99999\n'));
      await page.getByTestId('train-button').click();
      const error = page.getByTestId('training-error-second');
      await error.waitFor({ state: 'visible', timeout: 20_000 });
      assert.match(await error.innerText(), /line 3, column 3: node '99999' is not in the nodes table/);
      assert.equal(await page.getByTestId('example-select').inputValue(), 'own');
      await setText(page, 'training-input-second', good);
      await page.getByTestId('epochs-input').fill('500');
      await page.getByTestId('train-button').click();
      await waitForStatus(page, /epoch \d+ of 500/, 30_000);
      const started = Date.now();
      await page.getByTestId('cancel-button').click();
      await page.waitForFunction(() => !document.querySelector('[data-testid=train-button]').disabled, null, {
        timeout: 5_000,
      });
      assert.ok(Date.now() - started < 2_000, 'cancel within two seconds');
      assert.match(await statusText(page), /cancelled/i);
      assert.deepEqual(page.consoleErrors, []);
      await page.close();
    },
  );

  test(
    'table columns: mlp trains on intron features and draws a decision map with both classes',
    { timeout: 120_000 },
    async () => {
      const page = await pagePicking('mlp');
      assert.equal(await page.getByTestId('example-select').inputValue(), 'splice-features');
      await trainFor(page, 10);
      assert.match(await statusText(page), /AUROC 0\.[5-9]/);
      await page.waitForFunction(() => document.querySelector('[data-testid=decision-map]')?.dataset.classes, null, {
        timeout: 20_000,
      });
      const map = await dataset(page, 'decision-map');
      assert.equal(map.classes, '0,1');
      assert.equal(map.x, 'branch_point_distance');
      assert.equal(map.y, 'log10_intron_length');
      assert.ok(Number(map.points) > 50, `${map.points} training rows drawn`);
      assert.ok(Number(map.pmin) < 0.5 && Number(map.pmax) > 0.5, `probability spans ${map.pmin}..${map.pmax}`);
      await page.getByTestId('decision-map-y').selectOption('donor_score');
      await page.waitForFunction(
        () => document.querySelector('[data-testid=decision-map]').dataset.y === 'donor_score',
        null,
        { timeout: 20_000 },
      );
      assert.deepEqual(page.consoleErrors, []);
      await screenshot(page, 'family-columns');
      await page.close();
    },
  );

  test('table columns: a cell that is not a number is reported by line and column', { timeout: 60_000 }, async () => {
    const page = await pagePicking('single-layer');
    const box = page.getByTestId('training-input');
    const lines = (await box.inputValue()).split('\n');
    const cells = lines[2].split('\t');
    cells[1] = 'abc';
    lines[2] = cells.join('\t');
    await setText(page, 'training-input', lines.join('\n'));
    await page.getByTestId('train-button').click();
    const error = page.getByTestId('training-error');
    await error.waitFor({ state: 'visible', timeout: 20_000 });
    assert.match(await error.innerText(), /line 3/);
    await page.close();
  });

  test(
    'regression: regression-activity trains on its example and plots predicted against measured per target',
    { timeout: 240_000 },
    async () => {
      const page = await pagePicking('regression-activity');
      assert.equal(await page.getByTestId('example-select').inputValue(), 'activity');
      await trainFor(page, 1, /Trained/, 220_000);
      assert.match(await page.getByTestId('status').innerText(), /Pearson r: dev -?[0-9.]+, hk -?[0-9.]+/);
      await page.getByTestId('regression-view').waitFor({ timeout: 20_000 });
      const targets = await page.getByTestId('regression-target').locator('option').allInnerTexts();
      assert.deepEqual(targets, ['dev', 'hk']);
      // one dot per held-out sequence (800 of 8000), and the replicate ceiling in the caption
      assert.equal(await page.getByTestId('regression-scatter').locator('circle').count(), 800);
      assert.match(await page.getByTestId('regression-metrics').innerText(), /0\.89/);
      await page.getByTestId('predict-button').click();
      await waitForStatus(page, /Predicted/, 30_000);
      const headings = await page.locator('table.predictions thead th').allInnerTexts();
      assert.ok(
        headings.some((x) => /dev: predicted value/.test(x)),
        headings.join(' | '),
      );
      assert.deepEqual(page.consoleErrors, []);
      await screenshot(page, 'family-regression');
      await page.close();
    },
  );

  test(
    'profile: bpnet-profile trains on its example and draws predicted against observed reads of test regions',
    { timeout: 900_000 },
    async () => {
      const page = await pagePicking('bpnet-profile');
      assert.equal(await page.getByTestId('example-select').inputValue(), 'profile');
      await trainFor(page, 1, /Trained/, 880_000);
      assert.match(await page.getByTestId('status').innerText(), /profile Pearson -?[0-9.]+ \(average profile/);
      await page.getByTestId('profile-view').waitFor({ timeout: 20_000 });
      // up to 12 held-out regions with signal to choose from, named by their table ids
      const regions = await page.getByTestId('profile-region').locator('option').allInnerTexts();
      assert.ok(regions.length > 1 && regions.length <= 12, regions.join(', '));
      assert.ok(
        regions.every((r) => /^region\d+$/.test(r)),
        regions.join(', '),
      );
      assert.ok((await page.getByTestId('profile-tracks').locator('rect.profile-bar').count()) > 0);
      assert.match(await page.getByTestId('profile-metrics').innerText(), new RegExp(regions[0]));
      await page.getByTestId('profile-region').selectOption({ index: 1 });
      assert.match(await page.getByTestId('profile-metrics').innerText(), new RegExp(regions[1]));
      assert.deepEqual(page.consoleErrors, []);
      await screenshot(page, 'family-profile');
      await page.close();
    },
  );

  test(
    'multi-task: cnn-multitask reports AUROC per task and predicts one probability per head',
    { timeout: 150_000 },
    async () => {
      const page = await pagePicking('cnn-multitask');
      assert.equal(await page.getByTestId('example-select').inputValue(), 'multitask');
      await trainFor(page, 4);
      const rows = page.getByTestId('task-row');
      await rows.first().waitFor({ timeout: 20_000 });
      const tasks = await rows.evaluateAll((trs) =>
        trs.map((tr) => ({
          task: tr.dataset.task,
          n: Number(tr.querySelector('[data-metric=n]').textContent),
          auroc: Number(tr.querySelector('[data-metric=auroc]').textContent),
        })),
      );
      assert.deepEqual(
        tasks.map((r) => r.task),
        ['gata1', 'tal1'],
      );
      for (const { task, n, auroc } of tasks) {
        assert.ok(n > 0, `${task}: ${n} labelled test rows`);
        assert.ok(auroc > 0.5 && auroc <= 1, `${task}: AUROC ${auroc}`);
      }
      await page.getByTestId('predict-button').click();
      await waitForStatus(page, /Predicted binding for \d+ sequences/, 20_000);
      const headings = await page.locator('table.predictions thead th').allInnerTexts();
      assert.ok(
        headings.some((x) => /gata1 probability/.test(x)) && headings.some((x) => /tal1 probability/.test(x)),
        headings.join(' | '),
      );
      const values = (await page.locator('[data-testid=prediction-row] .value').allInnerTexts()).map(Number);
      for (const p of values) assert.ok(p >= 0 && p <= 1, `probability ${p}`);
      assert.deepEqual(page.consoleErrors, []);
      await screenshot(page, 'family-multitask');
      await page.close();
    },
  );

  test(
    'multimodal: DNA plus accessibility and conservation trains and predicts from a pasted table',
    { timeout: 150_000 },
    async () => {
      const page = await pagePicking('multimodal');
      await trainFor(page, 4);
      const auroc = Number((await statusText(page)).match(/AUROC (\d\.\d+)/)[1]);
      assert.ok(auroc > 0.5 && auroc <= 1, `test AUROC ${auroc}`);
      await page.getByTestId('predict-button').click();
      await waitForStatus(page, /Predicted binding for \d+ sequences/, 20_000);
      assert.ok((await page.getByTestId('prediction-row').count()) > 0);
      assert.deepEqual(page.consoleErrors, []);
      await page.close();
    },
  );

  test(
    'transfer: pretrain on the large set, fine-tune on the small one, and compare on the test set',
    { timeout: 200_000 },
    async () => {
      const page = await pagePicking('transfer');
      await page.getByTestId('transfer-steps').waitFor();
      await page.getByTestId('pretrain-epochs').fill('2');
      await page.getByTestId('pretrain-button').click();
      await waitForStatus(page, /Step 1 done/, 120_000);
      assert.equal(await page.getByTestId('freeze-conv1').isChecked(), true);
      await trainFor(page, 5, /Fine-tuned/);
      const row = page.getByTestId('transfer-row').first();
      await row.waitFor({ timeout: 30_000 });
      assert.equal(await row.getAttribute('data-start'), 'pretrained');
      const auroc = Number(await row.locator('[data-auroc]').getAttribute('data-auroc'));
      assert.ok(auroc >= 0 && auroc <= 1, `fine-tuned test AUROC ${auroc}`);
      assert.match(await row.innerText(), /conv1/);
      // The same network from scratch, for comparison: a second row.
      await page.getByTestId('use-pretrained').uncheck();
      await trainFor(page, 5, /Fine-tuned/);
      await page.getByTestId('transfer-row').nth(1).waitFor({ timeout: 30_000 });
      const starts = await page.getByTestId('transfer-row').evaluateAll((trs) => trs.map((tr) => tr.dataset.start));
      assert.deepEqual(starts, ['pretrained', 'scratch']);
      const aurocs = await page
        .locator('[data-testid=transfer-row] [data-auroc]')
        .evaluateAll((tds) => tds.map((td) => Number(td.dataset.auroc)));
      assert.ok(aurocs[0] > aurocs[1], `pretrained ${aurocs[0]} beats scratch ${aurocs[1]} on the held-out test set`);
      assert.deepEqual(page.consoleErrors, []);
      await screenshot(page, 'family-transfer');
      await page.close();
    },
  );

  test(
    'autoencoder: trains on the PBMC matrix and draws one latent point per cell, coloured by cell type',
    { timeout: 200_000 },
    async () => {
      const page = await pagePicking('autoencoder', 'matrix-input');
      const cells = Number((await dataset(page, 'matrix-input')).rows);
      assert.equal(cells, 2638);
      assert.equal(await page.getByTestId('label-column').inputValue(), 'classified');
      await trainFor(page, 1, /Trained|stopped/, 180_000);
      await page.waitForFunction(
        () => Number(document.querySelector('[data-testid=latent-scatter]')?.dataset.points) > 0,
        null,
        { timeout: 30_000 },
      );
      const scatter = await dataset(page, 'latent-scatter');
      assert.equal(Number(scatter.points), cells);
      assert.equal(Number(scatter.labels), 9);
      assert.equal(await page.locator('[data-testid=latent-scatter] .legend-item').count(), 9);
      await screenshot(page, 'family-autoencoder');
      // dae-impute: a 64-number code, drawn on its first two principal components, and an imputation score.
      await page.getByTestId('preset-select').selectOption('dae-impute');
      await trainFor(page, 1, /Trained|stopped/, 180_000);
      await page.waitForFunction(
        () => document.querySelector('[data-testid=latent-scatter]')?.dataset.dims === '64',
        null,
        { timeout: 30_000 },
      );
      assert.equal(Number((await dataset(page, 'latent-scatter')).points), cells);
      assert.match(
        await page.getByTestId('latent-scores').innerText(),
        /Imputing hidden test values: error \d\.\d+ against \d\.\d+/,
      );
      assert.deepEqual(page.consoleErrors, []);
      await page.close();
    },
  );

  test(
    'autoencoder: a matrix value that is not a number is reported by line and column',
    { timeout: 60_000 },
    async () => {
      const page = await pagePicking('dae-impute', 'matrix-input');
      const rows = Array.from({ length: 40 }, (_, i) => `c${i}\t1\t2\t${i === 1 ? 'abc' : 3}`);
      await page.locator('[data-testid=matrix-input] input[type=file]').setInputFiles({
        name: 'bad.tsv',
        mimeType: 'text/plain',
        buffer: Buffer.from(`cell\tg1\tg2\tg3\n${rows.join('\n')}\n`),
      });
      await page.waitForFunction(() => document.querySelector('[data-testid=matrix-input]').dataset.rows === '40');
      assert.equal(await page.getByTestId('example-select').inputValue(), 'own');
      await page.getByTestId('train-button').click();
      const error = page.getByTestId('matrix-error');
      await error.waitFor({ state: 'visible', timeout: 20_000 });
      assert.match(await error.innerText(), /line 3, column 8: 'abc' in column 'g3' is not a number/);
      await page.close();
    },
  );

  test(
    'GAN: Cancel stops a long run within two seconds and the partly trained generator still writes',
    { timeout: 90_000 },
    async () => {
      const page = await pagePicking('gan-dna');
      await page.getByTestId('epochs-input').fill('200');
      await page.getByTestId('train-button').click();
      await waitForStatus(page, /step \d+ of \d+/, 30_000);
      const started = Date.now();
      await page.getByTestId('cancel-button').click();
      await page.waitForFunction(() => !document.querySelector('[data-testid=train-button]').disabled, null, {
        timeout: 5_000,
      });
      assert.ok(Date.now() - started < 2_000, 'cancel within two seconds');
      assert.match(await statusText(page), /cancelled after \d+ of \d+ steps/i);
      await page.waitForFunction(
        () => Number(document.querySelector('[data-testid=gan-samples]')?.dataset.count) > 0,
        null,
        { timeout: 20_000 },
      );
      assert.deepEqual(page.consoleErrors, []);
      await page.close();
    },
  );

  test(
    'GAN: D and G losses per step, then 50 bp samples of ACGT whose composition sums to 1 per position',
    { timeout: 200_000 },
    async () => {
      const page = await pagePicking('gan-dna');
      await trainFor(page, 1, /Trained/, 180_000);
      const chart = await dataset(page, 'loss-chart');
      assert.equal(chart.series, 'D loss|G loss');
      // Every step is drawn, though the worker sends ~20 events a second: 1 epoch of the 3000-sequence example
      // in batches of 64 is 47 steps.
      const steps = Number((await statusText(page)).match(/(\d+) steps/)?.[1] ?? NaN);
      assert.ok(
        Number(chart.points) >= 40 && (!Number.isFinite(steps) || Number(chart.points) === steps),
        `${chart.points} steps drawn of ${steps}`,
      );
      await page.waitForFunction(
        () => Number(document.querySelector('[data-testid=gan-samples]')?.dataset.count) > 0,
        null,
        { timeout: 30_000 },
      );
      const samples = await page.locator('[data-testid=gan-samples] li').allInnerTexts();
      assert.ok(samples.length > 0);
      for (const seq of samples) assert.match(seq, /^[ACGT]{50}$/);
      const sums = await page
        .locator('[data-testid=base-composition] g[data-position]')
        .evaluateAll((gs) =>
          gs.map((g) => [...g.querySelectorAll('rect')].reduce((a, r) => a + Number(r.dataset.share), 0)),
        );
      assert.equal(sums.length, 50);
      for (const s of sums) assert.ok(Math.abs(s - 1) < 1e-3, `composition sums to ${s}`);
      assert.deepEqual(page.consoleErrors, []);
      await screenshot(page, 'family-gan');
      await page.close();
    },
  );
});
