// tests/wasm/cancel.test.mjs: Ctrl-C during `helix train` answers within 200 ms (issue 9): training stops and the
// process says so ("cancelled: nothing was written") and dies of the signal (status 130 in a shell), leaving no
// file: neither the model nor a temporary one. Ctrl-C while a file is being written leaves neither half a file
// nor the temporary one. The answer is timed from SIGINT to that message; the time until the process is gone is
// printed too (it is the kernel's and the machine's: reaping even a bare `node` killed by SIGKILL takes ~300 ms
// on a machine loaded 8 times over). Presets: gcn-graph, whose engine step was the longest (one whole epoch,
// 110-175 ms, against <= 40 ms for every other preset) before it became one mini-batch of graphs, and cnn-deep on
// the 10,000 GATA peaks, whose epoch's validation is now scored in chunks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { root } from './helpers.mjs';

const CLI = fileURLToPath(new URL('bin/helix.mjs', root));
const BOUND_MS = 200;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// Starts `helix train` on the preset's example, waits for epoch `afterEpoch` to be reported, waits `intoEpoch`
// ms more (inside the next epoch), sends SIGINT and resolves to {ms: SIGINT to the "cancelled" message, exitMs:
// SIGINT to exit, signal, stderr, dir}.
function cancelLatencyMs(args, { afterEpoch = 1, intoEpoch = 30 } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'helix-cancel-'));
  const out = join(dir, 'model.json');
  const child = spawn(process.execPath, [CLI, 'train', ...args, '--out', out, '--threads', '2'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  let sentAt = 0;
  let answeredAt = 0;
  return new Promise((resolve, reject) => {
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
      if (sentAt > 0 && !answeredAt && stderr.includes('cancelled: nothing was written'))
        answeredAt = performance.now();
      if (!sentAt && stderr.includes(`epoch ${afterEpoch}/`)) {
        sentAt = -1;
        setTimeout(() => {
          sentAt = performance.now();
          child.kill('SIGINT');
        }, intoEpoch);
      }
    });
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      resolve({
        ms: (answeredAt || Infinity) - sentAt,
        exitMs: performance.now() - sentAt,
        code,
        signal,
        stderr,
        dir,
        sent: sentAt > 0,
      }),
    );
  });
}

const data = (p) => fileURLToPath(new URL(`web/data/${p}`, root));

// Prints the three runs' figures and asserts the median answer is within the bound.
function report(preset, runs) {
  const answers = runs.map((r) => r.ms);
  console.log(
    `cancel latency, helix train ${preset}: SIGINT to "cancelled" ${answers.map((ms) => ms.toFixed(0)).join(', ')} ms ` +
      `(median ${median(answers).toFixed(0)} ms); SIGINT to process gone ${runs.map((r) => r.exitMs.toFixed(0)).join(', ')} ms`,
  );
  assert.ok(median(answers) < BOUND_MS, `median ${median(answers).toFixed(0)} ms`);
}

test(`Ctrl-C during helix train (gcn-graph) answers within ${BOUND_MS} ms, dies of SIGINT, writes nothing (median of 3)`, async () => {
  const runs = [];
  for (const intoEpoch of [20, 60, 100]) {
    const r = await cancelLatencyMs(
      [
        '--preset',
        'gcn-graph',
        '--nodes',
        data('graph-motifs/nodes.tsv'),
        '--edges',
        data('graph-motifs/edges.tsv'),
        '--epochs',
        '50',
      ],
      { intoEpoch },
    );
    assert.ok(r.sent, `the run ended before SIGINT was sent: ${r.stderr}`);
    assert.equal(r.signal, 'SIGINT', r.stderr);
    assert.match(r.stderr, /cancelled: nothing was written/);
    assert.deepEqual(readdirSync(r.dir), [], 'a model or temporary file was left');
    runs.push(r);
  }
  report('gcn-graph', runs);
});

test(`Ctrl-C during helix train (cnn-deep on the GATA peaks) answers within ${BOUND_MS} ms (median of 3)`, async () => {
  const runs = [];
  for (const intoEpoch of [30, 300, 700]) {
    const r = await cancelLatencyMs(['--preset', 'cnn-deep', '--data', data('gata-example.tsv'), '--epochs', '5'], {
      intoEpoch,
      afterEpoch: 1,
    });
    assert.ok(r.sent, `the run ended before SIGINT was sent: ${r.stderr}`);
    assert.equal(r.signal, 'SIGINT', r.stderr);
    assert.deepEqual(readdirSync(r.dir), []);
    runs.push(r);
  }
  report('cnn-deep', runs);
});

test('Ctrl-C while a file is being written leaves neither half a file nor the temporary one', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'helix-write-'));
  const target = join(dir, 'big.bin');
  const script = join(dir, 'write.mjs');
  const atomic = new URL('bin/cli/atomic-write.mjs', root).href;
  // writeAtomically creates the temporary file before its first await: 'writing' means it exists and 512 MB are
  // on their way into it.
  writeFileSync(
    script,
    `import { writeAtomically } from '${atomic}';\n` +
      `const done = writeAtomically(${JSON.stringify(target)}, Buffer.alloc(512 * 1024 * 1024, 7));\n` +
      `process.stdout.write('writing\\n');\nawait done;\nprocess.stdout.write('written\\n');\n`,
  );
  const child = spawn(process.execPath, [script], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  const writing = new Promise((resolve) =>
    child.stdout.on('data', (c) => {
      stdout += c;
      if (stdout.includes('writing')) resolve();
    }),
  );
  const exited = new Promise((resolve) =>
    child.on('exit', (code, signal) => resolve(signal === 'SIGINT' ? null : code)),
  );
  await writing;
  assert.ok(existsSync(`${target}.tmp-${child.pid}`), 'the temporary file is not there');
  child.kill('SIGINT');
  const code = await exited;
  assert.equal(stdout, 'writing\n', 'the write finished before SIGINT');
  assert.equal(code, null); // died of SIGINT
  assert.deepEqual(readdirSync(dir), ['write.mjs']);
});
