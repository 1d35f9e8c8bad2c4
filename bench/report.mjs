// bench/report.mjs: the Markdown section bench/suite.mjs writes into bench/RESULTS.md: throughput tables,
// ratios (what counts: the machine is noisy) and the floors of issue 6, each marked met or not met.

const fmt = (v) =>
  v == null || !Number.isFinite(v) ? '–' : v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2);
const ratio = (a, b) => (a != null && b != null && b > 0 ? a / b : null);
const x = (r) => (r == null ? '–' : `${fmt(r)}×`);

function find(run, id, mode) {
  return run?.results?.find((r) => r.workload === id && r.mode === mode) ?? null;
}
const helixRate = (row, key) => (row ? ((key ? row.helix[key] : Object.values(row.helix)[0])?.median ?? null) : null);
const tfRate = (row) => (row?.tf && !row.tf.error ? row.tf.median : null);
function tfLabel(row) {
  if (!row?.tf) return '–';
  if (row.tf.error) {
    const short = (e) =>
      e
        .replace(/ for backend '\w+'/, '')
        .replace(/^(\w+): not timed: .*/, '$1: not timed (minutes per step)')
        .slice(0, 70);
    return `cannot (${(row.tf.errors ?? [row.tf.error]).map(short).join('; ')})`;
  }
  const flag = row.tf.singleStep ? ', 1 step' : row.tf.reduced ? `, ${row.tf.steps} steps/repeat` : '';
  return `${fmt(row.tf.median)} (${row.tf.backend}${row.tf.variant ? ' ' + row.tf.variant : ''}${flag})`;
}
function torchRate(all, id, mode) {
  const r = all.torch?.results?.find((t) => t.workload === id && (id !== 'W4' || t.variant === 'sparse'));
  return r?.[mode]?.median ?? null;
}

function table(all, mode) {
  const lines = [
    `| | Helix Node 2 thr | Helix Node 1 thr | 2/1 | TF.js Node | Helix/TF Node | Helix Chromium isolated | TF.js Chromium isolated | ratio | Helix Chromium 1-thread page | TF.js there | ratio | PyTorch 1 thr | Helix Chromium isolated / PyTorch | Helix Node 1 thr / PyTorch |`,
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const id of all.workloads) {
    const n = find(all.node, id, mode),
      ci = find(all.chromiumIsolated, id, mode),
      cp = find(all.chromiumPlain, id, mode);
    const keys = n ? Object.keys(n.helix) : [];
    const t2 = helixRate(
        n,
        keys.find((k) => k !== 't1'),
      ),
      t1 = helixRate(n, 't1'),
      pt = torchRate(all, id, mode);
    lines.push(
      `| ${id} | ${fmt(t2)} | ${fmt(t1)} | ${x(ratio(t2, t1))} | ${tfLabel(n)} | ${x(ratio(t2, tfRate(n)))} | ` +
        `${fmt(helixRate(ci))} | ${tfLabel(ci)} | ${x(ratio(helixRate(ci), tfRate(ci)))} | ` +
        `${fmt(helixRate(cp))} | ${tfLabel(cp)} | ${x(ratio(helixRate(cp), tfRate(cp)))} | ` +
        `${fmt(pt)} | ${x(ratio(helixRate(ci), pt))} | ${x(ratio(t1, pt))} |`,
    );
  }
  return lines.join('\n');
}

