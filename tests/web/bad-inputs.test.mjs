// tests/web/bad-inputs.test.mjs: the bad-input corpus (tests/bad-inputs/manifest.json) in the page, one page load
// for all of it. Each file a page field takes is pasted into that field (tables and graphs: the data boxes,
// then Train; FASTA: the Predict box; variants: the Variant effects box), opened there (model files, motif
// files) or set as the address's #hash (link states). An error case must name its line (or field) in the
// field's error box, leave the text exactly as typed, and mark the line: the box is aria-invalid and the bad
// line is selected (files opened, not pasted, have no box: their errors name line and column, the file is
// named beside them). An accepted case must read (predictions, a summary, no error).
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { basename } from 'node:path';
import { readFileSync } from 'node:fs';
import { useBrowser, openPage, waitForEngine, statusText } from './browser.mjs';
import { corpusPath, manifest } from '../bad-inputs/surfaces.mjs';

const chromium = useBrowser({ isolation: true });
const { cases } = manifest();
const onPage = (kind) => cases.filter((c) => c.kind === kind && (c.surfaces ?? ['page']).includes('page'));
const text = (item) => readFileSync(corpusPath(item.file), 'utf8');
// What the manifest expects the error box to say: "line 3" (", column 7") or the field.
const place = ({ line, column, field }) =>
  line !== undefined ? `line ${line}${column !== undefined ? `, column ${column}` : ''}` : field;

// Pastes `value` into the textarea `testid`, runs `act`, and checks what an error case must show: the error box
// `errorTestid` naming the place and message, the text as typed, the box aria-invalid and the line selected.
async function pasteExpectingError(page, item, { testid, errorTestid, act }) {
  const box = page.getByTestId(testid);
  await box.fill(text(item));
  const typed = await box.inputValue();
  assert.equal(typed, text(item).replace(/\r\n?/g, '\n'), 'a textarea keeps what is pasted (line ends as LF)');
  await act();
  const errorBox = page.getByTestId(errorTestid).first();
  await errorBox.waitFor({ state: 'visible', timeout: 15_000 });
  const said = await errorBox.innerText();
  assert.ok(said.includes(place(item.expect)) && said.includes(item.expect.message), `the box says\n${said}`);
  assert.equal(await box.inputValue(), typed, 'the text is kept unchanged');
  if (item.expect.line === undefined) return;
  assert.equal(await box.getAttribute('aria-invalid'), 'true', 'the box is marked invalid');
  const selectedLine = await box.evaluate((el) => el.value.slice(0, el.selectionStart).split('\n').length);
  assert.equal(selectedLine, item.expect.line, 'the bad line is selected');
}

// Runs check(item) for every item, then fails once listing every case that failed (not just the first).
async function eachCase(items, check) {
  const failures = [];
  for (const item of items) {
    try {
      await check(item);
    } catch (e) {
      failures.push(`${item.file}: ${e.message}`);
    }
  }
  assert.deepEqual(failures, [], `${failures.length} of ${items.length} cases failed`);
}

