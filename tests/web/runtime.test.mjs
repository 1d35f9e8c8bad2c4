// tests/web/runtime.test.mjs: the page under the hardening of issue 9: a run that diverges says where and why
// and leaves a model that predicts; Cancel answers within 200 ms during the epoch of the preset with the
// longest engine step (gcn-graph); 20 train/predict cycles leave the worker's wasm heap and the JS heaps (page
// and worker, after forced GCs) within 5% of the first cycle's, and no kind of live JS object grows by one a
// cycle. Figures are printed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, launchChromium, openPage, waitForEngine, waitForStatus, statusText } from './browser.mjs';

const chromium = useBrowser({ isolation: true });
const CANCEL_BOUND_MS = 200;
const CYCLES = Number(process.env.HELIX_MEMORY_CYCLES ?? 20); // more to tell a leak from warm-up
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function pageWithPreset(preset, example) {
  const page = await openPage(chromium.browser, chromium.server.url);
  await waitForEngine(page);
  await page.getByTestId('preset-select').selectOption(preset);
  if (example) await page.getByTestId('example-select').selectOption(example);
  await page.waitForFunction(() => document.querySelector('[data-testid=training-input]').value.length > 100, null, {
    timeout: 60_000,
  });
  return page;
}

test(
  'a run that diverges names epoch, batch and learning rate, and its model still predicts',
  { timeout: 120_000 },
  async () => {
    const page = await pageWithPreset('mlp-onehot');
    await page.locator('details.advanced summary').click();
    // Three linear layers and plain SGD at learning rate 1: the loss overflows within the first epoch.
    const spec = JSON.parse(await page.getByTestId('spec-input').inputValue());
    spec.layers = [
      { type: 'flatten' },
      { type: 'dense', name: 'fc1', units: 64 },
      { type: 'dense', name: 'fc2', units: 64 },
      { type: 'dense', name: 'out', units: 1 },
    ];
    spec.optimizer = { type: 'sgd', learning_rate: 1 };
    await page.getByTestId('spec-input').fill(JSON.stringify(spec, null, 2));
    await page.getByTestId('learning-rate-input').fill('1');
    await page.getByTestId('epochs-input').fill('3');
    await page.getByTestId('train-button').click();
    await waitForStatus(page, /training stopped at epoch/, 90_000);
    assert.match(
      await statusText(page),
      /training stopped at epoch 1, batch \d+: the (loss|gradient of \S+|weight \S+) became (NaN|infinite)\. The learning rate 1 is probably too high; try 0\.001\. The weights from before the update that caused it are kept\./,
    );
    assert.equal(await page.getByTestId('train-button').isEnabled(), true);
    await page.getByTestId('predict-button').click();
    await waitForStatus(page, /Predicted binding for \d+ sequences/, 30_000);
    const probabilities = (await page.locator('[data-testid=prediction-row] .value').allInnerTexts()).map(Number);
    assert.ok(probabilities.length > 0 && probabilities.every(Number.isFinite), probabilities.join(', '));
    assert.deepEqual(page.consoleErrors, []);
    await page.close();
  },
);

// Clicks Cancel inside the page; resolves to {shown: ms until the status line says the run was cancelled, ready:
// ms until Train is enabled again (the summary of the kept weights has arrived)}.
const cancelAndTime = (page) =>
  page.evaluate(
    () =>
      new Promise((resolve) => {
        const status = document.querySelector('[data-testid=status] .message');
        const train = document.querySelector('[data-testid=train-button]');
        const started = performance.now();
        let shown = null;
        const check = () => {
          if (shown === null && /cancelled/i.test(status.textContent)) shown = performance.now() - started;
          if (shown !== null && !train.disabled) {
            observer.disconnect();
            resolve({ shown, ready: performance.now() - started });
          }
        };
        const observer = new MutationObserver(check);
        observer.observe(document.body, { childList: true, characterData: true, subtree: true, attributes: true });
        document.querySelector('[data-testid=cancel-button]').click();
      }),
  );

