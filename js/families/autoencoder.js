// js/families/autoencoder.js: autoencoders on expression matrices (AutoencoderSession,
// core/api/autoencoder_session.hpp; cells × genes, one mini-batch per step). The matrix is read apart (load)
// or given to fit as {matrix, labels, labelColumn}; the extras: load, encode, evaluateImputation, reconstruct,
// impute.
import { AUTOENCODER_PRESETS } from '../presets.js';
import { answer } from '../errors.js';
import { Session } from '../session.js';
import { registerFamily } from './registry.js';

export class Autoencoder extends Session {
  static family = 'autoencoder';
  static inputKeys = ['matrix'];
  static saveNeeds = 'load a matrix before saving: the weights are made for its genes';

  /**
   * Reads the matrix: TSV/CSV text with a header (an id column, then one name per gene), one row per cell.
   * Gzipped files must be decompressed first (js/gzip.js: gunzipText). Optional `labels`: a metadata
   * table joined by id whose `labelColumn` names each cell's type (for encode() and the latent kNN score).
   * Returns {cells, genes, split: {train, validation, test}, sameCells, labelled, classes, ignoredColumns}.
   * Throws HelixInputError whose `source` says which text ('matrix' | 'labels') the errors are in.
   */
  load(matrixText, { labels = '', labelColumn = 'label' } = {}) {
    return answer(this.session.load(matrixText, labels, labelColumn));
  }

  /**
   * fit([{matrix, labels, labelColumn}], options): trains on the matrix: options epochs, batchSize,
   * learningRate, patience, seed (fresh weights and split: same seed, same run); onProgress(p) per batch and
   * epoch ({type, epoch, epochs, batch, batches, loss, valLoss, seconds}); signal cancels between batches.
   * Resolves to {epochsRun, bestEpoch, stoppedEarly, cancelled, history, split, test: {maskedMse,
   * meanImputationMse, improvement, ...}, latentKnn: {accuracy, majorityRate, k, n} | null, seconds}.
   */
  startTraining(input, optionsJson) {
    if (input !== undefined) this.load(input.matrix, { labels: input.labels, labelColumn: input.labelColumn });
    return this.session.startTraining('', optionsJson); // the data were loaded: no input here
  }

  /** Latent codes of every loaded cell: {ids, codes: [[...]], split: ['train'|'validation'|'test'], labels?}. */
  encode() {
    return answer(this.session.encode());
  }

  /**
   * Imputation on the test cells: a seeded fraction of their entries (non-zero entries for entries
   * 'nonzero') is hidden and predicted: {maskedMse, meanImputationMse, improvement, hidden, cells, entries,
   * maskFraction, reconstructionMse, latentKnn}. Throws HelixInputError.
   */
  evaluateImputation() {
    return answer(this.session.evaluate());
  }

  /** Every cell's reconstruction from clean input: {ids, columns, values: Float32Array (cells × genes, row-major)}. */
  reconstruct() {
    return this.#matrix(false);
  }

  /** The matrix with its zeros filled in by the model (measured non-zero values kept), as reconstruct(). */
  impute() {
    return this.#matrix(true);
  }

  #matrix(zerosOnly) {
    const r = answer(this.session.reconstruct(zerosOnly));
    return { ids: r.ids, columns: r.columns, values: new Float32Array(this.session.reconstructionView()) };
  }
}

registerFamily({
  name: 'autoencoder',
  Session: Autoencoder,
  engineClass: 'AutoencoderSession',
  presets: AUTOENCODER_PRESETS,
  matchesSpec: (spec) => spec.type === 'autoencoder',
});
