// js/families/sequence.js: sequence models (ModelSession, core/api/model_session.hpp): DNA and numeric-column
// inputs, one or more heads. Trained on a labelled table (text); the extras: predict, explain, variants, motifs,
// evaluate, transfer (loadWeightsFrom, freeze, unfreeze) and the decision map of numeric models.
import { PRESETS } from '../presets.js';
import { applyColumns } from '../spec-columns.js';
import { decisionMap } from '../decision-map.js';
import { CHUNK_CHARS, recordChunks, shiftErrorLine } from '../record-chunks.js';
import { HelixInputError, answer } from '../errors.js';
import { Session } from '../session.js';
import { registerFamily } from './registry.js';
import { shippedMotifs, SHIPPED_MOTIFS } from '../shipped-motifs.js';

export class SequenceModel extends Session {
  static family = 'sequence';
  #engine; // the wasm module, for its free functions that take the session (explain, variants, motifs)

  constructor(session, engine) {
    super(session);
    this.#engine = engine;
  }

  /**
   * fit(text, options): trains on a labelled table (TSV/CSV with `sequence` and a 0/1 label column). Options:
   * epochs, batchSize, learningRate, seed (re-initialises the weights: same seed, same run), labelColumn,
   * validationFraction, testFraction, patience; onProgress(p) per batch and epoch; signal. The summary (history,
   * best epoch, test scores) also counts the table's `records`.
   */
  finishSummary(summary, started) {
    summary.records = started.records;
    return summary;
  }

  /**
   * Binding probability of each sequence: [{id, length, probability}]. A K-class model (loss
   * softmax_cross_entropy) gives [{id, length, class, label, probabilities}]: the most probable class's
   * index, its name (when the spec names classes) and all K probabilities. A multi-head model gives
   * [{id, length, heads: {name: {probability} | {class, label, probabilities}}}]; a model without DNA
   * input omits length. Throws HelixInputError.
   * A text longer than CHUNK_CHARS is predicted a piece of whole records at a time (record-chunks.js), so
   * the engine's memory holds one piece; onProgress({records, chars, totalChars}) follows each piece.
   */
  predict(text, { onProgress } = {}) {
    if (text.length <= CHUNK_CHARS) return answer(this.session.predict(text)).predictions;
    const rows = [];
    let chars = 0;
    for (const piece of recordChunks(text)) {
      rows.push(...this.predictPiece(piece));
      chars += piece.text.length;
      onProgress?.({ records: rows.length, chars: Math.min(chars, text.length), totalChars: text.length });
    }
    return rows;
  }

  /** One piece of a longer text ({text, lineOffset}: record-chunks.js): its rows; errors name the whole text's lines. */
  predictPiece({ text, lineOffset }) {
    const r = JSON.parse(this.session.predict(text));
    if (r.errors.length)
      throw new HelixInputError(
        r.errors.map((e) => shiftErrorLine(e, lineOffset)),
        r.moreErrors,
      );
    return r.predictions;
  }

