// web/strings.js: every user-visible English sentence of the playground, in one table.
// A translation is a second table with the same keys; `t()` falls back to English for a missing key.
// Placeholders are {name}; a key with `_one` / `_other` variants is picked by the `count` value.

export const en = {
  pageTitle: 'Helix: deep learning on DNA in your browser',
  appName: 'Helix',
  tagline: 'Train a small neural network on DNA sequences, right in your browser, then ask it which sequences a protein is likely to bind.',

  // Status line
  engineLabel: 'Engine:',
  engineStarting: 'starting…',
  engineFailed: 'could not start',
  statusStarting: 'Starting the engine…',
  statusReady: 'Ready. Pick training data and press Train.',
  statusEngineError: 'The engine could not start: {message}',
  statusTraining: 'Training… epoch {epoch} of {epochs}',
  statusTrainingStart: 'Training… preparing the data',
  statusTrained: 'Trained in {seconds} s. On {n} test sequences it never saw, the model scores AUROC {auroc} (0.5 = guessing, 1 = perfect) and accuracy {accuracy}.',
  statusTrainedNoTest: 'Trained in {seconds} s.',
  statusStoppedEarly: 'It stopped early, after epoch {epochsRun}, because the validation scores had stopped improving; it keeps the model from epoch {bestEpoch}.',
  statusCancelled: 'Training cancelled after {epochsRun} of {epochs} epochs.',
  statusCancelledModel: 'Training cancelled after {epochsRun} of {epochs} epochs. The partly trained model can still predict.',
  statusTrainFailed: 'Training could not start. See the message in the panel.',
  statusTrainError: 'Training stopped with an error: {message}',
  statusPredicting: 'Predicting…',
  statusPredicted_one: 'Predicted binding for 1 sequence.',
  statusPredicted_other: 'Predicted binding for {count} sequences.',
  statusPredictFailed: 'Prediction stopped: fix the marked input and try again.',
  statusModelSaved: 'Model saved as {name}.',
  statusModelLoaded: 'Model loaded from {name}. You can predict now.',
  statusModelLoadFailed: 'That file is not a Helix model: {message}',

  // Training data panel
  dataTitle: 'Training data',
  dataIntro: 'Sequences labelled 1 (the protein binds) or 0 (it does not). The model learns from these.',
  dataExampleLabel: 'Example',
  dataExampleGata: 'GATA3 binding sites (ChIP-seq, human)',
  dataExamplePrimer: 'Planted motif (simulated)',
  dataExampleOrder: 'Motif order matters (simulated; try the rnn-order network)',
  dataExampleSplice: 'Splice junctions (UCI, 3 classes; try the cnn-splice network)',
  dataExampleOwn: 'Your own data',
  dataTextLabel: 'Labelled table (one sequence per row, with a label column)',
  dataTextHint: 'Paste a table with columns sequence and label (tab- or comma-separated; an id column is optional), or open a file. Your text is kept when you switch examples.',
  dataOpenFile: 'Open file…',
  dataDropHint: 'or drop a file on the box',
  dataLoading: 'Loading the example…',
  dataLoadFailed: 'Could not load the example: {message}',
  dataSummary_one: '1 labelled sequence, {lengths}',
  dataSummary_other: '{count} labelled sequences, {lengths}',
  dataSummaryUnlabelled: '{count} sequences, but no label column: add a column named label with 1 or 0',
  dataLengthsSame: '{length} bp each',
  dataLengthsRange: '{min}–{max} bp',
  dataCreditPrefix: 'Data:',
  dataCreditGata: 'GATA3 ChIP-seq peaks from ENCODE via DeepBind (Alipanahi et al. 2015); the non-binding sequences are shuffled copies.',
  dataCreditOrder: 'simulated by Helix: every sequence has a GATA site (AGATAA) and an E-box (CAGCTG); label 1 when GATA comes first.',
  dataCreditSplice: 'UCI primate splice-junction sequences (Noordewier, Towell & Shavlik 1991); labels 0 = EI, 1 = IE, 2 = neither.',
  dataCreditPrimer: 'simulated sequences from "A primer on deep learning in genomics" (Zou et al. 2019).',
  dataCreditOwn: 'your own table (it stays in this browser tab).',
  dataCreditLink: 'Sources',

  // Model panel
  modelTitle: 'Model',
  modelIntro: 'A convolutional neural network scans each sequence for short patterns (motifs) and learns which ones mean "binds".',
  modelPresetLabel: 'Network',
  modelEpochsLabel: 'Epochs',
  modelEpochsHint: 'passes over the training data',
  modelLearningRateLabel: 'Learning rate',
  modelLearningRateHint: 'step size; smaller is slower but steadier',
  modelBatchSizeLabel: 'Batch size',
  modelBatchSizeHint: 'sequences per update',
  modelSeedLabel: 'Seed',
  modelSeedHint: 'same seed, same result',
  modelAdvanced: 'Advanced: model spec (JSON)',
  modelSpecLabel: 'Model spec',
  modelTakesAny: 'Takes sequences of any length from {min} bases on · {parameters} parameters to learn.',
  modelTakesFixed: 'Takes {length} bases: longer sequences are cropped around their centre, shorter ones padded with N on both sides · {parameters} parameters to learn.',
  modelTakesExact: 'Takes exactly {length} bases; sequences of other lengths are refused · {parameters} parameters to learn.',
  modelSpecInvalid: 'This spec cannot be built: {message}',
  modelSpecHint: 'Edit the layers if you like; your edits are kept for this network.',
  modelSpecReset: 'Reset to the preset',
  modelSave: 'Save model',
  modelLoad: 'Load model…',
  modelFieldInvalid: '{field}: {message}',
  modelNumberRange: 'must be a number from {min} to {max}',
  modelIntegerRange: 'must be a whole number from {min} to {max}',

  // Train panel
  trainTitle: 'Train',
  trainIntro: 'Training shows the model each labelled sequence many times and adjusts it to make fewer mistakes.',
  trainButton: 'Train',
  cancelButton: 'Cancel',
  progressIdle: 'Not trained yet.',
  progressEpoch: 'Epoch {epoch} of {epochs}',
  progressBatch: 'batch {batch} of {batches}',
  progressElapsed: '{time} elapsed',
  progressDone: 'Done: {epochsRun} epochs in {time}.',
  progressCancelled: 'Cancelled after {time}.',
  progressTestScore: 'Test AUROC {auroc}',
  progressLabel: 'Training progress',

  // Loss chart
  chartTitle: 'Learning curves',
  chartIntro: 'Loss measures mistakes: it should go down. If the validation loss (sequences held back from training) rises while the training loss falls, the model is memorising.',
  chartAriaLabel: 'Learning curves: training loss per batch and validation loss per epoch; validation AUROC per epoch below. The same numbers are in the table that follows.',
  chartX: 'epoch',
  chartLoss: 'loss',
  chartTrainLoss: 'training loss',
  chartValLoss: 'validation loss',
  chartValAuroc: 'validation AUROC',
  chartTableCaption: 'Loss and AUROC per epoch',
  chartEpoch: 'Epoch',
  chartEmpty: 'Curves appear here while the model trains.',

  // Predict panel
  predictTitle: 'Predict binding',
  predictIntro: 'Paste DNA sequences and the trained model estimates, for each, the probability that the protein binds it.',
  predictInputLabel: 'Sequences (FASTA, or one sequence per line)',
  predictInputHint: 'Letters A, C, G, T and N (other IUPAC codes too), in either case.',
  predictButton: 'Predict binding',
  predictNeedsModel: 'Train a model (or load one) first.',
  predictOpenFile: 'Open file…',

  // Prediction table
  tableCaption: 'Predicted binding probability per sequence',
  tableId: 'Sequence',
  tableLength: 'Length (bp)',
  tableProbability: 'Binding probability',
  tableClass: 'Predicted class',
  tableClassProbability: 'Probability of that class',
  tableSortHint: 'Click a column heading to sort.',
  tableExport: 'Export TSV',
  tableEmpty: 'No predictions yet.',

  // Errors
  errorTitle_one: 'There is 1 problem in the text:',
  errorTitle_other: 'There are {count} problems in the text:',
  errorMore: '…and {count} more.',
  errorAt: 'line {line}, column {column}: {message}',
  errorAtLine: 'line {line}: {message}',
  errorGoTo: 'Show line {line}',
  errorGeneric: 'Something went wrong: {message}',
  specNotJson: 'The model spec is not valid JSON: {message}',
  fileReadFailed: 'Could not read {name}: {message}',
  fileTooBig: '{name} is larger than {limit} MB; Helix runs in your browser, so please use a smaller file.',
};

let table = en;

// Switch language: `setStrings(zh)`; missing keys fall back to English.
export function setStrings(strings) {
  table = { ...en, ...strings };
}

export function t(key, vars = {}) {
  let template = table[key];
  if ('count' in vars) template = table[`${key}_${vars.count === 1 ? 'one' : 'other'}`] ?? template;
  if (template === undefined) {
    console.warn(`strings.js: no text for '${key}'`);
    return key;
  }
  return template.replace(/\{(\w+)\}/g, (whole, name) => (name in vars ? String(vars[name]) : whole));
}
