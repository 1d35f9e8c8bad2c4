// web/playground/checks.js: what the playground says before a run: the training data's check (the engine's
// parser, a moment after the user stops typing, for families whose data it reads; else the family's one-line
// account of the data) and, under the preset menu, what the chosen spec builds.
import { t } from '../strings.js';

const PARSE_DELAY_MS = 300;

export function checksController(ctx) {
  const { state, engine } = ctx;
  let timer = 0;

  function checkData() {
    clearTimeout(timer);
    const { data } = ctx;
    const values = data.values;
    const ticket = ++state.parseTicket; // an answer about earlier text (or another family's) is dropped
    if (!values.main.trim()) return data.showParsed({ count: 0, errors: [] }); // nothing pasted yet: nothing to say
    if (!state.family.liveParse) return data.setSummary(state.family.describeData(values));
    timer = setTimeout(async () => {
      try {
        const parsed = await engine.parse(values.main, {
          requireLabels: true,
          labelColumn: 'label',
          classes: state.labelClasses,
        });
        if (ticket === state.parseTicket) data.showParsed(parsed);
      } catch (err) {
        if (ticket === state.parseTicket)
          data.errors.show(err.errors.length ? err.errors : err.message, { moreErrors: err.moreErrors });
      }
    }, PARSE_DELAY_MS);
  }

  // Shows what the chosen spec builds (accepted lengths, padding or cropping, size) under the preset menu.
  async function describeModel(spec) {
    const family = state.family;
    if (spec === null || !family.describeModel) return ctx.model.setSummary('');
    try {
      const d = await engine.describe(spec);
      if (d.classes !== state.labelClasses) {
        state.labelClasses = d.classes;
        checkData(); // labels 0..K-1 are right or wrong depending on the model
      }
      ctx.model.setSummary(
        family.describeModel(d, {
          min: d.minLength,
          length: d.fixedLength,
          parameters: d.parameters.toLocaleString('en'),
        }),
      );
    } catch (err) {
      ctx.model.setSummary(t('modelSpecInvalid', { message: err.errors?.[0]?.message ?? err.message }));
    }
  }

  return { checkData, describeModel, destroy: () => clearTimeout(timer) };
}