const median = (xs) => {
  const s = xs.slice().sort((a, b) => a - b),
    n = s.length;
  return n % 2 ? s[(n - 1) / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
};

// Each 1-thread kernel as [name, GFLOP/s, fraction of the ceiling]. With kernel rounds (ceiling and kernels
// in turns, bench/suite.mjs) both are medians over the rounds, the fraction taken within each round.
function kernelFractions(all) {
  const list = (k) => [...k.gemm.map((g) => g.gflops), ...k.conv1d.flatMap((c) => [c.forwardGflops, c.backwardGflops])];
  const t1 = all.node?.kernels?.t1;
  if (!t1) return null;
  const names = [
    ...t1.gemm.map((g) => `GEMM ${g.name}`),
    ...t1.conv1d.flatMap((c) => [`conv1d ${c.name} fwd`, `conv1d ${c.name} bwd`]),
  ];
  const rounds = (all.node.kernelRounds ?? []).filter((r) => r.ceiling?.best && r.t1);
  if (rounds.length) {
    return names.map((n, i) => [
      n,
      median(rounds.map((r) => list(r.t1)[i])),
      median(rounds.map((r) => list(r.t1)[i] / r.ceiling.best)),
    ]);
  }
  const best = all.ceiling?.best;
  return names.map((n, i) => [n, list(t1)[i], best ? list(t1)[i] / best : null]);
}

function kernelTable(all) {
  const k = all.node?.kernels;
  if (!k) return '';
  const rounds = (all.node.kernelRounds ?? []).filter((r) => r.ceiling?.best);
  const tN = Object.entries(k).find(([key]) => key !== 't1')?.[1];
  const ceilingText = rounds.length
    ? `SIMD128 ceiling (bench/gemm-ceiling, Node, 1 thread), measured ${rounds.length} times in turns with the 1-thread ` +
      `kernels: **${rounds.map((r) => fmt(r.ceiling.best)).join(', ')} GFLOP/s** (its best line, 4x8 mul + add). ` +
      'GFLOP/s and the fraction of the ceiling are medians over the rounds, the fraction taken within each round.'
    : `SIMD128 ceiling (bench/gemm-ceiling, Node, 1 thread, same session): **${fmt(all.ceiling?.best ?? null)} GFLOP/s** ` +
      `(${(all.ceiling?.lines ?? []).map((l) => `${l.kernel} ${l.M}x${l.N}x${l.K} MR=${l.MR}: ${fmt(l.gflops_median)}`).join('; ') || all.ceiling?.error || 'not run'}).`;
  const lines = [
    ceilingText,
    '',
    '| Helix kernel (Node, threaded build) | GFLOP/s 1 thr | of ceiling | GFLOP/s 2 thr |',
    '|---|---|---|---|',
  ];
  const fr = kernelFractions(all);
  const tNlist = tN
    ? [...tN.gemm.map((g) => g.gflops), ...tN.conv1d.flatMap((c) => [c.forwardGflops, c.backwardGflops])]
    : [];
  const labels = [
    ...k.t1.gemm.map(
      (g) => `GEMM ${g.name} (${g.m}x${g.n}x${g.k}${g.transA ? ', A^T' : ''}${g.transB ? ', B^T' : ''})`,
    ),
    ...k.t1.conv1d.flatMap((c) => [`conv1d ${c.name} forward`, `conv1d ${c.name} backward (dw + dx)`]),
  ];
  labels.forEach((label, i) =>
    lines.push(
      `| ${label} | ${fmt(fr[i][1])} | ${fr[i][2] == null ? '–' : Math.round(100 * fr[i][2]) + '%'} | ${fmt(tNlist[i])} |`,
    ),
  );
  return lines.join('\n');
}

function nativeTable(all) {
  if (!all.native) return '';
  if (all.native.error) return `Native allocation counts: ${all.native.error}`;
  const lines = [
    '| workload | mode | heap allocations per step | bytes allocated per step | per call (once) | peak live heap |',
    '|---|---|---|---|---|---|',
  ];
  for (const l of all.native.lines) {
    const bytes = l.bytesAllocatedPerStep;
    const perStep = bytes >= 1e5 ? `${(bytes / 1e6).toFixed(1)} MB` : `${(bytes / 1e3).toFixed(1)} KB`;
    lines.push(
      `| ${l.workload} | ${l.mode} | ${l.allocationsPerStep} | ${perStep} | ${l.allocationsPerCall ?? '–'} | ${(l.peakLiveBytes / 1e6).toFixed(0)} MB |`,
    );
  }
  return lines.join('\n');
}

function floors(all) {
  const out = [];
  const mark = (ok) => (ok == null ? '**not measured**' : ok ? '**met**' : '**not met**');
  // 1. kernels vs ceiling
  const fr = kernelFractions(all)
    ?.filter(([, , f]) => f != null)
    .map(([n, , f]) => [n, f]);
  if (fr?.length) {
    const low = fr.filter(([, f]) => f < 0.8);
    const lowest = fr
      .slice()
      .sort((a, b) => a[1] - b[1])
      .slice(0, Math.max(1, Math.min(3, low.length)));
    out.push(
      `- GEMM and conv1d kernels ≥ 80% of the SIMD128 ceiling: ${mark(low.length === 0)} ` +
        `(${fr.length - low.length} of ${fr.length} kernels; lowest ${lowest.map(([n, f]) => `${n} ${Math.round(100 * f)}%`).join(', ')})`,
    );
  } else out.push(`- GEMM and conv1d kernels ≥ 80% of the SIMD128 ceiling: ${mark(null)}`);
  // 2. Chromium training vs TF.js
  const ci = all.chromiumIsolated;
  for (const [ids, factor, backend] of [
    [['W1', 'W3', 'W6'], 50, 'cpu'],
    [['W4', 'W5'], 5, 'wasm'],
  ]) {
    for (const id of ids.filter((i) => all.workloads.includes(i))) {
      const row = find(ci, id, 'train'),
        r = ratio(helixRate(row), tfRate(row));
      const note = row?.tf?.backend && row.tf.backend !== backend ? ` (TF.js ran on ${row.tf.backend})` : '';
      out.push(
        `- ${id} training in Chromium ≥ ${factor}× TF.js ${backend}: ${mark(r == null ? null : r >= factor)} (${x(r)}${note})`,
      );
    }
  }
  // 3. vs PyTorch (timed after the other systems, not in turns with Helix: drift between the two does not cancel)
  out.push(
    '- vs PyTorch: PyTorch runs after the Node and browser runs, not in turns with Helix, so on a shared machine ' +
      'these ratios carry the load difference between the two moments:',
  );
  for (const id of all.workloads) {
    const floor = id === 'W2' ? 0.35 : 0.5;
    const r = ratio(helixRate(find(ci, id, 'train')), torchRate(all, id, 'train'));
    out.push(
      `  - ${id} training ≥ ${floor}× PyTorch 1 thread (Helix in Chromium, isolated): ${mark(r == null ? null : r >= floor)} (${x(r)})`,
    );
  }
  // 4. inference vs TF.js wasm
  for (const id of ['W1', 'W2', 'W3', 'W5', 'W6'].filter((i) => all.workloads.includes(i))) {
    const row = find(ci, id, 'infer'),
      r = ratio(helixRate(row), tfRate(row));
    out.push(
      `- ${id} inference in Chromium ≥ 1× TF.js wasm: ${mark(r == null ? null : r >= 1)} (${x(r)}${row?.tf?.backend && row.tf.backend !== 'wasm' ? `, TF.js on ${row.tf.backend}` : ''})`,
    );
  }
  // 5. threads, 6. memory
  const w2 = find(all.node, 'W2', 'train');
  if (w2) {
    const keys = Object.keys(w2.helix),
      s = ratio(
        helixRate(
          w2,
          keys.find((k) => k !== 't1'),
        ),
        helixRate(w2, 't1'),
      );
    out.push(`- 2 threads ≥ 1.6× 1 thread on W2 training (Node): ${mark(s == null ? null : s >= 1.6)} (${x(s)})`);
  }
  const peak = all.native?.lines?.find((l) => l.workload === 'W2' && l.mode === 'train')?.peakLiveBytes;
  out.push(
    `- Peak memory of W2 training ≤ 600 MB (native peak live heap): ${mark(peak == null ? null : peak <= 600e6)} (${peak ? (peak / 1e6).toFixed(0) + ' MB' : '–'})`,
  );
  return out.join('\n');
}

export function resultsSection(all) {
  const env = all.node?.env ?? {};
  const ci = all.chromiumIsolated?.env,
    cp = all.chromiumPlain?.env;
  return [
    `## Benchmark suite W1–W6 vs TensorFlow.js and PyTorch (\`npm run bench\`, ${all.date.slice(0, 10)})`,
    '',
    `Shapes and protocol: ../shared/BENCHMARKS.md (W3 inference batch 256, as its table says). Throughput in samples/s ` +
      `(W4: full-graph steps/s), median of 5 repeats of 10 steps after 2 warm-up steps, Helix and TF.js alternating in ` +
      `the same process or page. "1 step" / "N steps/repeat": a system too slow for the full protocol (bench/harness.mjs). ` +
      `Node ${env.node}, ${env.cpus} × ${env.cpu}; TF.js ${env.tfjs}; Chromium: ${ci?.userAgent?.match(/Chrome\/[\d.]+/)?.[0] ?? '–'}` +
      ` (isolated page: ${ci?.helix?.label ?? ci?.error ?? '–'}; plain page: ${cp?.helix?.label ?? cp?.error ?? '–'}); ` +
      `PyTorch ${all.torch?.info?.torch ?? all.torch?.error ?? '–'}.` +
      (all.sharedMachine
        ? ' **The machine was shared with other jobs during this run**: absolute figures are low and noisy; ratios of systems timed alternately are the figures to read.'
        : ''),
    '',
    '### Floors of issue 6',
    floors(all),
    '',
    '### Training',
    table(all, 'train'),
    '',
    '### Inference',
    table(all, 'infer'),
    '',
    '### Kernels',
    kernelTable(all),
    '',
    '### Heap allocations in a steady-state step and peak heap (native build, 1 thread, build/native/helix_bench)',
    'Per step: the allocations of a call of 11 steps less those of a call of 1, over 10. A call also allocates its ' +
      'JSON answer once (and the bench parses it): that is counted apart.',
    '',
    nativeTable(all),
  ].join('\n');
}
