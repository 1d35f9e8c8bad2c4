// web/playground/predicting.js: the Predict panel, for families whose models predict from pasted sequences or
// table rows: the box (offered an example until the user types), the prediction table, a row to explain.
import { t } from '../strings.js';
import { EXAMPLES, PREDICT_EXAMPLE_URL, fetchText } from '../examples.js';
import { SequenceInput } from '../views/sequence-input.js';
import { PredictionTable } from '../views/prediction-table.js';
import { MAX_TEXT_CHARS, MAX_TEXT_MB } from '../views/input-limit.js';

const PREDICT_ROWS = 12; // families that predict from rows: the box starts with this many rows of the example

export function predictController(ctx, panel) {
  const { state, engine, status } = ctx;
  const input = new SequenceInput(panel, {
    onPredict: (text) => predict(text),
    onChange: () => (state.predictTyped = true),
  });
  const table = new PredictionTable(panel, { onExplain: (row) => ctx.explain.explainRow(row) });
  const sequences = fetchText(PREDICT_EXAMPLE_URL).catch(() => ''); // an empty box is fine: the user pastes their own
  sequences.then(
    (text) =>
      state.predictTyped || !state.family.predict || state.family.predictFrom !== 'sequences' || input.setText(text),
  );

  async function predict(text) {
    state.predicting = true;
    ctx.refresh();
    input.clearErrors();
    status.set(t('statusPredicting'), 'busy');
    try {
      const rows = await engine.call(state.family.key, 'predict', text);
      ctx.explain.predicted(text, rows);
      table.clear();
      table.show(rows);
      status.set(t('statusPredicted', { count: rows.length }), 'done');
      ctx.onEvent('predicted', { rows });
      return rows;
    } catch (err) {
      table.clear();
      ctx.explain.forget();
      input.showErrors(err.errors?.length ? err.errors : err.message, err.moreErrors);
      status.set(t('statusPredictFailed'), 'error');
      return null;
    } finally {
      state.predicting = false;
      ctx.refresh();
    }
  }

  // The box starts with sequences for DNA models, a few rows of the family's example for models of rows.
  async function offerExample() {
    const family = state.family;
    if (!family.predict) return;
    if (family.predictFrom === 'rows') {
      const example = EXAMPLES.find((ex) => ex.families.includes(family.key));
      const text = example ? await fetchText(example.main).catch(() => '') : '';
      if (!state.predictTyped && state.family === family)
        input.setText(
          text
            .split('\n')
            .slice(0, PREDICT_ROWS + 1)
            .join('\n') + '\n',
        );
    } else {
      const text = await sequences;
      if (!state.predictTyped && state.family.predict) input.setText(text);
    }
  }

  // The panel follows the family: shown when it predicts, its box labelled for sequences or rows.
  function useFamily(family, changed) {
    panel.hidden = !family.predict;
    input.setRows(family.predictFrom === 'rows');
    if (!changed) return;
    table.clear();
    if (!state.predictTyped) offerExample();
  }

  // The host page's predict(text) (an embedded playground's API): the box holds at most MAX_TEXT_CHARS
  // (input-limit.js): more is refused at once, the box kept.
  function predictFromHost(text) {
    if (text.length > MAX_TEXT_CHARS)
      return Promise.reject(new Error(t('textTooLarge', { size: (text.length / 1e6).toFixed(0), limit: MAX_TEXT_MB })));
    input.setText(text);
    state.predictTyped = true;
    return predict(text);
  }

  const refresh = ({ hasModel, busy }) => input.setEnabled({ hasModel, busy });

  return { table, predict, predictFromHost, useFamily, refresh };
}
