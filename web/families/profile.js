// web/families/profile.js: base-resolution profile models (BPNet: a profile head, loss multinomial_nll, and a
// count head, loss log1p_mse, over a table's per-strand count columns): loss curves, and as the result the
// predicted against the observed reads of held-out test regions, both strands, one region at a time (the test
// scores' `tracks`, core/infer/profile_scores.hpp), with the region's profile Pearson and JSD.
import { t } from '../strings.js';
import { ProfileTracks } from '../views/profile-tracks.js';
import { defineFamily, metric } from './family.js';

const headsOf = (spec) => spec?.heads ?? [];
const profileHead = (spec) => headsOf(spec).find((h) => h.loss === 'multinomial_nll');

// The ids of a table text's data rows, in order (the "id" column; "seqN" where it has none, as the engine names
// them), so a track's record index names its region.
export function rowIds(text) {
  const lines = (text ?? '').split(/\r?\n/).filter((l) => l.trim());
  if (!lines.length) return [];
  const delim = lines[0].includes('\t') ? '\t' : ',';
  const column = lines[0]
    .split(delim)
    .map((c) => c.trim().toLowerCase())
    .findIndex((c) => c === 'id' || c === 'name');
  return lines.slice(1).map((line, i) => (column >= 0 && line.split(delim)[column]?.trim()) || `seq${i + 1}`);
}

// The view's regions from a summary's test tracks of the spec's profile head: [{id, predicted: {plus, minus},
// observed: {plus, minus}, metrics}]. One strand: plus only.
export function profileRegions(summary, spec, ids = []) {
  const head = profileHead(spec);
  const test = summary?.test ?? {};
  const tracks = (test.heads?.[head?.name] ?? test).tracks ?? [];
  const strands = ({ 0: plus, 1: minus }) => (minus ? { plus, minus } : { plus });
  return tracks.map((track) => ({
    id: ids[track.record] ?? `#${track.record + 1}`,
    start: 0,
    predicted: strands(track.predicted),
    observed: strands(track.observed),
    metrics: {
      pearson: track.pearson ?? NaN,
      jsd: track.jsd ?? NaN,
      predictedCount: track.predictedCount ?? undefined,
      observedCount: track.observedCount,
    },
  }));
}

export default defineFamily({
  key: 'profile',
  chartMetric: 'none',
  result: 'profile',
  explain: true,
  matches: (spec, table) => table === 'sequence' && !!profileHead(spec),
  examples: { 'bpnet-profile': 'profile' },
  trainedMessage(summary, seconds) {
    const heads = summary.test?.heads ?? {};
    const profile = Object.values(heads).find((h) => h.profile_pearson !== undefined);
    const counts = Object.values(heads).find((h) => h.profile_pearson === undefined && h.pearson !== undefined);
    return profile && profile.signal_regions > 0
      ? t('statusTrainedProfile', {
          seconds,
          pearson: metric(profile.profile_pearson),
          baseline: metric(profile.baseline?.profile_pearson),
          counts: metric(counts?.pearson),
          n: profile.signal_regions,
        })
      : t('statusTrainedNoTest', { seconds });
  },
  results(element, ctx) {
    const view = new ProfileTracks(element);
    return {
      show(summary, texts) {
        const regions = profileRegions(summary, ctx.currentSpec(), rowIds(texts?.main));
        if (!regions.length) return;
        view.setRegions(
          regions.map((r) => r.id),
          (index) => view.show(regions[index]),
        );
        view.show(regions[0]);
      },
    };
  },
});
