// tests/web/model-views-browser.test.mjs: the views of issue 20's model kinds in Debian's Chromium, before any
// engine feeds them: each is mounted on a blank page of the served playground (the page's own CSP and styles,
// its modules imported from the server) and given made-up data with a known answer. Checks that each renders
// (cells, bars, lines, dots, captions with the numbers), that its selects redraw it, that its figure takes the
// keyboard focus with a label and a hidden table of numbers, that the TSV export downloads every point and the
// PNG export a PNG, that a language switch (retranslate.js) turns the drawn texts Chinese and back with their
// numbers, and that axe-core finds no serious violation. Run: node --test tests/web/model-views-browser.test.mjs
// (HELIX_SCREENSHOTS=1 also saves each view in test-results/web/model-view-*.png).
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, mkdir } from 'node:fs/promises';
import { useBrowser, openPage, axeSerious, RESULTS_DIR } from './browser.mjs';
import { CSP } from '../../scripts/serve.mjs';

const BLANK = `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><title>Model views</title><link rel="stylesheet" href="styles.css" /></head>
  <body><main class="result-slot" id="views"><h1>Model views</h1></main></body>
</html>`;

let page;
const dataset = (testid) => page.getByTestId(testid).evaluate((el) => ({ ...el.dataset }));
const text = (testid) => page.getByTestId(testid).innerText();
const count = (selector) => page.locator(selector).count();
// HELIX_SCREENSHOTS=1: each view as first shown, in test-results/web/model-view-<testid>.png.
async function shot(testid) {
  if (!process.env.HELIX_SCREENSHOTS) return;
  await mkdir(RESULTS_DIR, { recursive: true });
  await page.getByTestId(testid).screenshot({ path: `${RESULTS_DIR}model-view-${testid}.png` });
}