  /**
   * Why each sequence gets its score: {method, head, output, explanations: [{id, sequence, score, [class],
   * attributions (one per base), ism ([dA, dC, dG, dT] per base; method 'ism'), baselineScore, delta ('ig')}]}.
   * Options: method 'saliency' (gradient × input) | 'ig' (integrated gradients) | 'ism' (in-silico
   * mutagenesis), head (a head's name), class (K-class heads; default each sequence's predicted class),
   * output 'logit' | 'probability', baseline 'uniform' | 'shuffled', steps (50), shuffles (5), seed (1).
   * `text` is a paste as for predict(). Throws HelixInputError.
   */
  explain(text, options = {}) {
    return answer(this.#engine.explain(this.session, text, JSON.stringify(options)));
  }

  /**
   * Variant effects from a table (header `id sequence position ref alt`, position 1-based, or
   * `id ref_sequence alt_sequence`): {head, variants: [{id, line, position, ref, alt, refScore, altScore,
   * difference (alt − ref probability), logOddsRatio}]}, largest |difference| first. Options: head, class.
   * Throws HelixInputError (line and column of each problem).
   */
  variants(text, options = {}) {
    return answer(this.#engine.variants(this.session, text, JSON.stringify(options)));
  }

  /**
   * What each attention head of each transformer block attends to, for one record of a paste (as for
   * predict()): {id, sequence, score (the first head's prediction), layers: [{name, heads, length,
   * weights: [head][query position][key position]}]}; each query's row sums to 1. Options: record (index, 0).
   * Throws HelixInputError (field 'model' for a model without transformer blocks).
   */
  attention(text, options = {}) {
    return answer(this.#engine.attention(this.session, text, JSON.stringify(options)));
  }

  /**
   * The first conv1d layer's filters (the one reading the DNA) as motifs, each with its best matches in a motif
   * database. Options: sequences (a paste whose windows are scanned; default 2000 seeded random sequences),
   * db (JASPAR or MEME text; default the shipped JASPAR 2020 CORE vertebrates), dbName, threshold (0.5: windows
   * above that share of the filter's maximum), top (3 matches per filter), method ('pearson'), seed.
   * Resolves to {layer, threshold, sequencesUsed, database: {name, motifs}, filters: [{index, name, sites, pfm,
   * ic, informationContent, consensus, reverseComplement, matches: [{id, name, score, offset, strand, overlap,
   * z}]}]}. Throws HelixInputError (errors of the db text have field 'db', with line and column).
   */
  async motifs(options = {}) {
    const full = { ...options };
    if (full.db === undefined) {
      full.db = await shippedMotifs();
      full.dbName ??= SHIPPED_MOTIFS.name;
    }
    return answer(this.#engine.motifs(this.session, JSON.stringify(full)));
  }

  /**
   * {loss, accuracy, auroc, auprc, n} on a labelled table; a multi-head model adds heads: {name: {...}}
   * (the top level is then the mean over heads, the loss their weighted sum). Throws HelixInputError.
   */
  evaluate(text, { labelColumn = '' } = {}) {
    return answer(this.session.evaluate(text, labelColumn));
  }

  /**
   * Transfer learning: copies the weights of `layers` (names; null = every layer both models share by name
   * and shape; same-named layers of other shapes are left as they are) from a saved model file. They are kept
   * when fit() re-seeds the other weights. Returns the layers copied.
   * Throws HelixInputError (a layer missing or of another shape).
   */
  loadWeightsFrom(fileText, layers = null) {
    return answer(this.session.loadWeightsFrom(fileText, JSON.stringify(layers))).layers;
  }

  /**
   * A model on numeric columns: its probability over a size × size grid of two columns (x, y; default the
   * first two of its features input), the others at their median in `tableText`. See decision-map.js.
   */
  decisionMap(tableText, options) {
    return decisionMap(this, tableText, options);
  }

  /** Freezes the named layers: training leaves their weights as they are. Throws HelixInputError. */
  freeze(layers) {
    this.#trainable(layers, false);
  }

  /** Unfreezes the named layers (fine-tuning all of a pretrained model). Throws HelixInputError. */
  unfreeze(layers) {
    this.#trainable(layers, true);
  }

  #trainable(layers, on) {
    answer(this.session.setTrainable(JSON.stringify(layers), on));
  }
}

// A spec adapted to a table's columns (spec-columns.js): labels (one head per label column: multi-task),
// features (the numeric columns of its features input).
function specFor(text, { labels, features } = {}) {
  if (!labels?.length && !features?.length) return text;
  try {
    return JSON.stringify(applyColumns(JSON.parse(text), { labels, features }));
  } catch (e) {
    if (e instanceof SyntaxError)
      throw new HelixInputError([{ field: '', message: `the model spec is not valid JSON: ${e.message}` }]);
    throw new HelixInputError([{ field: labels?.length ? 'labels' : 'features', message: e.message }]);
  }
}

registerFamily({
  name: 'sequence',
  Session: SequenceModel,
  engineClass: 'ModelSession',
  presets: PRESETS,
  matchesSpec: (spec) => 'input' in spec || 'inputs' in spec,
  isDefault: true,
  specFor,
});
