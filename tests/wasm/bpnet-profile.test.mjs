// tests/wasm/bpnet-profile.test.mjs: the bpnet-profile preset's learning floors (issue 20), on its shipped example
// (web/data/profile.tsv.gz, simulated footprints), seed 1, held-out test regions: median profile Pearson >= 0.6
// over the regions with signal and count Pearson >= 0.7, each above the baseline that predicts the average
// profile. Then `helix evaluate` on the saved model prints the profile scores as JSON (keys in the README).
// Takes minutes (0.08 M parameters over 1,000 bp, 1,600 training regions): the preset's own size, which the
// native test_profile_heads.cpp trains only at a smaller scale.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { engine, root } from './helpers.mjs';

const cli = fileURLToPath(new URL('bin/helix.mjs', root));
const example = new URL('web/data/profile.tsv.gz', root);

test(
  'bpnet-profile learns simulated footprints: profile Pearson >= 0.6, count Pearson >= 0.7, above the average profile',
  { timeout: 60 * 60 * 1000 },
  async () => {
    const helix = await engine();
    const text = gunzipSync(readFileSync(example)).toString('utf8');
    const model = helix.createModel('bpnet-profile');
    const started = Date.now();
    const s = await model.fit(text, { seed: 1 });
    const seconds = (Date.now() - started) / 1000;
    const { profile, counts } = s.test.heads;
    console.log(
      `bpnet-profile: ${s.epochsRun} epochs in ${seconds.toFixed(0)} s; test profile Pearson ${profile.profile_pearson.toFixed(3)} ` +
        `(average profile ${profile.baseline.profile_pearson.toFixed(3)}), JSD ${profile.jsd.toFixed(3)} ` +
        `(${profile.baseline.jsd.toFixed(3)}), count Pearson ${counts.pearson.toFixed(3)}, ` +
        `${profile.signal_regions} of ${profile.n} test regions with signal; ${model.summary.parameters} parameters`,
    );
    assert.ok(profile.signal_regions >= 100, `${profile.signal_regions} test regions with signal`);
    assert.ok(profile.profile_pearson >= 0.6, `profile Pearson ${profile.profile_pearson}`);
    assert.ok(profile.profile_pearson > profile.baseline.profile_pearson, 'above the average profile');
    assert.ok(profile.jsd < profile.baseline.jsd, 'closer than the average profile');
    assert.ok(counts.pearson >= 0.7, `count Pearson ${counts.pearson}`);
    assert.ok(profile.tracks.length > 0 && profile.tracks[0].observed.length === 2);

    const dir = mkdtempSync(join(tmpdir(), 'helix-bpnet-'));
    const file = join(dir, 'bpnet.json');
    writeFileSync(file, model.save({}));
    model.dispose();
    const evaluated = spawnSync(
      process.execPath,
      [cli, 'evaluate', '--model', file, '--data', fileURLToPath(example)],
      {
        encoding: 'utf8',
      },
    );
    assert.equal(evaluated.status, 0, evaluated.stderr);
    const scores = JSON.parse(evaluated.stdout);
    for (const key of ['profile_pearson', 'jsd', 'signal_regions', 'baseline', 'loss', 'n'])
      assert.ok(key in scores.heads.profile, `heads.profile.${key}`);
    for (const key of ['pearson', 'spearman', 'mse']) assert.ok(key in scores.heads.counts, `heads.counts.${key}`);
    assert.equal(scores.heads.profile.n, 2000);
  },
);

test('helix predict writes a profile head as one column per strand, each a distribution over the window', async () => {
  const helix = await engine();
  const model = helix.createModel('bpnet-profile');
  const dir = mkdtempSync(join(tmpdir(), 'helix-bpnet-predict-'));
  const file = join(dir, 'untrained.json');
  writeFileSync(file, model.save({}));
  model.dispose();
  const input = fileURLToPath(new URL('tests/bad-inputs/profile/clean.tsv', root));
  const r = spawnSync(process.execPath, [cli, 'predict', '--model', file, '--input', input], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const [header, ...rows] = r.stdout.trim().split('\n');
  assert.equal(header, 'id\tcounts\tprofile_counts_plus\tprofile_counts_minus');
  assert.equal(rows.length, 4);
  for (const row of rows) {
    const [, count, plus, minus] = row.split('\t');
    assert.ok(Number.isFinite(Number(count)));
    for (const strand of [plus, minus]) {
      const p = strand.split(',').map(Number);
      assert.equal(p.length, 200);
      assert.ok(Math.abs(p.reduce((a, v) => a + v, 0) - 1) < 1e-2);
    }
  }
});
