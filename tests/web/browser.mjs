// tests/web/browser.mjs: shared setup for the page tests: Debian's Chromium through playwright-core (never
// `npx playwright install`), the playground served in-process, and a log of console errors per page.
import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/serve.mjs';

export const RESULTS_DIR = fileURLToPath(new URL('../../test-results/web/', import.meta.url));
// HELIX_WEB_ROOT serves another copy of web/ (e.g. one with a stand-in engine while the wasm is being built).
export const WEB_ROOT = process.env.HELIX_WEB_ROOT ?? fileURLToPath(new URL('../../web/', import.meta.url));

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

// args: extra command-line switches (e.g. V8 flags for one test's own browser).
export function launchChromium({ args = [] } = {}) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS, ...args],
  });
}

export function serveWeb({ isolation }) {
  return startServer({ port: 0, isolation, root: WEB_ROOT });
}

// Opens url in a fresh page; page.consoleErrors collects console errors and uncaught exceptions.
export async function openPage(browser, url, { width = 1280, height = 900 } = {}) {
  const page = await browser.newPage({ viewport: { width, height } });
  page.consoleErrors = [];
  page.on('console', (message) => message.type() === 'error' && page.consoleErrors.push(message.text()));
  page.on('pageerror', (error) => page.consoleErrors.push(String(error)));
  await page.goto(url);
  return page;
}

export async function screenshot(page, name) {
  mkdirSync(RESULTS_DIR, { recursive: true });
  await page.screenshot({ path: `${RESULTS_DIR}${name}.png`, fullPage: true });
}

// Resolves once the engine has reported its backend (or failed to start).
export async function waitForEngine(page, timeout = 30_000) {
  await page.waitForFunction(
    () => {
      const engine = document.querySelector('[data-testid=status] .engine');
      return engine && !/starting/.test(engine.textContent);
    },
    null,
    { timeout },
  );
  return page.getByTestId('status').innerText();
}

export const statusText = (page) => page.getByTestId('status').innerText();

export function waitForStatus(page, pattern, timeout = 90_000) {
  return page.waitForFunction(
    ([source, flags]) =>
      new RegExp(source, flags).test(document.querySelector('[data-testid=status] .message')?.textContent ?? ''),
    [pattern.source, pattern.flags],
    { timeout },
  );
}

// One Chromium and one served playground for a whole test file: registers the file's before/after hooks and
// returns {browser, server}, filled once `before` has run.
export function useBrowser({ isolation = true } = {}) {
  const shared = {};
  before(async () => {
    shared.browser = await launchChromium();
    shared.server = await serveWeb({ isolation });
  });
  after(async () => {
    await shared.browser?.close();
    await shared.server?.close();
  });
  return shared;
}

const AXE = fileURLToPath(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url));

// axe-core's serious and critical violations on the page as it is now (open shadow roots included):
// ['rule: target', ...]. The script is evaluated from the file, so it makes no request (and, not being a
// <script> element, the page's CSP, which allows no inline script, lets it run).
// axe-core itself adds <style> elements while it measures, which the page's CSP refuses (and the console
// reports): those reports are axe's, not the page's, and are dropped from page.consoleErrors.
export async function axeSerious(page) {
  const before = page.consoleErrors.length;
  await page.evaluate(readFileSync(AXE, 'utf8'));
  const serious = await page.evaluate(async () => {
    const { violations } = await window.axe.run(document, { resultTypes: ['violations'] });
    return violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' > ')}`));
  });
  await page.waitForTimeout(100); // (console messages arrive a moment later)
  const axeOwn = (m, i) =>
    i >= before && /^Applying inline style violates the following Content Security Policy/.test(m);
  page.consoleErrors = page.consoleErrors.filter((m, i) => !axeOwn(m, i));
  return serious;
}
