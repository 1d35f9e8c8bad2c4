// bench/ab-builds.mjs: two builds of the bench engine timed in turns in one process, so that a build change
// (compiler flags, exceptions, -Oz) is read as a ratio on a shared machine. Each build is a folder holding
// helix-bench-mt.{mjs,wasm,worker.js} (scripts/build.sh --bench leaves one in bench/wasm/); both run on one
// thread. Per workload and mode: each build warms up 2 steps, then the rounds alternate (A, B, B, A, ...),
// `--steps` steps per round; a round's figure is the process CPU time per step (process.cpuUsage: other jobs on
// the machine do not count in it) and the wall time per step. Prints the medians and new/old ratios.
//
//   node bench/ab-builds.mjs OLD_DIR NEW_DIR [--workloads W1,W3] [--modes train,infer] [--rounds 9] [--steps 20]
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { startEngine } from '../js/runtime.js';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args.splice(i, 2)[1] : fallback;
};
const workloads = option('workloads', 'W1,W3,W4,W5,W6').split(',');
const modes = option('modes', 'train,infer').split(',');
const rounds = Number(option('rounds', '9'));
const steps = Number(option('steps', '20'));
if (args.length !== 2) {
  console.error(
    'usage: node bench/ab-builds.mjs OLD_DIR NEW_DIR [--workloads ..] [--modes ..] [--rounds N] [--steps N]',
  );
  process.exit(2);
}

const median = (xs) => {
  const s = xs.slice().sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : 0.5 * (s[s.length / 2 - 1] + s[s.length / 2]);
};

async function load(dir) {
  const base = new URL('helix-bench-mt', pathToFileURL(resolve(dir) + '/'));
  return startEngine(base, { threaded: true, threads: 1 });
}

// One round: n steps; returns {cpu, wall} in ms per step.
function round(workload, mode, n) {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const r = JSON.parse(mode === 'train' ? workload.trainSteps(n) : workload.inferSteps(n));
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  if (mode === 'train' && !Number.isFinite(r.loss)) throw new Error(`loss ${r.loss}`);
  return { cpu: (cpu.user + cpu.system) / 1000 / n, wall: wall / n };
}

const engines = [await load(args[0]), await load(args[1])];
console.log(`old: ${args[0]}  new: ${args[1]}  (${rounds} rounds of ${steps} steps, 1 thread)`);
console.log('workload mode  | old cpu ms/step | new cpu ms/step | new/old cpu | old wall | new wall | new/old wall');
for (const id of workloads) {
  for (const mode of modes) {
    const wls = engines.map((e) => new e.BenchWorkload(id, false));
    for (const w of wls) round(w, mode, 2); // warm-up
    const figures = [[], []];
    for (let r = 0; r < rounds; r++) {
      const order = r % 2 ? [1, 0] : [0, 1];
      for (const k of order) figures[k].push(round(wls[k], mode, steps));
    }
    for (const w of wls) w.delete();
    const [oc, nc] = figures.map((f) => median(f.map((x) => x.cpu)));
    const [ow, nw] = figures.map((f) => median(f.map((x) => x.wall)));
    console.log(
      `${id} ${mode.padEnd(5)} | ${oc.toFixed(3)} | ${nc.toFixed(3)} | ${(nc / oc).toFixed(3)} | ` +
        `${ow.toFixed(3)} | ${nw.toFixed(3)} | ${(nw / ow).toFixed(3)}`,
    );
  }
}
for (const e of engines) e.PThread?.terminateAllThreads();
