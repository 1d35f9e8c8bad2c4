// tests/web/embed.test.mjs: <helix-playground> in Debian's Chromium: on a plain host page it starts only when
// scrolled into view, two of them share one engine worker (a second training waits for the first and says so,
// and each keeps its own model), its events bubble out of the shadow root; every tutorial page loads and each
// of its playgrounds trains, in English and in Chinese (examples/zh/, each page linking its counterpart); the static build (scripts/build-site.mjs) runs on one thread without COOP/COEP and
// says so, threaded with them. A removed playground is garbage-collected. No request leaves the page's origin.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium, screenshot, axeSerious, RESULTS_DIR } from './browser.mjs';
import { startServer } from '../../scripts/serve.mjs';
import { LANGUAGES } from '../../web/strings.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TUTORIALS = readdirSync(path.join(ROOT, 'examples'))
  .filter((f) => f.endsWith('.html') && f !== 'index.html')
  .sort();
const TUTORIALS_ZH = readdirSync(path.join(ROOT, 'examples/zh'))
  .filter((f) => f.endsWith('.html') && f !== 'index.html')
  .sort();
const SPLICE_ROWS =
  readFileSync(path.join(ROOT, 'web/data/splice-features.tsv'), 'utf8').split('\n').slice(0, 6).join('\n') + '\n';
const FASTA = '>a\nACGTACGATAAGGCTAGCTTACGTACGATAAGGCTAGCTT\n>b\nACGTACGCTCGGGCTAGCTTACGTACGCTCGGGCTAGCTT\n';

let browser;
before(async () => {
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
});

// Opens url with a count of the Workers the page creates (window.__workers) and a list of requests that
// leave its origin (page.foreignRequests).
async function openWatched(url, size) {
  const page = await browser.newPage({ viewport: size ?? { width: 1280, height: 900 } });
  const origin = new URL(url).origin;
  page.consoleErrors = [];
  page.foreignRequests = [];
  page.on('console', (m) => m.type() === 'error' && page.consoleErrors.push(m.text()));
  page.on('pageerror', (e) => page.consoleErrors.push(String(e)));
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(origin + '/') && !/^(data|blob):/.test(u)) page.foreignRequests.push(u);
  });
  await page.addInitScript(() => {
    const NativeWorker = window.Worker;
    window.__workers = [];
    window.Worker = class extends NativeWorker {
      constructor(url, options) {
        super(url, options);
        window.__workers.push(String(url));
      }
    };
  });
  await page.goto(url);
  return page;
}

// The status line inside a playground's shadow root: { engine, message }.
const status = (page, selector) =>
  page.evaluate((sel) => {
    const line = document.querySelector(sel).shadowRoot.querySelector('[data-testid=status]');
    return {
      engine: line?.querySelector('.engine')?.textContent ?? '',
      message: line?.querySelector('.message')?.textContent ?? '',
    };
  }, selector);

// Trains every playground on the page with `epochs` epochs (steps for the GAN), one after another.
// -> [{ preset, summary }] with the summary's figures only.
function trainAll(page, epochs) {
  return page.evaluate(async (epochs) => {
    const out = [];
    for (const el of document.querySelectorAll('helix-playground')) {
      el.scrollIntoView();
      await el.ready;
      const input = el.shadowRoot.querySelector('[data-testid=epochs-input]');
      input.value = String(epochs);
      const summary = await el.train();
      const message = el.shadowRoot.querySelector('[data-testid=status] .message').textContent;
      out.push({
        preset: el.preset,
        message,
        summary: summary && {
          error: summary.error ?? null,
          cancelled: Boolean(summary.cancelled),
          epochsRun: summary.epochsRun,
          stepsRun: summary.stepsRun,
          test: summary.test ?? null,
        },
      });
    }
    return out;
  }, epochs);
}