describe('the bad-input corpus in the page', () => {
  let page;
  before(async () => {
    page = await openPage(chromium.browser, chromium.server.url);
    await waitForEngine(page);
    await page.waitForFunction(() => document.querySelector('[data-testid=training-input]').value.length > 1000);
  });
  after(async () => {
    await page?.close();
  });

  test(
    'training tables (cnn-binding): each error names its line in the data box, text kept, line selected',
    { timeout: 60_000 },
    async () => {
      await eachCase(
        onPage('table').filter((c) => c.expect !== 'accepted'),
        (item) =>
          pasteExpectingError(page, item, {
            testid: 'training-input',
            errorTestid: 'training-error',
            act: () => page.getByTestId('train-button').click(),
          }),
      );
    },
  );

  test(
    'training tables that must just work (Excel CSV, BOM, CRLF, semicolons) read without an error',
    { timeout: 60_000 },
    async () => {
      await eachCase(
        onPage('table').filter((c) => c.expect === 'accepted'),
        async (item) => {
          await page.getByTestId('training-input').fill('');
          await page.getByTestId('training-input').fill(text(item));
          await page
            .waitForFunction(
              () => /^4 labelled sequences/.test(document.querySelector('[data-testid=data-summary]').textContent),
              null,
              { timeout: 10_000 },
            )
            .catch(async () =>
              assert.fail(
                `summary '${await page.getByTestId('data-summary').innerText()}', errors '${await page.getByTestId('training-error').innerText()}'`,
              ),
            );
          assert.equal(await page.getByTestId('training-error').isVisible(), false);
        },
      );
    },
  );

  test(
    'specs in the spec box: each error names its field, its line in the box selected, text kept',
    { timeout: 60_000 },
    async () => {
      await page.locator('details.advanced summary').click();
      const box = page.getByTestId('spec-input');
      await eachCase(
        onPage('spec').filter((c) => c.expect !== 'accepted'),
        async (item) => {
          await box.fill(text(item));
          const typed = await box.inputValue();
          await page.getByTestId('train-button').click();
          const want = place(item.expect);
          await page
            .waitForFunction(
              ([p, m]) => {
                const t = (document.querySelector('[data-testid=model-error]')?.textContent ?? '').toLowerCase();
                return t.includes(p.toLowerCase()) && t.includes(m.toLowerCase());
              },
              [want, item.expect.message],
              { timeout: 15_000 },
            )
            .catch(async () =>
              assert.fail(
                `model box '${await page.getByTestId('model-error').innerText()}', status '${await statusText(page)}'`,
              ),
            );
          assert.equal(await box.inputValue(), typed, 'the spec is kept as typed');
          // The box says "line N" for the field, and line N is selected; a field's line holds its key.
          const said = await page.getByTestId('model-error').innerText();
          const line = Number(/line (\d+)/.exec(said)?.[1]);
          assert.ok(line > 0, `${item.file}: no line in '${said}'`);
          const selectedLine = await box.evaluate((el) => el.value.slice(0, el.selectionStart).split('\n').length);
          assert.equal(selectedLine, line, `${item.file}: line ${line} selected`);
          const key = /\.([\w]+)$/.exec(item.expect.field ?? '')?.[1];
          if (key)
            assert.match(
              typed.split('\n')[line - 1],
              new RegExp(`"${key}"`),
              `${item.file}: line ${line} holds "${key}"`,
            );
        },
      );
      await page.getByRole('button', { name: 'Reset to the preset' }).click();
    },
  );

  test(
    'model files opened in the model panel: the status line names the file and the field or line; the good file loads',
    { timeout: 60_000 },
    async () => {
      const input = page.locator('#model-panel input[type=file]');
      try {
        await eachCase(
          onPage('model').filter((c) => c.expect !== 'accepted' && !c.loader),
          async (item) => {
            const name = basename(item.file);
            await input.setInputFiles({
              name,
              mimeType: 'application/json',
              buffer: readFileSync(corpusPath(item.file)),
            });
            await page
              .waitForFunction(
                ([n, p, m]) => {
                  const t = document.querySelector('[data-testid=status] .message')?.textContent ?? '';
                  return t.startsWith(n) && t.includes(p) && t.includes(m);
                },
                [name, place(item.expect), item.expect.message],
                { timeout: 10_000 },
              )
              .catch(async () => assert.fail(`status '${await statusText(page)}'`));
          },
        );
      } finally {
        // The good file last: the Predict, variant and motif checks below need its model.
        await input.setInputFiles({
          name: 'clean.json',
          mimeType: 'application/json',
          buffer: readFileSync(corpusPath('model/clean.json')),
        });
        await page.waitForFunction(() => !document.querySelector('[data-testid=predict-button]').disabled, null, {
          timeout: 15_000,
        });
      }
    },
  );

  test(
    'FASTA in the Predict box: each error names its line, text kept, line selected; accepted files predict',
    { timeout: 90_000 },
    async () => {
      await eachCase(onPage('fasta'), async (item) => {
        if (item.expect === 'accepted') {
          await page.getByTestId('sequence-input').fill(text(item));
          await page.evaluate(() => (document.querySelector('[data-testid=status] .message').textContent = '')); // the last case's
          await page.getByTestId('predict-button').click();
          await page
            .waitForFunction(
              () => /Predicted/.test(document.querySelector('[data-testid=status] .message')?.textContent ?? ''),
              null,
              { timeout: 15_000 },
            )
            .catch(async () =>
              assert.fail(`${await statusText(page)} / ${await page.getByTestId('error').first().innerText()}`),
            );
          return;
        }
        await pasteExpectingError(page, item, {
          testid: 'sequence-input',
          errorTestid: 'error',
          act: () => page.getByTestId('predict-button').click(),
        });
      });
    },
  );

  test(
    'variant tables: each error names its line in the variants box, text kept, line selected',
    { timeout: 60_000 },
    async () => {
      await page.getByTestId('variants-button').waitFor({ state: 'attached' });
      await eachCase(
        onPage('variants').filter((c) => c.expect !== 'accepted'),
        (item) =>
          pasteExpectingError(page, item, {
            testid: 'variant-input',
            errorTestid: 'variant-error',
            act: () => page.getByTestId('variants-button').click(),
          }),
      );
    },
  );

  test('motif files opened for Learned motifs: each error names its line', { timeout: 60_000 }, async () => {
    const input = page.locator('[data-testid=motifs-panel] input[type=file]');
    await eachCase(
      onPage('motif').filter((c) => c.expect !== 'accepted'),
      async (item) => {
        await input.setInputFiles({
          name: basename(item.file),
          mimeType: 'text/plain',
          buffer: readFileSync(corpusPath(item.file)),
        });
        await page.getByTestId('motifs-button').click();
        await page
          .waitForFunction(
            ([p, m]) => {
              const t = document.querySelector('[data-testid=motifs-error]')?.textContent ?? '';
              return t.includes(p) && t.includes(m);
            },
            [place(item.expect), item.expect.message],
            { timeout: 15_000 },
          )
          .catch(async () => assert.fail(`'${await page.getByTestId('motifs-error').innerText()}'`));
      },
    );
  });

  // Choosing a preset loads its example into the data boxes: wait for it, so it does not land on a paste.
  async function choosePreset(preset, exampleLoaded) {
    await page.getByTestId('preset-select').selectOption(preset);
    await page.waitForFunction(exampleLoaded, null, { timeout: 30_000 });
  }

  test(
    'tables of numbers (mlp): each error names its line and column in the data box, text kept, line selected',
    { timeout: 60_000 },
    async () => {
      await choosePreset('mlp', () =>
        /branch_point_distance/.test(document.querySelector('[data-testid=training-input]').value),
      );
      await eachCase(
        onPage('numbers').filter((c) => c.expect !== 'accepted'),
        (item) =>
          pasteExpectingError(page, item, {
            testid: 'training-input',
            errorTestid: 'training-error',
            act: () => page.getByTestId('train-button').click(),
          }),
      );
    },
  );

  test(
    'graphs (gcn-node): an error in the nodes or the edges table is named and selected in that box',
    { timeout: 90_000 },
    async () => {
      await choosePreset(
        'gcn-node',
        () => document.querySelector('[data-testid=training-input-second]').value.length > 100,
      );
      await eachCase(
        onPage('graph').filter((c) => c.expect !== 'accepted'),
        async (item) => {
          const [testid, other, errorTestid] =
            item.table === 'edges'
              ? ['training-input-second', 'training-input', 'training-error-second']
              : ['training-input', 'training-input-second', 'training-error'];
          await page.getByTestId(other).fill(text({ file: item.with }));
          await pasteExpectingError(page, item, {
            testid,
            errorTestid,
            act: () => page.getByTestId('train-button').click(),
          });
        },
      );
    },
  );

  test(
    'expression matrices (autoencoder) opened as files: each error names its line and column',
    { timeout: 90_000 },
    async () => {
      await choosePreset(
        'autoencoder',
        () => Number(document.querySelector('[data-testid=matrix-input]').dataset.rows) > 0,
      );
      const input = page.locator('[data-testid=matrix-input] input[type=file]');
      await eachCase(
        onPage('matrix').filter((c) => c.expect !== 'accepted'),
        async (item) => {
          await input.setInputFiles({
            name: basename(item.file),
            mimeType: 'text/plain',
            buffer: readFileSync(corpusPath(item.file)),
          });
          await page.waitForFunction(
            (name) => document.querySelector('[data-testid=matrix-input]').textContent.includes(name),
            basename(item.file),
          );
          await page.getByTestId('train-button').click();
          await page
            .waitForFunction(
              ([p, m]) => {
                const t = document.querySelector('[data-testid=matrix-error]')?.textContent ?? '';
                return t.includes(p) && t.includes(m);
              },
              [place(item.expect), item.expect.message],
              { timeout: 15_000 },
            )
            .catch(async () =>
              assert.fail(
                `'${await page.getByTestId('matrix-error').innerText()}', status '${await statusText(page)}'`,
              ),
            );
        },
      );
    },
  );

  test('links: a hash whose fields do not read names them in the status line', { timeout: 60_000 }, async () => {
    await eachCase(
      onPage('url').filter((c) => c.expect !== 'accepted'),
      async (item) => {
        await page.evaluate((hash) => (location.hash = hash), text(item).trim());
        // "Some settings in the link were not understood …: lr, batch."
        await page
          .waitForFunction(
            (field) => {
              const t = document.querySelector('[data-testid=status] .message')?.textContent ?? '';
              return /not understood/.test(t) && t.replace(/\.$/, '').split(': ').pop().split(', ').includes(field);
            },
            item.expect.field,
            { timeout: 10_000 },
          )
          .catch(async () => assert.fail(`status '${await statusText(page)}'`));
      },
    );
  });
});
