// tests/wasm/engine.test.mjs: the two builds load in Node, say what they are, and hold SIMD128 code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { engine, root } from './helpers.mjs';

test('the threaded build runs 2 threads in Node and says why it was chosen', async () => {
  const helix = await engine('helix-simd-mt');
  assert.equal(helix.backend.build, 'helix-simd-mt');
  assert.equal(helix.backend.threads, 2);
  assert.equal(helix.backend.label, 'WebAssembly SIMD · 2 threads');
  assert.match(helix.backend.reason, /shared memory/);
});

test('the single-thread build runs 1 thread', async () => {
  const helix = await engine('helix-simd');
  assert.equal(helix.backend.build, 'helix-simd');
  assert.equal(helix.backend.threads, 1);
  assert.match(helix.backend.label, /1 thread/);
});

for (const build of ['helix-simd-mt', 'helix-simd']) {
  test(`${build}.wasm contains SIMD128 instructions`, () => {
    const wasm = fileURLToPath(new URL(`js/wasm/${build}.wasm`, root));
    const dis = execFileSync('wasm-objdump', ['-d', wasm], { maxBuffer: 1 << 30 }).toString();
    const ops = new Set(dis.match(/\b(f32x4|i32x4|v128)\.[a-z_0-9.]+/g) ?? []);
    for (const op of ['v128.load', 'f32x4.mul', 'f32x4.add']) assert.ok(ops.has(op), `${op} missing`);
  });
}

test('the threaded build uses shared memory; the single-thread build does not', () => {
  const memory = (build) =>
    execFileSync('wasm-objdump', ['-x', fileURLToPath(new URL(`js/wasm/${build}.wasm`, root))], { maxBuffer: 1 << 30 })
      .toString()
      .split('\n')
      .find((l) => /^ - memory\[0\] pages/.test(l));
  assert.match(memory('helix-simd-mt'), /shared/);
  assert.doesNotMatch(memory('helix-simd'), /shared/);
});