test(
  `Cancel during a gcn-graph epoch shows the run cancelled within ${CANCEL_BOUND_MS} ms (median of 3)`,
  { timeout: 180_000 },
  async () => {
    const page = await pageWithPreset('gcn-graph');
    assert.equal(await page.getByTestId('example-select').inputValue(), 'graph-motifs');
    await page.getByTestId('epochs-input').fill('100');
    const runs = [];
    for (const into of [20, 60, 100]) {
      await page.getByTestId('train-button').click();
      await waitForStatus(page, /epoch [2-9]\d* of 100/, 60_000);
      await page.waitForTimeout(into);
      runs.push(await cancelAndTime(page));
      assert.match(await statusText(page), /Training cancelled after \d+ of/);
    }
    const shown = runs.map((r) => r.shown);
    console.log(
      `cancel latency in the page, gcn-graph: click to "cancelled" ${shown.map((ms) => ms.toFixed(0)).join(', ')} ms ` +
        `(median ${median(shown).toFixed(0)} ms); click to Train enabled again ${runs.map((r) => r.ready.toFixed(0)).join(', ')} ms`,
    );
    assert.ok(median(shown) < CANCEL_BOUND_MS, `median ${median(shown).toFixed(0)} ms`);
    assert.deepEqual(page.consoleErrors, []);
    await page.close();
  },
);

// The JS heap of the page and of the engine's worker after forced GCs (CDP: the worker through the page's
// session, attached the non-flattened way), and the engine's wasm heap in use; `snapshots()` takes a heap
// snapshot of each and returns their live objects per constructor (liveCounts).
async function heapProbe(page) {
  const cdp = await page.context().newCDPSession(page);
  const workers = [];
  cdp.on(
    'Target.attachedToTarget',
    ({ sessionId, targetInfo }) => targetInfo.type === 'worker' && workers.push(sessionId),
  );
  const pending = new Map();
  let nextId = 0;
  let workerChunks = [];
  cdp.on('Target.receivedMessageFromTarget', ({ message }) => {
    const m = JSON.parse(message);
    if (m.method === 'HeapProfiler.addHeapSnapshotChunk') return void workerChunks.push(m.params.chunk);
    pending.get(m.id)?.(m.result);
    pending.delete(m.id);
  });
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  await page.waitForFunction(() => true);
  const inWorker = (sessionId, method, params = {}) =>
    new Promise((resolve) => {
      const id = ++nextId;
      pending.set(id, resolve);
      cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
    });
  const collectGarbage = async () => {
    assert.equal(workers.length, 1, 'the engine worker was not found');
    for (let i = 0; i < 3; i++) {
      await cdp.send('HeapProfiler.collectGarbage');
      await inWorker(workers[0], 'HeapProfiler.collectGarbage');
    }
  };
  const measure = async () => {
    await collectGarbage();
    const page_ = (await cdp.send('Runtime.getHeapUsage')).usedSize;
    const worker = (await inWorker(workers[0], 'Runtime.getHeapUsage')).usedSize;
    const wasm = await page.evaluate(async () => {
      const { createEngine } = await import('./engine/client.js');
      globalThis.heapProbeEngine ??= createEngine(); // one session for every measurement
      return (await globalThis.heapProbeEngine.memoryUsage()).wasmHeapUsed;
    });
    return { page: page_, worker, wasm };
  };
  measure.snapshots = async () => {
    await collectGarbage();
    const chunks = [];
    const onChunk = ({ chunk }) => chunks.push(chunk);
    cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
    cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
    workerChunks = [];
    await inWorker(workers[0], 'HeapProfiler.takeHeapSnapshot', { reportProgress: false });
    return { page: liveCounts(chunks.join('')), worker: liveCounts(workerChunks.join('')) };
  };
  return measure;
}

