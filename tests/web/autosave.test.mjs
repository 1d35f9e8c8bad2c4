// tests/web/autosave.test.mjs: the playground keeps a person's work in the browser (issue 24): a reload puts it
// back silently (the link holds the same setup), a new tab offers it in one click (restore-session) with the
// trained model, results and curves; two tabs never overwrite each other's record; 50 save/restore cycles keep
// the database bounded and lose nothing; each tutorial's <helix-playground> keeps its own work; a run
// interrupted by a reload continues from its last saved epoch.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { launchChromium, waitForEngine, waitForStatus } from './browser.mjs';
import { startServer } from '../../scripts/serve.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

// Every record of the playground's IndexedDB: { sessions: [...], models: [...] }, models' files as lengths.
export const dbRecords = (page) =>
  page.evaluate(async () => {
    const db = await new Promise((resolve, reject) => {
      const request = indexedDB.open('helix');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const all = (store) =>
      new Promise((resolve) => {
        const request = db.transaction(store).objectStore(store).getAll();
        request.onsuccess = () => resolve(request.result);
      });
    const out = { sessions: await all('sessions'), models: await all('models') };
    db.close();
    return out;
  });

// Waits until this page's IndexedDB holds a session record passing `check` (evaluated in Node).
async function waitForRecord(page, check, timeout = 30_000) {
  const end = Date.now() + timeout;
  for (;;) {
    const { sessions } = await dbRecords(page);
    const found = sessions.find((r) => r.setup && check(r));
    if (found) return found;
    if (Date.now() > end) throw new Error(`no such record: ${JSON.stringify(sessions.map((r) => r.key))}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

// Puts `text` in the training box as typing would end (an input event). Playwright's fill() first selects and
// clears the box, which takes 20 s or more with the megabyte example in it on a loaded machine.
const setTraining = (page, text) =>
  page.evaluate((text) => {
    const box = document.querySelector('[data-testid=training-input]');
    box.value = text;
    box.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);

let browser;
let server;
before(async () => {
  browser = await launchChromium();
  server = await startServer({ port: 0, isolation: true, root: ROOT });
});
after(async () => {
  await browser?.close();
  await server?.close();
});

// 300 rows of a planted motif (label 1) or none: enough to train on, small enough to edit quickly.
const TABLE = (() => {
  let seed = 1;
  const base = () => 'ACGT'[(seed = (seed * 1103515245 + 12345) % 2 ** 31) % 4];
  const rows = Array.from({ length: 300 }, (_, i) => {
    const bases = Array.from({ length: 60 }, base);
    if (i % 2) bases.splice(25, 6, ...'GATAAG');
    return `${bases.join('')}\t${i % 2}`;
  });
  return `sequence\tlabel\n${rows.join('\n')}\n`;
})();

const playgroundUrl = () => `${server.url}web/`;

describe('the playground page', () => {
  let context;
  before(async () => {
    context = await browser.newContext();
  });
  after(async () => context?.close());

  test('reload restores silently; a new tab offers the work in one click with model, results and curves', async () => {
    const page = await context.newPage();
    await page.goto(playgroundUrl());
    await waitForEngine(page);
    await page.getByTestId('epochs-input').fill('3');
    await page.getByTestId('train-button').click();
    await waitForStatus(page, /^Trained/);
    const trainedStatus = await page.getByTestId('status').innerText();
    const record = await waitForRecord(page, (r) => r.results && r.model?.epoch === 3);
    assert.equal(record.results.history.length, 3);
    assert.equal(record.interrupted, null);

    await page.reload();
    await waitForEngine(page);
    await waitForStatus(page, /Your work is back/);
    assert.equal(await page.getByTestId('restore-session').count(), 0); // same setup in the link: no question
    assert.equal(await page.getByTestId('predict-button').isEnabled(), true);

    const tab = await context.newPage();
    await tab.goto(playgroundUrl()); // no link: the work is offered
    await waitForEngine(tab);
    await tab.getByTestId('restore-session').click();
    await waitForStatus(tab, /Your work is back/);
    assert.equal(await tab.getByTestId('epochs-input').inputValue(), '3');
    assert.equal(await tab.getByTestId('predict-button').isEnabled(), true);
    // the curves' table has the three epochs, the results are shown, and the restored model predicts
    assert.equal(await tab.locator('[data-testid=loss-table] tbody tr').count(), 3);
    assert.equal(await tab.getByTestId('result-empty').isVisible(), false);
    await tab.getByTestId('predict-button').click();
    await tab.locator('[data-testid=prediction-row]').first().waitFor();
    assert.ok(trainedStatus.length > 0);
    await tab.close();
    await page.close();
  });

  test('two tabs keep separate records; each reload gets its own back', async () => {
    const a = await context.newPage();
    const b = await context.newPage();
    for (const page of [a, b]) {
      await page.goto(playgroundUrl());
      await waitForEngine(page);
      const offer = page.getByTestId('restore-dismiss');
      if (await offer.count()) await offer.click();
    }
    const textA = 'sequence\tlabel\nACGTACGTACGTACGTACGTAAAA\t1\nTTTTACGTACGTACGTACGTACGT\t0\n';
    const textB = 'sequence\tlabel\nGGGGCCCCACGTACGTACGTACGT\t0\nCCCCGGGGACGTACGTACGTACGT\t1\n';
    await setTraining(a, textA);
    await setTraining(b, textB);
    await waitForRecord(a, (r) => r.setup.main === textA);
    await waitForRecord(b, (r) => r.setup.main === textB);
    const { sessions } = await dbRecords(a);
    const keys = sessions
      .filter((r) => r.setup && (r.setup.main === textA || r.setup.main === textB))
      .map((r) => r.key);
    assert.equal(new Set(keys).size, 2, 'one record per tab');
    await a.goto(playgroundUrl()); // a reload without the link: this tab's own record is offered
    await waitForEngine(a);
    await a.getByTestId('restore-session').click();
    await a.waitForFunction((text) => document.querySelector('[data-testid=training-input]').value === text, textA);
    assert.equal(await b.getByTestId('training-input').inputValue(), textB);
    await a.close();
    await b.close();
  });

  test('50 save/restore cycles: the database stays bounded and nothing is lost', async () => {
    const context = await browser.newContext(); // its own browser storage: only this test's records
    const sizes = [];
    let expected = null;
    let modelFile = null;
    for (let cycle = 0; cycle < 50; cycle++) {
      const page = await context.newPage(); // a new tab each time: a new record, so old ones must be pruned
      await page.goto(playgroundUrl());
      await waitForEngine(page);
      if (expected !== null) {
        await page.getByTestId('restore-session').click();
        await waitForStatus(page, /Your work is back/);
        assert.equal(await page.getByTestId('training-input').inputValue(), expected, `cycle ${cycle}`);
      } else {
        if (await page.getByTestId('restore-dismiss').count()) await page.getByTestId('restore-dismiss').click();
        await setTraining(page, TABLE); // a small table: the page answers edits at once
        await page.getByTestId('epochs-input').fill('1');
        await page.getByTestId('train-button').click();
        await waitForStatus(page, /^Trained/);
        modelFile = (await waitForRecord(page, (r) => r.results && r.model)).model.file;
      }
      expected = `sequence\tlabel\n${'ACGT'.repeat(6)}\t1\n${'TGCA'.repeat(6)}\t0\n# cycle ${cycle}\n`;
      await setTraining(page, expected);
      const record = await waitForRecord(page, (r) => r.setup.main === expected);
      assert.equal(record.model.file, modelFile, `cycle ${cycle}: the model is kept`);
      const { sessions, models } = await dbRecords(page);
      sizes.push(JSON.stringify(sessions).length + JSON.stringify(models).length);
      assert.ok(sessions.filter((r) => r.setup).length <= 4, `cycle ${cycle}: ${sessions.length} records`);
      await page.close();
    }
    console.log(`IndexedDB bytes after cycles 1, 10, 25, 50: ${[0, 9, 24, 49].map((i) => sizes[i]).join(', ')}`);
    assert.ok(Math.max(...sizes.slice(10)) <= 5 * (modelFile.length + 4096), 'bounded by 4 records of one model each');
    assert.ok(sizes[49] <= sizes[9] * 1.1, `no growth: ${sizes[9]} -> ${sizes[49]}`);
    await context.close();
  });

  test('a reload in the middle of training offers to continue from the last saved epoch', async () => {
    const page = await context.newPage();
    await page.goto(playgroundUrl());
    await waitForEngine(page);
    if (await page.getByTestId('restore-dismiss').count()) await page.getByTestId('restore-dismiss').click();
    await page.getByTestId('epochs-input').fill('200');
    await page.getByTestId('train-button').click();
    const record = await waitForRecord(page, (r) => r.interrupted && r.model?.epoch >= 2, 120_000);
    await page.goto(playgroundUrl()); // leaves mid-run
    await waitForEngine(page);
    await page.getByTestId('restore-session').click();
    const saved = await waitForRecord(page, (r) => r.interrupted && r.model?.epoch >= record.model.epoch);
    const epoch = saved.model.epoch;
    await waitForStatus(page, new RegExp(`after epoch ${epoch} of 200`));
    await page.getByTestId('epochs-input').fill('200');
    assert.match(await page.getByTestId('resume-training').innerText(), new RegExp(`Continue from epoch ${epoch}`));
    await page.getByTestId('resume-training').click();
    await waitForStatus(page, new RegExp(`epoch ${epoch + 1} of 200`));
    await page.getByTestId('cancel-button').click();
    await waitForStatus(page, /Cancelled|cancelled/);
    await page.close();
  });
});

