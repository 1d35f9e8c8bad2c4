// tests/wasm/cancel.test.mjs: Ctrl-C during `helix train` ends the process within 200 ms (issue 9) and leaves
// no file: neither the model nor a temporary one; Ctrl-C while a file is being written leaves neither half a
// file nor the temporary one. The preset is gcn-graph, the one with the longest engine step before steps became
// one mini-batch of graphs (one whole epoch, 110-175 ms, against <= 40 ms for every other preset; see
// cancelLatencyMs below for the figures printed).
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
// ms more (inside the next epoch), sends SIGINT and resolves to {ms: SIGINT to exit, code, stderr, dir}.
function cancelLatencyMs(args, { afterEpoch = 1, intoEpoch = 30 } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'helix-cancel-'));
  const out = join(dir, 'model.json');
  const child = spawn(process.execPath, [CLI, 'train', ...args, '--out', out, '--threads', '2'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  let sentAt = 0;
  return new Promise((resolve, reject) => {
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
      if (!sentAt && stderr.includes(`epoch ${afterEpoch}/`)) {
        sentAt = -1;
        setTimeout(() => {
          sentAt = performance.now();
          child.kill('SIGINT');
        }, intoEpoch);
      }
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve({ ms: performance.now() - sentAt, code, signal, stderr, dir, sent: sentAt > 0 }));
  });
}

const data = (p) => fileURLToPath(new URL(`web/data/${p}`, root));

test(`Ctrl-C during helix train (gcn-graph) exits within ${BOUND_MS} ms, 130, writing nothing (median of 3)`, async () => {
  const runs = [];
  for (const intoEpoch of [20, 60, 100]) {
    const r = await cancelLatencyMs(['--preset', 'gcn-graph', '--nodes', data('graph-motifs/nodes.tsv'),
      '--edges', data('graph-motifs/edges.tsv'), '--epochs', '50'], { intoEpoch });
    assert.ok(r.sent, `the run ended before SIGINT was sent: ${r.stderr}`);
    assert.equal(r.code, 130, r.stderr);
    assert.match(r.stderr, /cancelled: nothing was written/);
    assert.deepEqual(readdirSync(r.dir), [], 'a model or temporary file was left');
    runs.push(r.ms);
  }
  console.log(`cancel latency, helix train gcn-graph (SIGINT to exit): ${runs.map((ms) => ms.toFixed(0)).join(', ')} ms; median ${median(runs).toFixed(0)} ms`);
  assert.ok(median(runs) < BOUND_MS, `median ${median(runs).toFixed(0)} ms`);
});

test(`Ctrl-C during helix train (cnn-deep on the GATA peaks) exits within ${BOUND_MS} ms (median of 3)`, async () => {
  const runs = [];
  for (const intoEpoch of [30, 300, 700]) {
    const r = await cancelLatencyMs(['--preset', 'cnn-deep', '--data', data('gata-example.tsv'), '--epochs', '5'], { intoEpoch, afterEpoch: 1 });
    assert.ok(r.sent, `the run ended before SIGINT was sent: ${r.stderr}`);
    assert.equal(r.code, 130, r.stderr);
    assert.deepEqual(readdirSync(r.dir), []);
    runs.push(r.ms);
  }
  console.log(`cancel latency, helix train cnn-deep (SIGINT to exit): ${runs.map((ms) => ms.toFixed(0)).join(', ')} ms; median ${median(runs).toFixed(0)} ms`);
  assert.ok(median(runs) < BOUND_MS, `median ${median(runs).toFixed(0)} ms`);
});

test('Ctrl-C while a file is being written leaves neither half a file nor the temporary one', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'helix-write-'));
  const target = join(dir, 'big.bin');
  const script = join(dir, 'write.mjs');
  const atomic = new URL('bin/atomic-write.mjs', root).href;
  // 256 MB: long enough to be caught mid-write.
  writeFileSync(script, `import { writeAtomically } from '${atomic}';\n` +
    `await writeAtomically(${JSON.stringify(target)}, Buffer.alloc(256 * 1024 * 1024, 7));\nprocess.stdout.write('written\\n');\n`);
  const child = spawn(process.execPath, [script], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  child.stdout.on('data', (c) => { stdout += c; });
  const tmp = `${target}.tmp-${child.pid}`;
  const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  const deadline = performance.now() + 20000;
  while (!existsSync(tmp) && performance.now() < deadline) await new Promise((r) => setTimeout(r, 1));
  assert.ok(existsSync(tmp), 'the temporary file never appeared');
  child.kill('SIGINT');
  const code = await exited;
  assert.equal(stdout, '', 'the write finished before SIGINT');
  assert.equal(code, 130);
  assert.deepEqual(readdirSync(dir), ['write.mjs']);
});