describe('<helix-playground> on a plain host page (no isolation)', () => {
  let server;
  let page;
  const events = () => page.evaluate(() => window.__events);
  before(async () => {
    server = await startServer({ port: 0, isolation: false, root: ROOT });
    page = await openWatched(`${server.url}tests/web/fixtures/embed-host.html`);
    await page.evaluate(() => {
      window.__events = [];
      for (const type of ['helix-epoch', 'helix-trained', 'helix-predicted']) {
        document.addEventListener(type, (e) =>
          window.__events.push({
            type,
            target: e.target.id,
            composed: e.composed,
            bubbles: e.bubbles,
            detail: JSON.parse(JSON.stringify(e.detail)),
          }),
        );
      }
    });
  });
  after(async () => {
    await page?.close();
    await server?.close();
  });

  test('nothing starts until a playground is scrolled into view', async () => {
    await page.waitForFunction(() => customElements.get('helix-playground'));
    await page.waitForTimeout(1000);
    assert.deepEqual(await page.evaluate(() => window.__workers), []);
    assert.deepEqual(
      await page.evaluate(() => [...document.querySelectorAll('helix-playground')].map((el) => el.started)),
      [false, false],
    );
    assert.match(
      await page
        .locator('#first')
        .innerText()
        .catch(() => ''),
      /^$/,
    ); // light DOM: nothing of its own
    assert.match(
      await page.evaluate(() => document.querySelector('#first').shadowRoot.textContent),
      /loads when scrolled into view/,
    );
  });

  test('scrolled into view, the first starts the one engine worker and names its build', async () => {
    await page.locator('#first').scrollIntoViewIfNeeded();
    await page.waitForFunction(() => document.querySelector('#first').started);
    await page.evaluate(() => document.querySelector('#first').ready);
    assert.equal((await page.evaluate(() => window.__workers)).length, 1);
    assert.equal(await page.evaluate(() => document.querySelector('#second').started), false);
    const s = await status(page, '#first');
    assert.match(s.engine, /1 thread: this page is not cross-origin isolated/);
    assert.match(s.message, /Ready/);
    // panels="data model curves": no prediction or explanation panel
    const shown = await page.evaluate(() =>
      [...document.querySelector('#first').shadowRoot.querySelectorAll('section')]
        .filter((el) => el.style.display !== 'none')
        .map((el) => el.id),
    );
    assert.deepEqual(shown, ['data-panel', 'model-panel', 'train-panel', 'result-panel']);
    await page.locator('#first').screenshot({ path: `${RESULTS_DIR}embed-first-started.png` });
  });

  test('the second shares the worker; its inline data are its training table', async () => {
    await page.locator('#second').scrollIntoViewIfNeeded();
    await page.evaluate(() => document.querySelector('#second').ready);
    assert.equal((await page.evaluate(() => window.__workers)).length, 1);
    const table = await page.evaluate(
      () => document.querySelector('#second').shadowRoot.querySelector('[data-testid=training-input]').value,
    );
    assert.match(table, /^id\tsequence\tlabel\np1\tACGTACGATAAG/);
    assert.equal(table.trim().split('\n').length, 13);
    assert.equal(
      await page.evaluate(
        () => document.querySelector('#second').shadowRoot.querySelector('[data-testid=epochs-input]').value,
      ),
      '2',
    );
  });

  test(
    'two trainings at once: the second waits and says so, both finish, each keeps its own model',
    { timeout: 120_000 },
    async () => {
      // A timeline of both runs (their epoch and trained events) and of every change of the second's status
      // line (a MutationObserver: its text, and whether it is rendered at that moment).
      await page.evaluate(async () => {
        await Promise.all(['#first', '#second'].map((s) => document.querySelector(s).ready)); // (both started)
        window.__timeline = [];
        const log = (what, extra = {}) => window.__timeline.push({ t: performance.now(), what, ...extra });
        for (const id of ['first', 'second']) {
          const el = document.querySelector(`#${id}`);
          el.addEventListener('helix-epoch', (e) => log(`${id} epoch ${e.detail.epoch}`));
          el.addEventListener('helix-trained', () => log(`${id} trained`));
        }
        const message = document.querySelector('#second').shadowRoot.querySelector('[data-testid=status] .message');
        const shown = () =>
          message.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true }) &&
          message.getBoundingClientRect().height > 0;
        new MutationObserver(() => log('second status', { text: message.textContent, shown: shown() })).observe(
          message,
          { childList: true, characterData: true, subtree: true },
        );
      });
      const result = await page.evaluate(async () => {
        const [first, second] = ['#first', '#second'].map((s) => document.querySelector(s));
        const a = first.train();
        await new Promise((r) => setTimeout(r, 0)); // the first's run is under way in the worker
        const b = second.train();
        await new Promise((r) => setTimeout(r, 0));
        const message = second.shadowRoot.querySelector('[data-testid=status] .message');
        const waiting = {
          text: message.textContent,
          shown:
            message.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true }) &&
            message.getBoundingClientRect().height > 0,
        };
        const [sa, sb] = await Promise.all([a, b]);
        return {
          waiting,
          sa: { epochsRun: sa.epochsRun, test: sa.test },
          sb: { epochsRun: sb.epochsRun, test: sb.test },
        };
      });
      assert.match(result.waiting.text, /another playground on this page is training/);
      assert.equal(result.waiting.shown, true, 'the waiting message is rendered, not hidden');
      // The second waited: the message went up before the first's run ended (its last epoch) and stayed until
      // then; the second's first epoch came after it; then its message moved on (training, then trained). (The
      // first's 'trained' event may come later: drawing its decision map is a model call that queues in turn.)
      const timeline = await page.evaluate(() => window.__timeline);
      const at = (what) => timeline.findIndex((e) => e.what === what);
      const statuses = timeline.filter((e) => e.what === 'second status');
      const firstRunEnd = at('first epoch 3');
      const waitStart = timeline.findIndex((e) => e.what === 'second status' && /another playground/.test(e.text));
      const waitEnd = timeline.findIndex(
        (e, i) => i > waitStart && e.what === 'second status' && !/another playground/.test(e.text),
      );
      assert.ok(
        waitStart >= 0 && waitStart < firstRunEnd,
        `the waiting message showed while the first trained: ${JSON.stringify(timeline)}`,
      );
      assert.ok(waitEnd > firstRunEnd, 'the waiting message stayed until the first had run its epochs');
      assert.ok(
        timeline.slice(waitStart, waitEnd).every((e) => e.what !== 'second status' || e.shown),
        'rendered the whole time',
      );
      assert.ok(at('second epoch 1') > firstRunEnd, 'the second trained after the first, not alongside it');
      assert.ok(at('second epoch 2') < at('second trained') && at('first trained') > firstRunEnd);
      assert.match(statuses.at(-1).text, /Trained in/);
      assert.equal(result.sa.epochsRun, 3);
      assert.ok(result.sa.test.accuracy > 0.6, `single-layer test accuracy ${result.sa.test.accuracy}`);
      assert.equal(result.sb.epochsRun, 2);
      assert.match((await status(page, '#second')).message, /Trained in/);
      // Each session's model is its own: a table of columns for the first, DNA for the second.
      const rows = await page.evaluate(
        ([table, fasta]) =>
          Promise.all([
            document.querySelector('#first').predict(table),
            document.querySelector('#second').predict(fasta),
          ]),
        [SPLICE_ROWS, FASTA],
      );
      assert.equal(rows[0].length, 5);
      assert.equal(rows[1].length, 2);
      for (const r of [...rows[0], ...rows[1]]) assert.ok(r.probability >= 0 && r.probability <= 1);
      // el.predict() of more than a box takes (input-limit.js) is refused at once; the box keeps its text.
      const refused = await page.evaluate(async () => {
        const el = document.querySelector('#second');
        const box = () => el.shadowRoot.querySelector('[data-testid=sequence-input]').value;
        const before = box();
        const message = await el.predict(`>big\n${'ACGT'.repeat(1_000_000)}\n`).then(
          () => 'resolved',
          (e) => e.message,
        );
        return { message, kept: box() === before };
      });
      assert.match(refused.message, /4 MB; the playground takes up to 2 MB per box/);
      assert.equal(refused.kept, true);
      const file = JSON.parse(await page.evaluate(() => document.querySelector('#first').saveModel()));
      assert.equal(file.spec.name, 'single-layer', 'the first saves its own model');
      await page.locator('#first').screenshot({ path: `${RESULTS_DIR}embed-first-trained.png` });
      await page.locator('#second').screenshot({ path: `${RESULTS_DIR}embed-second-trained.png` });
    },
  );

  test('events bubble out of the shadow root with their details', async () => {
    const list = await events();
    const of = (type, target) => list.filter((e) => e.type === type && e.target === target);
    assert.equal(of('helix-epoch', 'first').length, 3);
    assert.equal(of('helix-epoch', 'second').length, 2);
    assert.deepEqual(
      of('helix-epoch', 'first').map((e) => e.detail.epoch),
      [1, 2, 3],
    );
    assert.ok(Number.isFinite(of('helix-epoch', 'first')[0].detail.valLoss));
    const trained = of('helix-trained', 'second')[0];
    assert.equal(trained.detail.preset, 'cnn-binding');
    assert.equal(trained.detail.trained, true);
    assert.equal(trained.detail.summary.epochsRun, 2);
    assert.equal(of('helix-predicted', 'first')[0].detail.rows.length, 5);
    assert.ok(list.every((e) => e.bubbles && e.composed));
  });

  test('sizes to its container and follows a dark host page', async () => {
    const width = await page.evaluate(() => {
      const el = document.querySelector('#first');
      el.style.width = '420px';
      return el.shadowRoot.querySelector('.helix-root').getBoundingClientRect().width;
    });
    assert.equal(Math.round(width), 420);
    await page.emulateMedia({ colorScheme: 'dark' });
    const colours = await page.evaluate(() => {
      const el = document.querySelector('#first');
      const panel = el.shadowRoot.querySelector('.panel');
      return { panel: getComputedStyle(panel).backgroundColor, ink: getComputedStyle(el).color };
    });
    assert.equal(colours.panel, 'rgb(30, 35, 42)');
    assert.equal(colours.ink, 'rgb(230, 233, 237)');
    await page.locator('#second').scrollIntoViewIfNeeded();
    await page.locator('#second').screenshot({ path: `${RESULTS_DIR}embed-dark.png` });
    // A host page's --helix-* custom properties reach inside.
    const accent = await page.evaluate(() => {
      const el = document.querySelector('#first');
      el.style.setProperty('--helix-accent', 'rgb(122, 31, 92)');
      return getComputedStyle(el.shadowRoot.querySelector('[data-testid=train-button]')).backgroundColor;
    });
    assert.equal(accent, 'rgb(122, 31, 92)');
    await page.evaluate(() => document.querySelector('#first').style.removeProperty('--helix-accent'));
    await page.emulateMedia({ colorScheme: 'light' });
  });

  test(
    'a playground added later with autostart trains by itself; removed, the others keep their models',
    { timeout: 60_000 },
    async () => {
      const trained = await page.evaluate(async () => {
        const el = document.createElement('helix-playground');
        el.id = 'third';
        el.setAttribute('preset', 'cnn-binding');
        el.setAttribute('epochs', '1');
        el.setAttribute('autostart', '');
        const rows = [
          'id\tsequence\tlabel',
          ...Array.from(
            { length: 20 },
            (_, i) => `r${i}\t${i % 2 ? 'ACGTGATAAGGC' : 'ACGTCCGCGGGC'}ACGTACGTACGTACGT\t${i % 2}`,
          ),
        ];
        el.append(
          Object.assign(document.createElement('script'), { type: 'text/plain', textContent: rows.join('\n') }),
        );
        const done = new Promise((resolve) => el.addEventListener('helix-trained', (e) => resolve(e.detail)));
        document.querySelector('main').prepend(el);
        window.scrollTo(0, 0);
        const detail = await done;
        el.remove();
        return {
          epochsRun: detail.summary.epochsRun,
          records: detail.summary.records ?? null,
          trained: detail.trained,
        };
      });
      assert.equal(trained.trained, true);
      assert.equal(trained.epochsRun, 1);
      assert.equal((await page.evaluate(() => window.__workers)).length, 1, 'still the one shared worker');
      // The other two keep working after the third's session has gone.
      const rows = await page.evaluate((fasta) => document.querySelector('#second').predict(fasta), FASTA);
      assert.equal(rows.length, 2);
    },
  );

  // Its views listen to the page-wide language switch: unless destroy() stops them, that list keeps the whole
  // removed playground (its DOM, data and closures) alive for the page's lifetime.
  test('a removed playground is freed: after a GC nothing holds its DOM', { timeout: 60_000 }, async () => {
    await page.evaluate(async () => {
      const el = document.createElement('helix-playground');
      el.setAttribute('preset', 'mlp');
      el.setAttribute('panels', 'curves');
      document.querySelector('main').append(el);
      await el.ready;
      window.__removedButton = new WeakRef(el.shadowRoot.querySelector('[data-testid=train-button]'));
      el.remove();
      await new Promise((resolve) => setTimeout(resolve, 0)); // its disconnectedCallback's microtask has run
    });
    const cdp = await page.context().newCDPSession(page);
    for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
    await cdp.detach();
    assert.equal(
      await page.evaluate(() => window.__removedButton.deref() === undefined),
      true,
      'the removed playground is still reachable',
    );
  });

  test('lang="zh": the playground speaks Chinese, and the others on the page follow', { timeout: 60_000 }, async () => {
    const buttons = await page.evaluate(async () => {
      const el = document.createElement('helix-playground');
      el.setAttribute('preset', 'mlp');
      el.setAttribute('panels', 'curves');
      el.setAttribute('lang', 'zh');
      document.querySelector('main').prepend(el);
      await el.ready;
      const text = (host) => host.shadowRoot.querySelector('[data-testid=train-button]').textContent;
      const result = { zh: text(el), first: text(document.querySelector('#first')) };
      el.remove();
      (await import('/web/strings.js')).setLanguage('en'); // the same module the playgrounds use
      result.back = text(document.querySelector('#first'));
      return result;
    });
    assert.equal(buttons.zh, LANGUAGES.zh.strings.trainButton);
    assert.equal(buttons.first, LANGUAGES.zh.strings.trainButton);
    assert.equal(buttons.back, LANGUAGES.en.strings.trainButton);
  });

  test('axe-core finds no serious violations, in light and dark', async () => {
    assert.deepEqual(await axeSerious(page), []);
    await page.emulateMedia({ colorScheme: 'dark' });
    assert.deepEqual(await axeSerious(page), []);
    await page.emulateMedia({ colorScheme: 'light' });
  });

  test("no request left the page's origin and the console stayed clean", () => {
    assert.deepEqual(page.foreignRequests, []);
    assert.deepEqual(page.consoleErrors, []);
  });
});