describe('model views on a blank page', () => {
  const shared = useBrowser();

  before(async () => {
    const url = `${shared.server.url}model-views-blank.html`;
    const context = await shared.browser.newContext({ viewport: { width: 1200, height: 900 }, acceptDownloads: true });
    await context.route(url, (route) =>
      route.fulfill({
        status: 200,
        contentType: 'text/html; charset=utf-8',
        headers: { 'Content-Security-Policy': CSP },
        body: BLANK,
      }),
    );
    page = await openPage(context, url);
    // The four views, mounted with data whose answer is known (built in the page: typed arrays stay typed).
    await page.evaluate(async () => {
      const root = document.getElementById('views');
      const [{ AttentionMap }, { ProfileTracks }, { RegressionScatter }, { TokenAccuracy }] = await Promise.all([
        import('/views/attention-map.js'),
        import('/views/profile-tracks.js'),
        import('/views/regression-scatter.js'),
        import('/views/token-accuracy.js'),
      ]);
      // Row-stochastic L × L maps: 0.3 on the diagonal, `weight` from query q to key k (1-based), the rest spread.
      const L = 300;
      const head = (links) => {
        const w = new Float32Array(L * L);
        for (let q = 0; q < L; q++) {
          const [k, weight] = links[q + 1] ?? [0, 0];
          for (let j = 0; j < L; j++)
            w[q * L + j] = (0.7 - weight) / L + (j === q ? 0.3 : 0) + (j === k - 1 ? weight : 0);
        }
        return w;
      };
      const sequence = 'ACGT'.repeat(L / 4);
      const attention = new AttentionMap(root);
      attention.show({
        id: 'spacing_17',
        sequence,
        layers: [
          { heads: [head({ 45: [145, 0.42], 46: [146, 0.4] }), head({ 200: [60, 0.5] })] },
          { heads: [head({ 10: [250, 0.33] })] },
        ],
      });

      // Region r1: two strands with a footprint; r2: one strand.
      const bump = (n, centre, height) =>
        Array.from({ length: n }, (_, i) => Math.round(height * Math.exp(-((i - centre) ** 2) / 50)));
      const normal = (values) => values.map((v) => v / values.reduce((a, b) => a + b, 0));
      const r1Plus = bump(200, 90, 30);
      const r1Minus = bump(200, 110, 20);
      const r1Profile = normal([...bump(200, 92, 30), ...bump(200, 108, 20)]);
      const regions = [
        {
          id: 'r1',
          start: 1000,
          observed: { plus: r1Plus, minus: r1Minus },
          predicted: { plus: r1Profile.slice(0, 200), minus: r1Profile.slice(200) },
          metrics: { pearson: 0.812, jsd: 0.231, predictedCount: 480.4, observedCount: 498 },
        },
        {
          id: 'r2',
          start: 5000,
          observed: { plus: bump(150, 40, 12) },
          predicted: { plus: normal(bump(150, 44, 12)) },
          metrics: { pearson: 0.64, jsd: 0.38, predictedCount: 101, observedCount: 98 },
        },
      ];
      const profile = new ProfileTracks(root);
      profile.setRegions(
        regions.map((r) => r.id),
        (i) => profile.show(regions[i]),
      );
      profile.show(regions[0]);

      // 5000 test sequences per target, predicted = observed + noise (a fixed linear congruential generator).
      let seed = 7;
      const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
      const target = (name, noise, ceiling) => {
        const observed = Array.from({ length: 5000 }, () => 4 * random() - 1);
        const predicted = observed.map((v) => v + noise * (random() - 0.5));
        return {
          name,
          observed,
          predicted,
          pearson: 0.853,
          spearman: 0.841,
          ceiling,
          ids: observed.map((_, i) => `seq${i + 1}`),
        };
      };
      const scatter = new RegressionScatter(root);
      scatter.show({ targets: [target('dev', 1.5, 0.92), target('hk', 3)] });

      const tokens = new TokenAccuracy(root);
      const history = Array.from({ length: 10 }, (_, i) => ({
        epoch: i + 1,
        accuracy: 0.3 + 0.012 * i,
        loss: 1.38 - 0.02 * i,
      }));
      tokens.show({ history, baseline: { order: 5, accuracy: 0.37 } });
      window.views = { attention, profile, scatter, tokens, history };
    });
  });

  after(() => page?.context().close());

  test('attention map: ≤ 100 × 100 cells, rulers, the distant link named; layer and head redraw it', async () => {
    await shot('attention-view');
    const view = await dataset('attention-view');
    assert.deepEqual([view.layer, view.head, view.length, view.cells], ['1', '1', '300', '100']);
    assert.ok(Number(view.max) > 0.1 && Number(view.max) < 0.5, view.max);
    const cells = await count('[data-testid=attention-map] > rect');
    assert.ok(cells > 100 && cells <= 100 * 100 + 1, `${cells} rects`);
    // 46 -> 146 is the same pair of sites; the other queries look everywhere alike
    assert.equal(
      await text('attention-links'),
      'Strongest links away from the diagonal: position 45 attends most to 145 (0.42).',
    );
    assert.equal(await count('[data-testid=attention-map] g.axis-bottom text'), 8); // 1, 50, ..., 300 and the title
    assert.equal(await count('[data-testid=attention-map] g.axis-left text'), 8);
    assert.match(await page.getByTestId('attention-map').getAttribute('aria-label'), /layer 1, head 1: 300 positions/);
    assert.match(await text('attention-view'), /The 300 positions are averaged into 100 × 100 cells./);
    assert.deepEqual(
      await page.$$eval('[data-testid=attention-table] tbody tr', (rows) =>
        rows.map((r) => [...r.cells].map((c) => c.textContent)),
      ),
      [['45', '145', '0.421', '100']],
    );

    await page.getByTestId('attention-head').selectOption('1');
    assert.equal((await dataset('attention-view')).head, '2');
    assert.match(await text('attention-links'), /position 200 attends most to 60 \(0\.50\)/);

    await page.getByTestId('attention-layer').selectOption('1'); // layer 2 has one head
    assert.equal(await count('[data-testid=attention-head] option'), 1);
    assert.deepEqual([(await dataset('attention-view')).layer, (await dataset('attention-view')).head], ['2', '1']);
    assert.match(await text('attention-links'), /position 10 attends most to 250 \(0\.33\)/);

    // From the keyboard: Tab goes from the head select to the map, which says what it shows.
    await page.getByTestId('attention-head').focus();
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.dataset.testid), 'attention-map');
  });

  test('profile tracks: + strand bars above the axis, − below, predicted lines; the region select switches', async () => {
    await shot('profile-view');
    const first = await dataset('profile-view');
    assert.equal(first.region, 'r1');
    assert.equal(first.strands, '2');
    const bars = await page.$$eval('[data-testid=profile-tracks] rect.profile-bar', (rects) =>
      rects.map((r) => ({
        strand: r.dataset.strand,
        y: Number(r.getAttribute('y')),
        h: Number(r.getAttribute('height')),
      })),
    );
    const zero = 12 + 120; // MARGIN.top + STRAND_HEIGHT
    const plus = bars.filter((b) => b.strand === 'plus');
    const minus = bars.filter((b) => b.strand === 'minus');
    assert.ok(plus.length > 10 && minus.length > 10);
    assert.ok(
      plus.every((b) => Math.abs(b.y + b.h - zero) < 0.02),
      'plus bars stand on the axis',
    );
    assert.ok(
      minus.every((b) => Math.abs(b.y - zero) < 0.02),
      'minus bars hang from the axis',
    );
    assert.equal(await count('[data-testid=profile-tracks] path.profile-line'), 2);
    assert.equal(
      await text('profile-metrics'),
      'Region r1: profile Pearson 0.812, Jensen–Shannon distance 0.231 (0 = the same shape); 480.4 reads predicted, 498 observed.',
    );
    assert.match(await text('profile-view'), /observed reads, − strand/); // the legend
    assert.match(await page.getByTestId('profile-tracks').getAttribute('aria-label'), /positions 1001 to 1200/);

    await page.getByTestId('profile-region').selectOption('1');
    const second = await dataset('profile-view');
    assert.deepEqual([second.region, second.strands, second.length], ['r2', '1', '150']);
    assert.equal(await count('[data-testid=profile-tracks] rect[data-strand=minus]'), 0);
    assert.equal(await count('[data-testid=profile-tracks] path.profile-line'), 1);
    assert.match(await text('profile-metrics'), /^Region r2: profile Pearson 0\.640/);
    assert.equal(await page.getByTestId('profile-tracks').getAttribute('viewBox'), '0 0 900 176');
  });

  test('regression scatter: 3000 of 5000 dots, y = x, r, ρ and the ceiling; target switch; TSV of every point', async () => {
    await shot('regression-view');
    assert.deepEqual(
      [(await dataset('regression-view')).points, (await dataset('regression-view')).n],
      ['3000', '5000'],
    );
    assert.equal(await count('[data-testid=regression-scatter] circle'), 3000);
    assert.equal(await count('[data-testid=regression-scatter] line.identity'), 1);
    assert.equal(
      await text('regression-metrics'),
      'dev on 5000 test sequences: Pearson r 0.853, Spearman ρ 0.841. Two replicate measurements agree at r = 0.920 (the noise ceiling); the model reaches 93% of it. 3000 of the 5000 dots are drawn, spread evenly; the TSV has them all.',
    );
    await page.getByTestId('regression-target').selectOption({ label: 'hk' });
    assert.equal((await dataset('regression-view')).target, 'hk');
    assert.doesNotMatch(await text('regression-metrics'), /noise ceiling/); // hk has none
    assert.match(await page.getByTestId('regression-scatter').getAttribute('aria-label'), /measured hk for 5000/);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('regression-export-tsv').click(),
    ]);
    assert.equal(download.suggestedFilename(), 'helix-regression-hk.tsv');
    const lines = (await readFile(await download.path(), 'utf8')).trimEnd().split('\n');
    assert.equal(lines.length, 5001);
    assert.equal(lines[0], 'id\tobserved\tpredicted');
    assert.match(lines[1], /^seq1\t/);
  });

  test('masked-token accuracy: one point per epoch, the dashed Markov baseline, and the verdict', async () => {
    await shot('token-view');
    assert.equal(await count('[data-testid=token-accuracy] circle.model-point'), 10);
    assert.equal(
      await page.locator('[data-testid=token-accuracy] line.baseline').getAttribute('stroke-dasharray'),
      '6 4',
    );
    assert.equal(
      await text('token-verdict'),
      'After epoch 10 the held-out masked-base accuracy is 0.408, above the order-5 Markov baseline 0.370.',
    );
    await page.evaluate(() =>
      window.views.tokens.show({ history: window.views.history, baseline: { order: 3, accuracy: 0.45 } }),
    );
    assert.match(await text('token-verdict'), /0\.408, not above the order-3 Markov baseline 0\.450\.$/);
    assert.equal((await dataset('token-view')).above, 'false');
    assert.equal(await count('[data-testid=token-table] tbody tr'), 10);
  });

  test('the PNG export of the attention map is a PNG', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('attention-export-png').click(),
    ]);
    assert.equal(download.suggestedFilename(), 'helix-attention-spacing_17-layer2-head1.png');
    const bytes = await readFile(await download.path());
    assert.deepEqual([...bytes.subarray(1, 4)], [0x50, 0x4e, 0x47]); // 'PNG'
    assert.ok(bytes.length > 5000, `${bytes.length} bytes`);
  });

  test('a language switch translates the drawn views in place (web/views/retranslate.js), numbers kept', async () => {
    const translate = (from, to) =>
      page.evaluate(
        async ([from, to]) => {
          const [{ retranslate }, { LANGUAGES }] = await Promise.all([
            import('/views/retranslate.js'),
            import('/strings.js'),
          ]);
          retranslate(document.getElementById('views'), LANGUAGES[from].strings, LANGUAGES[to].strings);
        },
        [from, to],
      );
    const before = await Promise.all(['profile-metrics', 'token-verdict', 'attention-links'].map(text));
    await translate('en', 'zh');
    assert.equal(
      await text('profile-metrics'),
      '区域 r2：谱的 Pearson 相关 0.640，Jensen–Shannon 距离 0.380（0 = 形状相同）；预测 101 条读段，观测 98 条。',
    );
    assert.match(
      await text('token-verdict'),
      /^第 10 轮后，留出数据上的掩码碱基正确率为 0\.408，未高于 3 阶马尔可夫基线 0\.450。$/,
    );
    assert.equal(await text('attention-links'), '离对角线较远的最强关联：位置 10 最关注位置 250（0.33）。');
    assert.match(await page.getByTestId('attention-map').getAttribute('aria-label'), /第 2 层第 1 个头/);
    assert.equal(await page.locator('[data-testid=attention-layer] option').first().innerText(), '第 1 层');
    await translate('zh', 'en');
    assert.deepEqual(await Promise.all(['profile-metrics', 'token-verdict', 'attention-links'].map(text)), before);
  });

  test('every figure is focusable and labelled; axe-core finds no serious violation; no console error', async () => {
    for (const testid of ['attention-map', 'profile-tracks', 'regression-scatter', 'token-accuracy']) {
      const svg = page.getByTestId(testid);
      assert.equal(await svg.getAttribute('tabindex'), '0', testid);
      assert.equal(await svg.getAttribute('role'), 'img', testid);
      assert.ok((await svg.getAttribute('aria-label')).length > 30, testid);
    }
    assert.deepEqual(await axeSerious(page), []);
    assert.deepEqual(page.consoleErrors, []);
  });
});
