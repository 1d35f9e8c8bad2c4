// tests/web/large-input.test.mjs: a 100 MB FASTA pasted into the predict box (a real Ctrl+V of the system
// clipboard) or opened as a file is refused at once with its size and the limit (web/views/input-limit.js),
// what the box held is kept, and the box answers typing right after: the delay from a keystroke to the next
// frame is measured and reported, as is the delay in a box filled to the limit.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { useBrowser, waitForEngine } from './browser.mjs';
import { MAX_TEXT_CHARS } from '../../web/views/input-limit.js';

const RECORD = '>rec\n' + 'ACGTGATAAGGCTAGCTTAC'.repeat(5) + '\n';
const BIG_MB = 100;
const TYPED = '>mine\nACGTACGTACGTACGTACGTACGTACGTACGT\n';

// Milliseconds from pressing `key` in the focused box to the frame after its input event.
async function keystrokeDelay(page, key) {
  await page.evaluate(() => {
    window.__typed = new Promise((resolve) =>
      document.activeElement.addEventListener('input', () => requestAnimationFrame(() => resolve(performance.now())), {
        once: true,
      }),
    );
  });
  const start = await page.evaluate(() => performance.now());
  await page.keyboard.press(key);
  return (await page.evaluate(() => window.__typed)) - start;
}

describe('a 100 MB input is refused at once and the page stays responsive', () => {
  const shared = useBrowser({ isolation: false });
  let context;
  let page;
  let dir;
  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'helix-large-'));
    context = await shared.browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: new URL(shared.server.url).origin,
    });
    page = await context.newPage();
    await page.goto(shared.server.url);
    await waitForEngine(page);
    await page.waitForFunction(() => document.querySelector('[data-testid=sequence-input]').value.startsWith('>'));
  });
  after(async () => {
    await context?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const box = () => page.getByTestId('sequence-input');
  const errorText = () => page.getByTestId('error').innerText();

  test(
    'pasting 100 MB (Ctrl+V): refused with the size and the limit, the typed text kept, typing answers',
    { timeout: 120_000 },
    async (t) => {
      await box().fill(TYPED);
      const length = await page.evaluate(
        async ([record, mb]) => {
          const text = record.repeat(Math.ceil((mb * 1e6) / record.length));
          await navigator.clipboard.writeText(text);
          return text.length;
        },
        [RECORD, BIG_MB],
      );
      assert.ok(length >= BIG_MB * 1e6);
      await box().focus();
      await page.keyboard.press('Control+End');
      const pasted = Date.now();
      await page.keyboard.press('Control+V');
      await page.getByTestId('error').waitFor({ state: 'visible', timeout: 10_000 });
      const refusedMs = Date.now() - pasted;
      assert.match(await errorText(), /100 MB.*up to 2 MB.*helix predict/s);
      assert.equal(await box().inputValue(), TYPED, 'the box holds what was typed before the paste');
      const delay = await keystrokeDelay(page, 'A');
      assert.equal(await box().inputValue(), TYPED + 'A', 'the keystroke right after landed');
      t.diagnostic(
        `100 MB paste refused ${refusedMs} ms after Ctrl+V; the next keystroke reached the screen in ${delay.toFixed(0)} ms`,
      );
      // Most of refusedMs is Chromium handing over the clipboard (reading 100 MB blocks the page whoever reads
      // it: ~1.4 s per 10 MB on the loaded 2-core test machine); a paste let through would then lay out 100 MB
      // in the box, which blocks the page for minutes (20 MB: 41 s there).
      assert.ok(refusedMs < 30_000, `refused after ${refusedMs} ms`);
      assert.ok(delay < 1_000, `keystroke delay ${delay} ms`);
    },
  );

  test('opening a 100 MB file: refused before it is read, the box kept', { timeout: 60_000 }, async (t) => {
    const file = path.join(dir, 'genome.fa');
    writeFileSync(file, RECORD.repeat(Math.ceil((BIG_MB * 1e6) / RECORD.length)));
    await box().fill(TYPED);
    const opened = Date.now();
    await page.locator('#predict-panel input[type=file]').setInputFiles(file);
    await page.waitForFunction(
      () => /genome\.fa is 100 MB/.test(document.querySelector('[data-testid=error]').textContent),
      null,
      { timeout: 10_000 },
    );
    const refusedMs = Date.now() - opened;
    assert.equal(await box().inputValue(), TYPED);
    await box().focus();
    await page.keyboard.press('Control+End');
    const delay = await keystrokeDelay(page, 'C');
    assert.equal(await box().inputValue(), TYPED + 'C');
    t.diagnostic(
      `100 MB file refused in ${refusedMs} ms; the next keystroke reached the screen in ${delay.toFixed(0)} ms`,
    );
    assert.ok(delay < 1_000, `keystroke delay ${delay} ms`);
  });

  test(
    'a paste that fits goes in; the keystroke delay in a box at the limit is reported',
    { timeout: 120_000 },
    async (t) => {
      await box().fill('');
      const small = await page.evaluate(async (record) => {
        const text = record.repeat(100);
        await navigator.clipboard.writeText(text);
        return text;
      }, RECORD);
      await box().focus();
      await page.keyboard.press('Control+V');
      await page.waitForFunction(
        (n) => document.querySelector('[data-testid=sequence-input]').value.length === n,
        small.length,
        { timeout: 10_000 },
      );
      assert.equal(await page.getByTestId('error').isVisible(), false);
      // A box filled to the limit: typing still lands; how long it takes is reported (it grows with the text).
      await page.evaluate(
        ([record, limit]) => {
          const text = record.repeat(Math.floor(limit / record.length));
          const el = document.querySelector('[data-testid=sequence-input]');
          el.value = text;
          el.dispatchEvent(new Event('input', { bubbles: true }));
        },
        [RECORD, MAX_TEXT_CHARS],
      );
      await page.waitForTimeout(500);
      await box().focus();
      await page.keyboard.press('Control+Home');
      const delays = [];
      for (let i = 0; i < 3; i++) delays.push(await keystrokeDelay(page, 'G'));
      await page.keyboard.press('Control+Home');
      const baselineBox = await page.evaluate(() =>
        document.querySelector('[data-testid=sequence-input]').value.startsWith('GGG'),
      );
      assert.ok(baselineBox, 'the keystrokes landed');
      t.diagnostic(
        `keystroke delay in a box at the limit (${MAX_TEXT_CHARS / 1e6} MB): ${delays.map((d) => d.toFixed(0)).join(', ')} ms`,
      );
    },
  );
});
