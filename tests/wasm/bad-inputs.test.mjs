// tests/wasm/bad-inputs.test.mjs: every file of the bad-input corpus (tests/bad-inputs/manifest.json) through
// the JS API and the `helix` CLI. An error case must throw the API's typed error (HelixInputError) with an
// error at the manifest's line / column / field whose message holds its substring, every error located (a
// line or a field); the CLI must exit != 0 naming the file's path and that line (or field). An accepted
// case must read, and read as its clean twin does. Every call is bounded by a timeout: nothing may hang.
import { test, describe, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HelixInputError } from '../../js/helix.js';
import { readHelixFile, ExportError } from '../../js/export/helix-file.js';
import { engine } from './helpers.mjs';
import { KINDS, CORPUS, context, corpusPath, corpusText, manifest } from '../bad-inputs/surfaces.mjs';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const CLI = join(REPO, 'bin/helix.mjs');
const CLI_TIMEOUT_MS = 60_000;
const { cases } = manifest();
const surfaces = (item) => item.surfaces ?? ['api', 'cli', 'page', 'native'];

// Runs `helix args...`; resolves to {code, signal, stderr, ms}; kills it after CLI_TIMEOUT_MS (a hang).
function runCli(args) {
  return new Promise((resolve) => {
    const t0 = Date.now();
    const child = spawn(process.execPath, [CLI, ...args, '--quiet', '--threads', '1'], {
      cwd: REPO,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), CLI_TIMEOUT_MS);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stderr, ms: Date.now() - t0 });
    });
  });
}

// Whether one error of `errors` is at the expected place and says the expected thing.
const matches = (e, want) =>
  (want.line === undefined || e.line === want.line) &&
  (want.column === undefined || e.column === want.column) &&
  (want.field === undefined || e.field === want.field) &&
  e.message.includes(want.message);

const show = (errors) =>
  errors.map((e) => `  {line: ${e.line}, column: ${e.column}, field: '${e.field}'} ${e.message}`).join('\n');

// The API's answer to a case, or the error it threw.
async function callApi(ctx, item) {
  try {
    return { value: await KINDS[item.kind].api(ctx, corpusText(item.file), item) };
  } catch (error) {
    return { error };
  }
}

test('the manifest lists every corpus file once, each of a known kind with an expected outcome', () => {
  const files = [];
  for (const dir of readdirSync(CORPUS)) {
    if (!statSync(join(CORPUS, dir)).isDirectory()) continue;
    for (const f of readdirSync(join(CORPUS, dir))) files.push(`${dir}/${f}`);
  }
  const listed = cases.map((c) => c.file);
  assert.deepEqual([...listed].sort(), [...files].sort());
  assert.equal(new Set(listed).size, listed.length);
  for (const c of cases) {
    assert.ok(KINDS[c.kind], `${c.file}: kind '${c.kind}'`);
    assert.ok(c.expect === 'accepted' || typeof c.expect?.message === 'string', `${c.file}: expect`);
    if (c.expect !== 'accepted')
      assert.ok(
        c.expect.line !== undefined || c.expect.field !== undefined,
        `${c.file}: an error names a line or a field`,
      );
    if (c.twin) assert.ok(listed.includes(c.twin), `${c.file}: twin ${c.twin}`);
  }
  assert.ok(cases.filter((c) => c.expect !== 'accepted').length >= 40, 'at least 40 bad inputs');
});

describe('JS API', () => {
  let ctx;
  before(async () => {
    ctx = await context(await engine());
  });

  for (const item of cases.filter((c) => surfaces(c).includes('api'))) {
    test(
      `${item.file} (${item.what}): ${item.expect === 'accepted' ? 'accepted' : 'a located error'}`,
      { timeout: 30_000 },
      async () => {
        const got = await callApi(ctx, item);
        if (item.expect === 'accepted') {
          assert.equal(
            got.error,
            undefined,
            `${item.file} should be accepted:\n${show(got.error?.errors ?? [{ message: String(got.error?.stack) }])}`,
          );
          if (item.twin)
            assert.deepEqual(
              got.value,
              (await callApi(ctx, { ...item, file: item.twin })).value,
              `${item.file} reads as ${item.twin}`,
            );
          return;
        }
        assert.ok(got.error, `${item.file} was accepted (${JSON.stringify(got.value)?.slice(0, 200)})`);
        // The link's hash is read by decodeState, which answers with the fields' names (surfaces.mjs).
        if (item.kind !== 'url') assert.ok(got.error instanceof HelixInputError, `${item.file}: ${got.error.stack}`);
        const { errors } = got.error;
        assert.ok(errors.length > 0);
        assert.ok(
          errors.some((e) => matches(e, item.expect)),
          `${item.file}: no error ${JSON.stringify(item.expect)} among\n${show(errors)}`,
        );
        for (const e of errors) assert.ok(e.line > 0 || e.field, `an error without a line or a field: ${e.message}`);
        if (item.expect.count !== undefined) assert.equal(errors.length, item.expect.count, show(errors));
      },
    );
  }
});

test('after every bad input the engine still answers as before', async () => {
  const helix = await engine();
  const ctx = await context(helix);
  assert.deepEqual(
    await KINDS.fasta.api(ctx, corpusText('fasta/clean.fa')),
    await KINDS.fasta.api(ctx, corpusText('fasta/bom.fa')),
  );
  assert.equal(ctx.model.predict(corpusText('fasta/clean.fa')).length, 3);
});

// Export and weight import read model files in JS (helix-file.js): text that is not JSON is named by line too.
for (const item of cases.filter((c) => c.kind === 'model' && c.expect.line !== undefined)) {
  test(`readHelixFile (export, import) ${item.file}: ExportError at line ${item.expect.line}`, () => {
    assert.throws(
      () => readHelixFile(corpusText(item.file)),
      (e) =>
        e instanceof ExportError &&
        e.errors[0].line === item.expect.line &&
        e.errors[0].column > 0 &&
        e.errors[0].message.startsWith(`line ${item.expect.line}, column `),
    );
  });
}

// Two at a time: each run is mostly the engine's start-up.
describe('CLI', { concurrency: 2 }, () => {
  let ctx;
  before(async () => {
    ctx = await context(await engine());
  });

  for (const item of cases.filter((c) => KINDS[c.kind].cli && surfaces(c).includes('cli'))) {
    test(
      `helix ${item.kind} ${item.file}: ${item.expect === 'accepted' ? 'exit 0' : 'exit != 0, naming the file and the place'}`,
      { timeout: CLI_TIMEOUT_MS + 5_000 },
      async () => {
        const path = relative(REPO, corpusPath(item.file));
        const r = await runCli(KINDS[item.kind].cli(ctx, path, item));
        assert.equal(r.signal, null, `killed (${r.signal}) after ${r.ms} ms: a hang`);
        if (item.expect === 'accepted') {
          assert.equal(r.code, 0, r.stderr);
          return;
        }
        assert.equal(r.code, 1, `exit code ${r.code}:\n${r.stderr}`);
        assert.doesNotMatch(r.stderr, /\n\s+at /, 'a stack trace: an exception escaped');
        const { line, column, field, message } = item.expect;
        const place =
          line !== undefined ? `line ${line}${column !== undefined ? `, column ${column}` : ''}` : `${field}`;
        const said = r.stderr.split('\n').find((l) => l.includes(`${path}: ${place}`) && l.includes(message));
        assert.ok(said, `stderr does not name '${path}: ${place}' with '${message}':\n${r.stderr}`);
      },
    );
  }
});