// The page's language link (English <-> 中文): a keyboard-reachable link to `expected` (a path from the server's
// root) that answers 200.
async function checkLanguageLink(page, expected) {
  const link = await page
    .getByTestId('tutorial-language')
    .evaluate((a) => ({ tag: a.tagName, href: a.href, tabIndex: a.tabIndex, text: a.textContent }));
  assert.equal(link.tag, 'A');
  assert.ok(link.tabIndex >= 0, 'the language link is in the tab order');
  assert.equal(new URL(link.href).pathname, expected);
  assert.equal((await page.request.get(link.href)).status(), 200, link.href);
  return link;
}

// Trains each playground on the page for 1 epoch and checks every run finished on the threaded engine (its
// status line in the page's language, `lang`).
async function assertEveryPlaygroundTrains(page, lang = 'en') {
  const runs = await trainAll(page, 1);
  assert.ok(runs.length >= 1);
  for (const run of runs) {
    assert.ok(run.summary, `${run.preset}: no summary (${run.message})`);
    assert.equal(run.summary.error, null, `${run.preset}: ${run.summary.error}`);
    assert.equal(run.summary.cancelled, false);
    assert.ok(
      (run.summary.epochsRun ?? 0) >= 1 || (run.summary.stepsRun ?? 0) >= 1,
      `${run.preset} ran ${JSON.stringify(run.summary)}`,
    );
  }
  assert.ok(
    (await status(page, 'helix-playground')).engine.endsWith(
      LANGUAGES[lang].strings.engineBackend_other.replace('{count}', '2'),
    ),
  );
  assert.equal((await page.evaluate(() => window.__workers)).length, 1);
  return runs;
}

