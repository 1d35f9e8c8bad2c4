// web/playground/explaining.js: the Explain panel, for families whose models read DNA: a prediction row's
// attributions and ISM map, the first layer's filters as motifs, variant effects. All of it asks the current
// family's model in the engine.
import { t } from '../strings.js';
import { VARIANTS_EXAMPLE_URL, fetchText } from '../examples.js';
import { recordText } from '../record-text.js';
import { h, panelHeading } from '../views/dom.js';
import { ExplainPanel } from '../views/explain-panel.js';
import { FilterLogos } from '../views/filter-logos.js';
import { VariantTable } from '../views/variant-table.js';

export function explainController(ctx, section) {
  const { state, engine, status } = ctx;
  const modelCall = (method, ...args) => engine.call(state.family.key, method, ...args);
  panelHeading(section, t('explainSectionTitle'), t('explainSectionIntro'));
  const needsModel = h('p', { className: 'hint' }, t('explainNeedsModel'));
  section.append(needsModel);
  const explainer = new ExplainPanel(section, { onChange: () => explainChosen() });
  const motifs = new FilterLogos(section, { onCompute: (db) => learnedMotifs(db) });
  const variants = new VariantTable(section, {
    onScore: (text) => scoreVariants(text),
    onExample: () =>
      fetchText(VARIANTS_EXAMPLE_URL)
        .then((text) => variants.offerText(text))
        .catch((err) => status.set(t('dataLoadFailed', { message: err.message }), 'error')),
  });

  // New predictions: no row is explained (an answer still on its way is dropped).
  function forget() {
    state.explainTicket++;
    state.explained = null;
    ctx.table.setChosen(null);
    explainer.clear();
  }

  // A new model (or family): explanations of the old one are gone; `heads` names a multi-head model's heads.
  function reset(heads) {
    forget();
    if (heads) explainer.setHeads(heads);
    motifs.clear();
    variants.clearRows();
  }

  // Predictions of `text` are in the table (rows: the engine's answer).
  function predicted(text, rows) {
    state.predictedText = text;
    forget();
    explainer.setHeads(rows[0]?.heads ? Object.keys(rows[0].heads) : []);
  }

  function explainRow(row) {
    if (state.training) return;
    state.explained = { row, text: state.predictedText };
    ctx.table.setChosen(row.index);
    explainChosen({ focus: true });
  }

  // Explains the chosen row with the panel's options; the map always shows ISM (the same answer when ISM is
  // the method, else a second call on the same text).
  async function explainChosen({ focus = false } = {}) {
    if (!state.explained) return;
    const { row, text } = state.explained;
    const options = explainer.options();
    const ticket = ++state.explainTicket;
    explainer.start(row, { focus });
    try {
      const { result, explanation } = await explainOne(text, row, options);
      const ism =
        options.method === 'ism'
          ? explanation
          : (await explainOne(text, row, { method: 'ism', head: options.head, output: options.output })).explanation;
      if (ticket === state.explainTicket) explainer.show(result, explanation, ism);
    } catch (err) {
      if (ticket === state.explainTicket) explainer.showError(err);
    }
  }

  // One prediction row's explanation: its record alone when it can be cut from the paste (the engine then
  // names the same id), else the whole paste's. -> { result, explanation }.
  async function explainOne(text, row, options) {
    const single = recordText(text, row.index, row.id);
    if (single !== null) {
      const result = await modelCall('explain', single, options).catch(() => null);
      if (result?.explanations.length === 1 && String(result.explanations[0].id) === String(row.id))
        return { result, explanation: result.explanations[0] };
    }
    const result = await modelCall('explain', text, options);
    return { result, explanation: result.explanations[row.index] };
  }

  // The first layer's filters as motifs, from the training data in the data panel (none, e.g. after loading a
  // model: the engine's seeded random sequences).
  async function learnedMotifs(db) {
    motifs.start();
    const text = ctx.data.values.main;
    try {
      motifs.show(await modelCall('motifs', { ...(text.trim() ? { sequences: text } : {}), ...db }));
    } catch (err) {
      motifs.showError(err);
    } finally {
      ctx.refresh();
    }
  }

  async function scoreVariants(text) {
    variants.start();
    try {
      variants.show(await modelCall('variants', text, { head: explainer.headChoice }));
    } catch (err) {
      variants.showError(err);
    } finally {
      ctx.refresh();
    }
  }

  // The panel follows the family (shown when its models read DNA) and whether there is a model to ask.
  function refresh({ hasModel }) {
    const canExplain = Boolean(state.family.explain) && hasModel;
    section.hidden = !state.family.explain;
    needsModel.hidden = hasModel;
    ctx.table.setExplainable(canExplain);
    motifs.setEnabled(canExplain && !state.training);
    variants.setEnabled(canExplain && !state.training);
  }

  return { reset, forget, predicted, explainRow, refresh };
}