describe('<helix-playground> on tutorial pages', () => {
  test('each element keeps its own work, keyed by page and element; tutorials do not clobber each other', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}examples/cnn-binding.html`);
    const train = (epochs) =>
      page.evaluate(async (epochs) => {
        const el = document.querySelector('helix-playground');
        el.scrollIntoView();
        await el.ready;
        el.shadowRoot.querySelector('[data-testid=epochs-input]').value = String(epochs);
        return (await el.train()).epochsRun;
      }, epochs);
    assert.equal(await train(2), 2);
    await waitForRecord(page, (r) => r.scope === 'element:/examples/cnn-binding.html#0' && r.results);
    const other = await context.newPage();
    await other.goto(`${server.url}examples/early-stopping.html`);
    await other.evaluate(() => document.querySelector('helix-playground').ready);
    await other.waitForTimeout(500);
    assert.equal(await other.getByTestId('restore-session').count(), 0, 'another tutorial has nothing to restore');
    await page.reload();
    await page.evaluate(() => document.querySelector('helix-playground').ready);
    await page.getByTestId('restore-session').click();
    await page.waitForFunction(() =>
      /Your work is back/.test(
        document.querySelector('helix-playground').shadowRoot.querySelector('[data-testid=status] .message')
          .textContent,
      ),
    );
    const { sessions } = await dbRecords(page);
    const scopes = new Set(sessions.filter((r) => r.setup).map((r) => r.scope));
    assert.ok(scopes.has('element:/examples/cnn-binding.html#0'));
    await context.close();
  });
});
