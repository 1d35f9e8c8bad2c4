// bench/train-default-example.mjs: how long the playground takes to train its default example
// (GATA3, 10000 sequences, preset cnn-binding, 15 epochs, seed 1) in Debian's Chromium, with the threaded
// build (cross-origin isolated page) and the single-thread build (plain page), alternating.
//   node bench/train-default-example.mjs [--repeats N]      (prints a Markdown table; it asserts nothing)
// Wall time from the Train click to "Done", as the page reports it; early stopping may end a run before 15.
import { parseArgs } from 'node:util';
import { launchChromium, serveWeb, openPage, waitForEngine, waitForStatus } from '../tests/web/browser.mjs';

const { values } = parseArgs({ options: { repeats: { type: 'string', default: '3' } } });
const repeats = Number(values.repeats);

async function trainOnce(browser, server) {
  const page = await openPage(browser, server.url);
  const status = await waitForEngine(page);
  await page.waitForFunction(() => document.querySelector('[data-testid=training-input]').value.length > 1000);
  const t0 = Date.now();
  await page.getByTestId('train-button').click();
  await waitForStatus(page, /^Trained in|Training stopped/, 600_000);
  const seconds = (Date.now() - t0) / 1000;
  const progress = (await page.getByTestId('progress').innerText()).match(/Done[^\n]*/)?.[0] ?? '';
  await page.close();
  return { seconds, status: status.split('\n')[0], progress };
}

const browser = await launchChromium();
const servers = { threaded: await serveWeb({ isolation: true }), single: await serveWeb({ isolation: false }) };
const runs = { threaded: [], single: [] };
for (let r = 0; r < repeats; r++) {
  for (const mode of ['threaded', 'single']) runs[mode].push(await trainOnce(browser, servers[mode]));
}
await browser.close();
for (const s of Object.values(servers)) await s.close();

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log('| build | engine status | median s | min–max s | last run |');
console.log('|---|---|---|---|---|');
for (const [mode, rs] of Object.entries(runs)) {
  const s = rs.map((r) => r.seconds);
  console.log(
    `| ${mode} | ${rs[0].status} | ${median(s).toFixed(1)} | ${Math.min(...s).toFixed(1)}–${Math.max(...s).toFixed(1)} | ${rs.at(-1).progress} |`,
  );
}