// The live JS objects and functions of a V8 heap snapshot, counted per constructor (or function name). Left
// out: what only V8's feedback holds (AllocationSite boilerplates of literals, made as code warms up).
function liveCounts(json) {
  const {
    snapshot: { meta },
    nodes,
    edges,
    strings,
  } = JSON.parse(json);
  const NF = meta.node_fields.length,
    EF = meta.edge_fields.length;
  const [iType, iName, iEdges] = ['type', 'name', 'edge_count'].map((f) => meta.node_fields.indexOf(f));
  const [eType, eTo] = ['type', 'to_node'].map((f) => meta.edge_fields.indexOf(f));
  const [nodeTypes, edgeTypes] = [meta.node_types[0], meta.edge_types[0]];
  const held = new Uint8Array(nodes.length / NF); // 1: held by something other than a weak edge or an AllocationSite
  for (let n = 0, e = 0; n < nodes.length; n += NF) {
    const site = strings[nodes[n + iName]] === 'system / AllocationSite';
    for (let k = 0; k < nodes[n + iEdges]; k++, e += EF)
      if (!site && edgeTypes[edges[e + eType]] !== 'weak') held[edges[e + eTo] / NF] = 1;
  }
  const counts = new Map();
  for (let n = 0; n < nodes.length; n += NF) {
    const type = nodeTypes[nodes[n + iType]];
    if ((type !== 'object' && type !== 'closure') || !held[n / NF]) continue;
    const name = strings[nodes[n + iName]].replace(/ @\d+$/, '');
    const key = type === 'closure' ? `function ${name || '(anonymous)'}` : name;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

// Constructors with at least `bound` more live objects in `after` than in `before`: ['Promise +30', ...].
function grown(before, after, bound) {
  return [...after]
    .map(([key, n]) => [key, n - (before.get(key) ?? 0)])
    .filter(([, d]) => d >= bound)
    .sort((a, b) => b[1] - a[1])
    .map(([key, d]) => `${key} +${d}`);
}

// V8's optimizing tiers (Sparkplug, Maglev, Turbofan) add machine code to the JS heap as functions turn hot,
// over dozens of cycles: measured with them on, 88% of the page heap's growth over cycles 1-20 (295 of 334 KB)
// and all of it over cycles 40-60 (the live objects the same in number and size) was code for uPlot, the app
// and Playwright's own evaluate; in the worker, 74 of the 94 KB it grew over cycles 2-20 (its live objects:
// +0.2 KB). That is a cache V8 bounds and flushes, not something the page keeps, so this test's browser runs
// with those tiers off (the interpreter and WebAssembly compile as usual): its heaps then count what the page
// and the worker hold. No warm-up cycles are needed then (the heaps settle from cycle ~11, within 2.2%).
const NO_JIT_TIERS = '--js-flags=--no-sparkplug --no-maglev --no-turbofan';

// The page grew by 3 promises a cycle (each engine call raced against one promise that never settles, which
// kept a reaction per call); the live-object check below finds such a leak, which is too small for the 5%.
test(
  `${CYCLES} train/predict cycles in one page keep the wasm heap and the JS heaps within 5% of the first, and no constructor gains a live object a cycle`,
  {
    timeout: 600_000,
  },
  async () => {
    const browser = await launchChromium({ args: [NO_JIT_TIERS] });
    try {
      const page = await openPage(browser, chromium.server.url);
      await waitForEngine(page);
      await page.getByTestId('preset-select').selectOption('cnn-binding');
      await page.getByTestId('example-select').selectOption('primer');
      await page.waitForFunction(
        () => document.querySelector('[data-testid=training-input]').value.length > 100,
        null,
        { timeout: 60_000 },
      );
      await page.getByTestId('epochs-input').fill('1');
      const measure = await heapProbe(page);
      const figures = [];
      const middle = Math.ceil(CYCLES / 2);
      let before, after;
      for (let i = 1; i <= CYCLES; i++) {
        await page.getByTestId('train-button').click();
        await waitForStatus(page, /Trained in/, 120_000);
        await page.getByTestId('predict-button').click();
        await waitForStatus(page, /Predicted binding for \d+ sequences/, 30_000);
        figures.push(await measure());
        if (i === middle) before = await measure.snapshots();
        if (i === CYCLES) after = await measure.snapshots();
      }
      const [first, last] = [figures[0], figures.at(-1)];
      const change = (key) => (last[key] - first[key]) / first[key];
      for (const key of ['wasm', 'page', 'worker'])
        console.log(`memory in the page, ${key} per cycle: ${figures.map((f) => f[key]).join(', ')}`);
      console.log(
        `memory in the page (cycle 1 -> ${CYCLES}): wasm heap used ${first.wasm} -> ${last.wasm} bytes (${(100 * change('wasm')).toFixed(2)}%), ` +
          `page JS heap ${first.page} -> ${last.page} (${(100 * change('page')).toFixed(2)}%), worker JS heap ${first.worker} -> ${last.worker} (${(100 * change('worker')).toFixed(2)}%)`,
      );
      for (const key of ['wasm', 'page', 'worker']) {
        assert.ok(Math.abs(change(key)) <= 0.05, `${key}: ${figures.map((f) => f[key]).join(', ')}`);
      }
      // One more live object of a kind per cycle from cycle `middle` on is a leak, however small.
      for (const key of ['page', 'worker']) {
        const gains = grown(before[key], after[key], CYCLES - middle);
        console.log(
          `live objects in the ${key} (cycle ${middle} -> ${CYCLES}): ${[...before[key].values()].reduce((a, b) => a + b, 0)} -> ${[...after[key].values()].reduce((a, b) => a + b, 0)}; ` +
            `largest gains ${grown(before[key], after[key], 1).slice(0, 5).join(', ') || 'none'}`,
        );
        assert.deepEqual(gains, [], `${key}: constructors gaining a live object a cycle`);
      }
      assert.deepEqual(page.consoleErrors, []);
      await page.close();
    } finally {
      await browser.close();
    }
  },
);