describe('tutorial pages (cross-origin isolated)', () => {
  let server;
  before(async () => {
    server = await startServer({ port: 0, isolation: true, root: ROOT });
  });
  after(async () => {
    await server?.close();
  });

  test('the index links every tutorial, and every link answers', async () => {
    const page = await openWatched(`${server.url}examples/`);
    const links = await page.evaluate(() => [...document.querySelectorAll('a')].map((a) => a.href));
    for (const file of TUTORIALS)
      assert.ok(
        links.some((l) => l.endsWith(`/examples/${file}`)),
        `index links ${file}`,
      );
    for (const link of links) assert.equal((await page.request.get(link)).status(), 200, link);
    assert.equal((await checkLanguageLink(page, '/examples/zh/index.html')).text, '中文');
    assert.deepEqual(await axeSerious(page), []);
    assert.deepEqual(page.consoleErrors, []);
    await screenshot(page, 'examples-index');
    await page.close();
  });

  test('the Chinese index (examples/zh/) links every Chinese tutorial, and every link answers', async () => {
    assert.deepEqual(TUTORIALS_ZH, TUTORIALS, 'every tutorial has a Chinese page of the same name');
    const page = await openWatched(`${server.url}examples/zh/`);
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
    const links = await page.evaluate(() => [...document.querySelectorAll('a')].map((a) => a.href));
    for (const file of TUTORIALS_ZH)
      assert.ok(
        links.some((l) => l.endsWith(`/examples/zh/${file}`)),
        `index links zh/${file}`,
      );
    for (const link of links) assert.equal((await page.request.get(link)).status(), 200, link);
    assert.equal((await checkLanguageLink(page, '/examples/index.html')).text, 'English');
    assert.deepEqual(await axeSerious(page), []);
    assert.deepEqual(page.consoleErrors, []);
    await screenshot(page, 'examples-zh-index');
    await page.close();
  });

  for (const file of TUTORIALS) {
    test(`${file}: loads, and each of its playgrounds trains`, { timeout: 240_000 }, async () => {
      const page = await openWatched(`${server.url}examples/${file}`);
      assert.ok(await page.locator('h1').innerText());
      assert.match(await page.locator('.questions').innerText(), /\?/);
      assert.ok((await page.locator('.source').innerText()).length > 40);
      await checkLanguageLink(page, `/examples/zh/${file}`);
      await assertEveryPlaygroundTrains(page);
      if (file === 'cnn-binding.html') {
        // The explain panel in the element: learned filters as logos with their JASPAR matches.
        const playground = page.locator('helix-playground');
        await playground.getByTestId('motifs-button').click();
        await playground.getByTestId('filter-logo').first().waitFor({ timeout: 60_000 });
        assert.ok((await playground.getByTestId('filter-logo').count()) >= 1);
        assert.ok((await playground.getByTestId('filter-match').count()) >= 1);
      }
      assert.deepEqual(await axeSerious(page), [], 'axe-core: serious or critical violations after training');
      assert.deepEqual(page.foreignRequests, []);
      assert.deepEqual(page.consoleErrors, []);
      await page.evaluate(() => document.querySelector('helix-playground').scrollIntoView());
      await screenshot(page, `tutorial-${file.replace(/\.html$/, '')}`);
      await page.close();
    });
  }

  for (const file of TUTORIALS_ZH) {
    test(`zh/${file}: loads in Chinese, its playgrounds speak Chinese and train`, { timeout: 240_000 }, async () => {
      const page = await openWatched(`${server.url}examples/zh/${file}`);
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
      assert.match(await page.locator('h1').innerText(), /[\u4e00-\u9fff]/);
      assert.match(await page.locator('.questions').innerText(), /？/);
      assert.ok((await page.locator('.source').innerText()).length > 40);
      await checkLanguageLink(page, `/examples/${file}`);
      const runs = await assertEveryPlaygroundTrains(page, 'zh');
      const buttons = await page.evaluate(() =>
        [...document.querySelectorAll('helix-playground')].map(
          (el) => el.shadowRoot.querySelector('[data-testid=train-button]').textContent,
        ),
      );
      assert.deepEqual(
        buttons,
        runs.map(() => LANGUAGES.zh.strings.trainButton),
      );
      for (const run of runs)
        assert.match(run.message, /[\u4e00-\u9fff]/, `${run.preset}: the status line is in Chinese (${run.message})`);
      assert.deepEqual(await axeSerious(page), [], 'axe-core: serious or critical violations after training');
      assert.deepEqual(page.foreignRequests, []);
      assert.deepEqual(page.consoleErrors, []);
      await page.evaluate(() => document.querySelector('helix-playground').scrollIntoView());
      await screenshot(page, `tutorial-zh-${file.replace(/\.html$/, '')}`);
      await page.close();
    });
  }
});

