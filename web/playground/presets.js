// web/playground/presets.js: the presets the engine offers, grouped by family for the model picker, and what
// choosing one does: its family's data inputs, example, curves, result view and Predict box.
import { t } from '../strings.js';
import { FAMILIES, familyByKey, familyOf, DEFAULT_EXAMPLE } from '../families/index.js';

// The engine's preset tables ({ table: { key: spec } }) -> { presets, familyOfPreset, groups } where groups
// lists every preset under its family, in FAMILIES' order.
export function presetCatalogue(tables) {
  const presets = {};
  const familyOfPreset = {};
  for (const [tableName, entries] of Object.entries(tables)) {
    for (const [key, spec] of Object.entries(entries)) {
      presets[key] = spec;
      familyOfPreset[key] = familyOf(spec, tableName);
    }
  }
  const groups = FAMILIES.map((f) => ({
    label: t(f.label),
    keys: Object.keys(presets).filter((k) => familyOfPreset[k] === f.key),
  })).filter((g) => g.keys.length);
  return { presets, familyOfPreset, groups };
}

// The preset `key` was chosen. Resolves once the example (exampleKey, or the preset's own) is in the data panel.
export function usePreset(ctx, key, exampleKey = DEFAULT_EXAMPLE[key]) {
  const { state } = ctx;
  const family = familyByKey(ctx.familyOfPreset[key]);
  const changed = family !== state.family;
  state.family = family;
  const exampleLoaded = ctx.data.setFamily(family, exampleKey);
  ctx.model.setFamily(family);
  ctx.trainIntro.textContent = t(`trainIntro_${family.key}`);
  ctx.results.setFamily(family);
  if (family.results)
    state.resultViews.set(
      family.key,
      ctx.results.use(family.result, (element) => family.results(element, ctx)),
    );
  ctx.results.setHasResult(state.models.has(family.key));
  ctx.resultView(family)?.usePreset?.(ctx.presets[key]);
  ctx.predictions.useFamily(family, changed);
  ctx.training.configureChart(family, ctx.presets[key]);
  if (changed) ctx.explain.reset();
  ctx.refresh();
  return exampleLoaded;
}