describe('the static build (dist)', () => {
  let out;
  before(() => {
    out = mkdtempSync(path.join(tmpdir(), 'helix-dist-'));
    execFileSync(process.execPath, [path.join(ROOT, 'scripts/build-site.mjs'), '--out', out], { stdio: 'pipe' });
  });
  after(() => {
    rmSync(out, { recursive: true, force: true });
  });

  test(
    'served without isolation: one thread, and the playground and a tutorial say so',
    { timeout: 120_000 },
    async () => {
      const server = await startServer({ port: 0, isolation: false, root: out });
      try {
        const start = await openWatched(server.url);
        assert.deepEqual(
          await start.evaluate(() => [...document.querySelectorAll('a')].map((a) => a.getAttribute('href'))),
          ['web/', 'examples/'],
        );
        await start.close();

        const page = await openWatched(`${server.url}examples/cnn-binding.html`);
        const [run] = await trainAll(page, 1);
        assert.equal(run.summary.error, null);
        assert.equal(await page.evaluate(() => crossOriginIsolated), false);
        assert.match(
          (await status(page, 'helix-playground')).engine,
          /1 thread: this page is not cross-origin isolated/,
        );
        assert.deepEqual(page.foreignRequests, []);
        assert.deepEqual(page.consoleErrors, []);
        await screenshot(page, 'dist-single-thread');
        await page.close();

        const playground = await openWatched(`${server.url}web/`);
        await playground.waitForFunction(() =>
          /thread/.test(document.querySelector('[data-testid=status] .engine')?.textContent ?? ''),
        );
        assert.match(
          await playground.getByTestId('status').innerText(),
          /1 thread: this page is not cross-origin isolated/,
        );
        await playground.waitForFunction(() => !document.querySelector('[data-testid=train-button]').disabled);
        assert.deepEqual(await axeSerious(playground), []);
        assert.deepEqual(playground.foreignRequests, []);
        assert.deepEqual(playground.consoleErrors, []);
        await playground.close();
      } finally {
        await server.close();
      }
    },
  );

  test('served with COOP/COEP: the threaded build', { timeout: 60_000 }, async () => {
    const server = await startServer({ port: 0, isolation: true, root: out });
    try {
      const page = await openWatched(`${server.url}examples/cnn-binding.html`);
      await page.evaluate(() => document.querySelector('helix-playground').ready);
      assert.match((await status(page, 'helix-playground')).engine, /2 threads/);
      assert.deepEqual(page.foreignRequests, []);
      await page.close();
    } finally {
      await server.close();
    }
  });

  test("the offline service worker's files: dist/sw.js, and everything dist/offline-files.json lists", async () => {
    const manifest = JSON.parse(readFileSync(path.join(out, 'offline-files.json'), 'utf8'));
    assert.equal(manifest.webAtRoot, false);
    assert.deepEqual(manifest.files.slice(0, 2), ['', 'index.html']); // the start page
    assert.ok(manifest.files.includes('js/wasm/helix-simd.wasm') && manifest.files.includes('examples/zh/gan.html'));
    assert.equal(readFileSync(path.join(out, 'sw.js'), 'utf8'), readFileSync(path.join(ROOT, 'web/sw.js'), 'utf8'));
    const server = await startServer({ port: 0, root: out, mount: false });
    try {
      for (const file of manifest.files) assert.equal((await fetch(`${server.url}${file}`)).status, 200, file);
    } finally {
      await server.close();
    }
  });
});
