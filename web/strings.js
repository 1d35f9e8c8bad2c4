// web/strings.js: every user-visible English sentence of the playground, in one table.
// A translation is a second table with the same keys (zh: web/strings-zh.js); `t()` falls back to English for
// a missing key. Placeholders are {name}; a key with `_one` / `_other` variants is picked by the `count` value.
// `setLanguage('zh')` switches every later `t()`; views that keep text call `onLanguageChange()`.
import { zh, zhPresetDescriptions } from './strings-zh.js';

export const en = {
  pageTitle: 'Helix: deep learning on DNA in your browser',
  appName: 'Helix',
  tagline:
    'Train a small neural network on DNA sequences, right in your browser, then ask it which sequences a protein is likely to bind.',

  // Status line
  engineLabel: 'Engine:',
  engineStarting: 'starting…',
  engineFailed: 'could not start',
  engineBackend_one: 'WebAssembly SIMD · 1 thread',
  engineBackend_other: 'WebAssembly SIMD · {count} threads',
  engineBackendWhy: '{backend}: {reason}',
  engineIsolated: 'this page is cross-origin isolated',
  engineNotIsolated: 'this page is not cross-origin isolated',
  engineNoSharedMemory: 'SharedArrayBuffer is not available',
  statusStarting: 'Starting the engine…',
  statusReady: 'Ready. Pick training data and press Train.',
  statusEngineError: 'The engine could not start: {message}',
  statusTraining: 'Training… epoch {epoch} of {epochs}',
  statusTrainingStart: 'Training… preparing the data',
  statusTrained:
    'Trained in {seconds} s. On {n} test sequences it never saw, the model scores AUROC {auroc} (0.5 = guessing, 1 = perfect) and accuracy {accuracy}.',
  statusTrainedNoTest: 'Trained in {seconds} s.',
  statusStoppedEarly:
    'It stopped early, after epoch {epochsRun}, because the validation scores had stopped improving; it keeps the model from epoch {bestEpoch}.',
  statusCancelled: 'Training cancelled after {epochsRun} of {epochs} epochs.',
  statusCancelledModel:
    'Training cancelled after {epochsRun} of {epochs} epochs. The partly trained model can still predict.',
  statusTrainFailed: 'Training could not start. See the message in the panel.',
  statusTrainError: 'Training stopped with an error: {message}',
  statusPredicting: 'Predicting…',
  statusPredicted_one: 'Predicted binding for 1 sequence.',
  statusPredicted_other: 'Predicted binding for {count} sequences.',
  statusPredictFailed: 'Prediction stopped: fix the marked input and try again.',
  statusModelSaved: 'Model saved as {name}.',
  statusModelLoaded: 'Model loaded from {name}. You can predict now.',
  statusModelLoadFailed: '{name} is not a Helix model: {message}',
  statusCancelledSteps: 'Training cancelled after {stepsRun} of {steps} steps.',
  statusCancelling: 'Training cancelled. Finishing: the weights kept are being scored…',
  statusTrainingSteps: 'Training… step {step} of {steps}',
  statusTrainedTasks:
    'Trained in {seconds} s. Scores for each of the {tasks} tasks on test rows it never saw are under Results (mean AUROC {auroc}).',
  statusTrainedRegression: 'Trained in {seconds} s. Test Pearson r: {targets} ({n} held-out sequences).',
  statusTrainedProfile:
    'Trained in {seconds} s. Test profile Pearson {pearson} (average profile {baseline}), count Pearson {counts} ({n} held-out regions with signal).',
  statusTrainedGraph:
    'Trained in {seconds} s. On {n} test nodes whose labels it never saw, the model picks the right class {accuracy} of the time.',
  statusTrainedAutoencoder:
    "Trained in {seconds} s. On hidden values of test cells its imputation error is {mse} (filling in each gene's mean: {mean}).",
  statusTrainedGan: 'Trained {steps} steps in {seconds} s. Generated sequences are under Results.',
  statusGenerated_one: 'Generated 1 sequence.',
  statusGenerated_other: 'Generated {count} sequences.',
  statusFineTuned:
    'Fine-tuned in {seconds} s. On the {n} held-out test sequences the model scores AUROC {auroc}; the Results panel lists every run.',
  statusPretrained:
    'Step 1 done: the pretrained model scores AUROC {auroc} on its own test rows. Now fine-tune it with Train.',
  statusPretrainedLoaded: 'Using {name} as the pretrained model. Now fine-tune it with Train.',

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
  dataTextHint:
    'Paste a table with columns sequence and label (tab- or comma-separated; an id column is optional), or open a file. Your text is kept when you switch examples.',
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
  dataCreditGata:
    'GATA3 ChIP-seq peaks from ENCODE via DeepBind (Alipanahi et al. 2015); the non-binding sequences are shuffled copies.',
  dataCreditOrder:
    'simulated by Helix: every sequence has a GATA site (AGATAA) and an E-box (CAGCTG); label 1 when GATA comes first.',
  dataCreditSplice:
    'UCI primate splice-junction sequences (Noordewier, Towell & Shavlik 1991); labels 0 = EI, 1 = IE, 2 = neither.',
  dataCreditPrimer: 'simulated sequences from "A primer on deep learning in genomics" (Zou et al. 2019).',
  dataCreditOwn: 'your own table (it stays in this browser tab).',
  gcHistogramTitle: 'GC content of the windows',
  gcPositives: 'positives',
  gcNegatives: 'negatives',
  gcHistogramAria: 'GC content of positive and negative windows, by bins of 0.02; KS statistic {ks}',
  genomeTitle: 'From genome files',
  genomeHint:
    'Pick a genome (FASTA with its .fai, bgzip FASTA with .fai and .gzi, or .2bit) and peaks (BED or narrowPeak): windows on the peaks are positives, genome windows of the same GC content or shuffles are negatives, split by chromosome. The files stay on your disk: only the windows needed are read.',
  genomeFileLabel: 'Genome (and its index)',
  genomeFileHint: 'pick the FASTA and its .fai (and .gzi) together',
  genomePeaksLabel: 'Peaks (BED, narrowPeak)',
  genomeBigwigLabel: 'Signal (bigWig, optional): a column of window means',
  genomeLength: 'Window length (bases)',
  genomeNegatives: 'Negatives',
  genomeNegativesGc: 'genome windows, GC-matched',
  genomeNegativesShuffle: 'dinucleotide shuffles',
  genomeValid: 'Validation chromosomes',
  genomeTest: 'Test chromosomes',
  genomeBuild: 'Build dataset',
  genomeCancel: 'Cancel',
  genomeCancelled: 'Cancelled: nothing was changed.',
  genomeProgress: 'Reading {stage}: {done} of {total} done',
  genomeStage_positives: 'peak windows',
  genomeStage_negatives: 'negative windows',
  genomeStage_signal: 'signal',
  genomeStage_manifest: 'summary',
  genomeBuilt:
    '{rows} windows (positives + negatives): training {train}, validation {valid}, test {test}; {dropped} dropped for too many N; GC match (KS statistic) {ks}. The table is in the box above as your own data.',
  genomeNeedFiles: 'Pick a genome file and a peaks file first.',
  genomeTooBig:
    'The dataset is {size} MB; the playground takes up to {limit} MB: use fewer peaks or shorter windows, or build it with helix dataset.',
  dataExampleSpliceFeatures: 'Intron features and splicing (simulated)',
  dataExampleMultitask: 'GATA1 and TAL1 sites, one label column each (simulated)',
  dataExampleMultimodal: 'Motif plus open chromatin (simulated)',
  dataExampleTransfer: 'GATA1 and TAL1 together: 200 sequences to fine-tune on (simulated)',
  dataExampleCora: 'Cora citation graph (2708 papers, 7 topics)',
  dataExamplePbmc: 'PBMC 3k single-cell expression (2638 cells × 500 genes)',
  dataExampleGanMotif: 'Sequences carrying a GATA site (simulated)',
  dataCreditSpliceFeatures:
    'simulated by Helix (helix simulate --kind splice-features): 2000 introns, spliced (label 1) when the branch point lies 18–40 nt upstream, the intron is long enough and the splice sites are strong enough.',
  dataCreditMultitask:
    'simulated by Helix (helix simulate --kind multitask): 4000 sequences of 200 bp with JASPAR GATA1 and TAL1 sites; 15% of each label column is empty (unknown).',
  dataExampleActivity: 'Enhancer activity, two targets dev and hk (simulated, DeepSTARR-shaped)',
  dataExampleProfile: 'Read profiles on both strands around GATA1 and TAL1 sites (simulated, BPNet-style)',
  dataCreditProfile:
    'simulated by Helix (helix simulate --kind profile): 2000 regions of 1000 bp; in 80% of them 1–3 JASPAR GATA1 or TAL1 sites shape strand-specific footprints in the central 200 bp (a GATA1–TAL1 pair binds cooperatively), with Poisson read counts per position and strand.',
  dataCreditActivity:
    'simulated by Helix (helix simulate --kind activity): 8000 sequences of 249 bp with 0–3 JASPAR GATA1 and TAL1 sites each; dev and hk activities follow motif counts, a GATA1–TAL1 pair and a central TAL1 site, plus noise; dev_rep2 and hk_rep2 are a second replicate (their agreement is the noise ceiling).',
  dataCreditMultimodal:
    'simulated by Helix (helix simulate --kind multimodal): binding (label 1) needs a GATA1 site AND open chromatin (accessibility); conservation is a weak hint.',
  dataCreditTransfer:
    'simulated by Helix (helix simulate --kind transfer-finetune): label 1 when both a GATA1 and a TAL1 site are present (a composite element). Step 1 pretrains on the 4000-row GATA1/TAL1 multi-task table; the test set holds 1000 more rows of the small task.',
  dataCreditCora: 'Cora (Sen et al. 2008), Planetoid split (Yang et al. 2016), as used by Kipf & Welling (2017).',
  dataCreditPbmc:
    '10x Genomics PBMC 3k, processed as in the Seurat tutorial (via clustifyr), cut to its 500 most variable genes; cell types in cells.tsv, column classified.',
  dataCreditGanMotif: 'simulated by Helix: random 50 bp sequences, each with the GATA site TGATAA once.',
  dataSummaryTable_one: '1 row; columns: {columns}',
  dataSummaryTable_other: '{rows} rows; columns: {columns}',
  dataSummaryGraph: '{nodes} nodes, {edges} edges',
  dataSummaryLabels: 'Labels for {rows} cells.',
  dataSummaryFasta: '{count} sequences',
  dataIntro_sequence: 'Sequences labelled 1 (the protein binds) or 0 (it does not). The model learns from these.',
  dataIntro_columns:
    'Rows of numbers (one column per feature) with a 0/1 label. No DNA: the network sees only the columns.',
  dataIntro_multitask:
    'Sequences with one 0/1 column per task (transcription factor); an empty cell means that label is unknown.',
  dataIntro_profile:
    'Regions with a sequence column and, per strand, the reads at each base of the central output window (counts_plus, counts_minus): the model learns where the reads fall and how many there are.',
  dataIntro_multimodal:
    'Sequences plus numeric columns measured at the same place (here chromatin accessibility and conservation), with a 0/1 label.',
  dataIntro_transfer:
    'The small labelled set to fine-tune on (step 2). Step 1 uses a large related set, under Results.',
  dataIntro_graph:
    'A graph: a table of nodes (with their label, split and features) and a table of edges between them.',
  dataIntro_autoencoder:
    "An expression matrix, one row per cell and one column per gene; optionally a table naming each cell's type, to colour the map.",
  dataIntro_gan: 'Sequences for the generator to imitate, all of the same length. No labels.',
  dataText_sequence: 'Labelled table (one sequence per row, with a label column)',
  dataHint_sequence:
    'Paste a table with columns sequence and label (tab- or comma-separated; an id column is optional), or open a file. Your text is kept when you switch examples.',
  dataText_columns: 'Table of numeric columns with a label column',
  dataHint_columns:
    'A header row naming the columns the model reads (see its spec) and label (0 or 1); tab- or comma-separated.',
  dataText_multitask: 'Table with a sequence column and one label column per task',
  dataHint_multitask:
    'Columns id, sequence and one 0/1 column per head of the model (gata1, tal1); leave a cell empty where the label is unknown.',
  dataText_profile: 'Table with a sequence column and one column of per-base counts per strand',
  dataHint_profile:
    'Columns id, sequence (1000 bases for bpnet-profile), counts_plus and counts_minus: each count cell lists the reads at every base of the central 200, separated by commas (0,3,1,0,...). A .gz file is inflated.',
  dataText_multimodal: 'Table with a sequence, numeric columns and a label',
  dataHint_multimodal:
    "Columns sequence, the model's numeric columns (accessibility, conservation) and label (0 or 1).",
  dataText_transfer: 'Small labelled table to fine-tune on',
  dataHint_transfer: 'Columns sequence and label (0 or 1); an id column is optional.',
  dataText_graph: 'Nodes table',
  dataHint_graph:
    'Columns node, label, split (train, val, test; other values are not scored) and the features: numeric columns or feature_indices (comma-separated indices of the features present).',
  dataSecond_graph: 'Edges table',
  dataSecondHint_graph: 'Columns source and target, one edge per row (edges go both ways).',
  dataText_autoencoder: 'Expression matrix',
  dataHint_autoencoder: 'A header (cell id, then one gene per column) and one row per cell.',
  dataText_matrix: 'Expression matrix (cells × genes)',
  dataHint_matrix:
    'A .tsv or .csv file, or the same gzipped (.gz): a header (cell id, then one gene per column) and one row per cell. Large files are not shown in full.',
  dataSecond_matrix: 'Cell labels (optional)',
  dataSecondHint_matrix:
    'A table with the cell id in its first column and the cell type in a label column (classified in the example).',
  dataText_gan: 'Sequences (FASTA or one per line)',
  dataHint_gan: 'Every sequence must have the length the generator writes (50 bases for gan-dna).',
  dataLabelColumn: 'Colour the cells by',
  matrixOpen: 'Open matrix file…',
  matrixNone: 'No matrix yet.',
  matrixUnnamed: 'matrix',
  matrixSummary: '{name}: {rows} cells × {genes} genes',
  matrixPreview: 'The first lines of the matrix',
  dataCreditLink: 'Sources',

  // Model panel
  modelTitle: 'Model',
  modelIntro:
    'A convolutional neural network scans each sequence for short patterns (motifs) and learns which ones mean "binds".',
  modelIntro_sequence:
    'A convolutional neural network scans each sequence for short patterns (motifs) and learns which ones mean "binds".',
  modelIntro_columns:
    'A dense network reads a few numbers per row; with hidden layers it can draw a curved boundary between the classes.',
  modelIntro_multitask:
    'One network, several outputs: the motif detectors are shared and each task (transcription factor) has its own output.',
  modelIntro_profile:
    'Base-resolution profiles, as BPNet: dilated convolutions see a wide window; one head predicts the shape of the reads along each strand, another their total.',
  modelIntro_multimodal:
    'Two inputs joined: motif detectors read the DNA, and the numeric columns are added before the network decides.',
  modelIntro_transfer: 'Start from motif detectors learnt on a large related task, then fine-tune on a small one.',
  modelIntro_graph: "A graph convolutional network: each node learns from its own features and its neighbours'.",
  modelIntro_autoencoder:
    "An encoder squeezes each cell's expression into a few numbers and a decoder rebuilds it from them.",
  modelIntro_gan:
    'A generator writes sequences and a discriminator tells them from real ones; each learns from the other.',
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
  modelTakesFixed:
    'Takes {length} bases: longer sequences are cropped around their centre, shorter ones padded with N on both sides · {parameters} parameters to learn.',
  modelTakesExact:
    'Takes exactly {length} bases; sequences of other lengths are refused · {parameters} parameters to learn.',
  modelTakesColumns: 'Reads numeric columns only (no DNA) · {parameters} parameters to learn.',
  familySequence: 'DNA sequence models',
  familyColumns: 'Table-column models (no DNA)',
  familyMultitask: 'Multi-task',
  familyRegression: 'Regression (numbers)',
  familyProfile: 'Profiles (reads per base)',
  familyMultimodal: 'Multimodal (DNA + columns)',
  familyTransfer: 'Transfer learning',
  familyGraph: 'Graphs',
  familyAutoencoder: 'Autoencoders',
  familyGan: 'Generative (GAN)',
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
  trainIntro_sequence:
    'Training shows the model each labelled sequence many times and adjusts it to make fewer mistakes.',
  trainIntro_columns: 'Training shows the model each labelled row many times and adjusts it to make fewer mistakes.',
  trainIntro_multitask:
    'Training adjusts the model to make fewer mistakes on every task at once; the loss is the sum over the tasks.',
  trainIntro_profile:
    'Training lowers the sum of two losses: how unlikely the observed reads are under the predicted profile (multinomial), and the error of the predicted log count.',
  trainIntro_multimodal:
    'Training shows the model each labelled sequence, with its numeric columns, many times and adjusts it to make fewer mistakes.',
  trainIntro_transfer: 'Train fine-tunes on the small set; the layers you froze keep their pretrained weights.',
  trainIntro_graph:
    "Each epoch the whole graph passes through the network once; only the training nodes' labels count.",
  trainIntro_autoencoder:
    'Training shows the model each cell many times and adjusts it to rebuild the cell more faithfully.',
  trainIntro_gan:
    'Each step the discriminator sees a batch of real and generated sequences, then the generator tries to fool it.',
  trainButton: 'Train',
  cancelButton: 'Cancel',
  progressIdle: 'Not trained yet.',
  progressEpoch: 'Epoch {epoch} of {epochs}',
  progressBatch: 'batch {batch} of {batches}',
  progressElapsed: '{time} elapsed',
  progressDone: 'Done: {epochsRun} epochs in {time}.',
  progressDoneSteps: 'Done: {stepsRun} steps in {time}.',
  progressStep: 'Step {step} of {steps}',
  progressCancelled: 'Cancelled after {time}.',
  progressTestScore: 'Test AUROC {auroc}',
  progressLabel: 'Training progress',

  // Loss chart
  chartTitle: 'Learning curves',
  chartIntro:
    'Loss measures mistakes: it should go down. If the validation loss (sequences held back from training) rises while the training loss falls, the model is memorising.',
  chartAriaLabel:
    'Learning curves: training loss per batch and validation loss per epoch; validation AUROC per epoch below. The same numbers are in the table that follows.',
  chartX: 'epoch',
  chartLoss: 'loss',
  chartTrainLoss: 'training loss',
  chartTrainLossEpoch: 'training loss (epoch)',
  chartValLoss: 'validation loss',
  chartValAuroc: 'validation AUROC',
  chartTableCaption: 'Loss and AUROC per epoch',
  chartEpoch: 'Epoch',
  chartEmpty: 'Curves appear here while the model trains.',
  chartIntroGan:
    "The discriminator (D) learns to tell real sequences from generated ones; the generator (G) learns to fool it. Neither loss should run away: if D's loss falls to 0 the generator has stopped learning.",
  chartAriaLabelGan:
    "Learning curves of the GAN: discriminator and generator loss per step; below, the discriminator's mean output on real and generated sequences. The same numbers are in the table that follows.",
  chartStep: 'step',
  chartDLoss: 'D loss',
  chartGLoss: 'G loss',
  chartDReal: 'D(real)',
  chartDFake: 'D(generated)',
  chartDOutput: 'D output',
  chartValAccuracy: 'validation accuracy',
  chartAccuracy: 'accuracy',
  chartTaskAuroc: '{task} validation AUROC',

  // Predict panel
  predictTitle: 'Predict binding',
  predictIntro:
    'Paste DNA sequences and the trained model estimates, for each, the probability that the protein binds it.',
  predictInputLabel: 'Sequences (FASTA, or one sequence per line)',
  predictInputHint: 'Letters A, C, G, T and N (other IUPAC codes too), in either case.',
  predictIntroRows:
    'Paste rows with the columns the model reads and the trained model estimates, for each, the probability of label 1.',
  predictInputLabelRows: "Rows (a table with a header naming the model's columns)",
  predictInputHintRows: 'Tab- or comma-separated; other columns (an id, a label) are ignored.',
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
  tableHeadProbability: '{head} probability',
  tableHeadValue: '{head}: predicted value',
  tableValue: 'Predicted value',
  tableExplainHint: 'Click a sequence to see why the model scores it so.',
  tableExplainRow: 'Explain the prediction for {id}',

  // Results panel
  resultTitle: 'Results',
  resultEmpty: 'Train the model to see what it learnt.',
  resultIntro_sequence: '',
  resultIntro_multimodal: '',
  resultIntro_columns: 'Where the model draws its line between the classes.',
  resultIntro_multitask: 'One score per task, on test rows the model never saw.',
  resultIntro_profile:
    'Predicted against observed reads, base by base on both strands, for held-out regions with signal.',
  resultIntro_transfer: 'Pretrain on a large related set, then fine-tune on the small one and compare.',
  resultIntro_graph: 'How often the predicted class is right, and the graph coloured by prediction.',
  resultIntro_autoencoder: 'Each cell squeezed to a point: cells of one type should gather.',
  resultIntro_gan: 'Sequences the generator writes, and their base composition per position.',
  mapTitle: 'Decision map',
  mapIntro:
    'Colour: the probability of label 1 the model gives at each point of two columns (the others at their median). Dots: the training rows, by label.',
  mapX: 'Horizontal axis',
  mapY: 'Vertical axis',
  mapEmpty: 'Decision map: not drawn yet.',
  mapAria:
    'Decision map of {x} (horizontal) and {y} (vertical): probability from {min} to {max}, with {n} training rows drawn.',
  mapProbability: 'probability of label 1',
  mapClass: 'label {label} ({count} rows)',
  mapFixed: 'Held at their median: {columns}.',
  tasksTitle: 'Scores per task',
  tasksIntro: 'Each task is scored only on the test rows where its label is known.',
  tasksCaption: 'Held-out test scores per task',
  tasksTask: 'Task',
  tasksN: 'Labelled test rows',
  tasksAccuracy: 'Accuracy',
  transferTitle: 'Transfer learning in two steps',
  transferStep1: 'Step 1: pretrain.',
  transferStep1Hint:
    'Train cnn-multitask on the large related set (GATA1 and TAL1 sites, multitask.tsv), or load a model you saved.',
  transferPretrainEpochs: 'Pretraining epochs',
  transferPretrain: 'Pretrain on the large set',
  transferLoad: 'Load a saved model…',
  transferNone: 'No pretrained model yet: fine-tuning now starts from scratch.',
  transferTrained: 'Pretrained on {records} sequences; test AUROC {auroc} (mean over its tasks).',
  transferLoaded: 'Pretrained model: {name} (layers {layers}).',
  transferStep2: 'Step 2: fine-tune.',
  transferStep2Hint:
    'Press Train: the network starts from the pretrained layers and learns the small set in the data panel.',
  transferUse: 'Start from the pretrained layers (untick to train from scratch and compare)',
  transferFreezeHint: 'A frozen layer keeps its weights while the rest learns:',
  transferFreeze: 'Freeze {layer}',
  transferResultsCaption: 'Fine-tuning runs, scored on the held-out test set (transfer-finetune-test.tsv)',
  transferRun: 'Run',
  transferStart: 'Started from',
  transferFrozen: 'Frozen',
  transferTestAuroc: 'Test AUROC',
  transferFromPretrained: 'pretrained {layers}',
  transferFromScratch: 'scratch (random weights)',
  transferNothingFrozen: 'nothing',
  graphAccuracyTitle: 'Node classification accuracy',
  graphAccuracyTitleGraphs: 'Graph classification accuracy',
  graphSplit: 'Nodes',
  graphSplitGraphs: 'Graphs',
  graphNodes: 'Count',
  classFeedForward: 'feed-forward loops',
  classCascade: 'cascades',
  graphAccuracy: 'Accuracy',
  graphSplit_train: 'training nodes',
  graphSplit_val: 'validation nodes',
  graphSplit_validation: 'validation nodes',
  graphSplit_test: 'test nodes (never seen)',
  graphSplit_all: 'all labelled nodes',
  graphViewTitle: 'A look at the graph',
  graphViewIntro:
    'Nodes near the best-connected one, filled with the colour of the class the model predicts; a dark ring marks a wrong prediction.',
  graphViewAria: 'Graph of {nodes} nodes and {edges} edges coloured by predicted class; {wrong} predictions are wrong.',
  graphViewNote: 'Showing {shown} of {total} nodes; {wrong} of them predicted wrongly.',
  graphNodeTitle: 'node {id}: predicted {predicted}, labelled {label}',
  graphWrong: 'wrong prediction',
  graphsViewIntro:
    'A few graphs of each class; all nodes of a graph take the colour of the class predicted for it, and a dark frame marks a wrong prediction.',
  graphCaption: '{id}: {predicted}',
  graphCaptionWrong: '{id}: {predicted} (wrong)',
  graphTitle: 'graph {id}, {nodes} nodes: predicted {predicted}, labelled {label}',
  graphPredictedAs: 'predicted {name}',
  graphsViewAria:
    '{graphs} graphs drawn side by side, coloured by the class predicted for each; {wrong} predictions are wrong.',
  graphsViewNote: 'Showing {shown} of {total} graphs, from every class in turn; {wrong} of them predicted wrongly.',
  graphSplit_graphsTest: 'test graphs (never seen)',
  graphSplit_graphsAll: 'all labelled graphs',
  dataExampleGraphMotifs: 'Gene networks: feed-forward loops or cascades (simulated)',
  dataCreditGraphMotifs:
    'simulated by Helix (helix simulate --kind graph-motifs): 600 gene networks, label 0 = feed-forward loops, 1 = cascades.',
  latentTitle: 'Latent map',
  latentIntro: 'Each dot is a cell at its latent code, coloured by its label (the model never saw the labels).',
  latentAria: 'Scatter of {n} cells in the latent space, coloured by {k} labels.',
  latentZ1: 'latent 1',
  latentZ2: 'latent 2',
  latentPc1: 'latent PC 1',
  latentPc2: 'latent PC 2',
  latentImputation: 'Imputing hidden test values: error {mse} against {mean} for the per-gene mean ({better}% lower).',
  latentKnn:
    "A test cell's {k} nearest neighbours in the latent space share its label {accuracy} of the time (the commonest label alone: {majority}).",
  // Views of issue 20's model kinds (web/views/attention-map.js, profile-tracks.js, regression-scatter.js, token-accuracy.js)
  attentionTitle: 'Attention map',
  attentionIntro:
    'Each cell shows how strongly a position (row, the query) looks at another position (column, the key) in one head of one layer; each row sums to 1.',
  attentionLayer: 'Layer',
  attentionHead: 'Attention head',
  attentionLayerOption: 'Layer {n}',
  attentionHeadOption: 'Head {n}',
  attentionCellTitle: 'query {query}, key {key}: weight {weight}',
  attentionQueryAxis: 'query position (attending)',
  attentionKeyAxis: 'key position (attended to)',
  attentionWeight: 'attention weight',
  attentionDistance: 'distance in bases',
  attentionLegend: 'attention weight (colour scaled to the strongest cell)',
  attentionBinned: 'The {length} positions are averaged into {n} × {n} cells.',
  attentionAria:
    'Attention map of {id}, layer {layer}, head {head}: {length} positions in {n} × {n} cells, strongest cell {max}.',
  attentionLink: 'position {query} attends most to {key} ({weight})',
  attentionLinks: 'Strongest links away from the diagonal: {links}.',
  attentionNoLinks: 'No position attends to a distant one in this head.',
  attentionTableCaption: 'Strongest links away from the diagonal, layer {layer}, head {head}',
  profileTitle: 'Predicted and observed read profile',
  profileIntro:
    'Reads at each base of one region: measured reads as bars, the model’s prediction as a line, the + strand above the axis and the − strand below it.',
  profileRegion: 'Region',
  profileMetrics:
    'Region {id}: profile Pearson {pearson}, Jensen–Shannon distance {jsd} (0 = the same shape); {predicted} reads predicted, {observed} observed.',
  profileStrand: 'Strand',
  profileStrand_plus: '+ strand',
  profileStrand_minus: '− strand',
  profileObserved_plus: 'observed reads, + strand',
  profileObserved_minus: 'observed reads, − strand',
  profilePredicted_plus: 'predicted, + strand',
  profilePredicted_minus: 'predicted, − strand',
  profileBarTitle: 'position {position}, {strand}: {value} reads',
  profileCountAxis: 'reads',
  profilePositionAxis: 'position in the region',
  profileObservedReads: 'observed reads',
  profilePredictedReads: 'predicted reads',
  profileObservedPeak: 'observed peak @ position',
  profilePredictedPeak: 'predicted peak @ position',
  profileTableCaption: 'Reads of region {id} by strand',
  profileAria:
    'Read profile of region {id}, positions {from} to {to}, {strands} strands: the + strand peaks at {value} observed reads at position {position}.',
  regressionTitle: 'Predicted against measured activity',
  regressionIntro:
    'Each dot is a test sequence the model never saw: its measured value across, the predicted value up; a perfect model puts every dot on the dashed line.',
  regressionTarget: 'Target',
  regressionObservedAxis: '{target}, measured',
  regressionPredictedAxis: '{target}, predicted by the model',
  regressionMetrics: '{target} on {n} test sequences: Pearson r {pearson}, Spearman ρ {spearman}.',
  regressionCeiling:
    'Two replicate measurements agree at r = {ceiling} (the noise ceiling); the model reaches {share}% of it.',
  regressionThinned: '{drawn} of the {n} dots are drawn, spread evenly; the TSV has them all.',
  regressionAria:
    'Scatter of predicted against measured {target} for {n} test sequences: Pearson r {pearson}, Spearman ρ {spearman}.',
  regressionRowN: 'test sequences',
  regressionRowCeiling: 'noise ceiling (r of two replicates)',
  regressionMeasure: 'Measure',
  regressionValue: 'Value',
  regressionTableCaption: 'Agreement of predicted and measured {target}',
  tokenTitle: 'Masked-base accuracy',
  tokenIntro:
    'How often the language model fills in a hidden base of held-out sequences correctly after each epoch; the dashed line is the best Markov model, which guesses from the neighbouring bases.',
  tokenPointTitle: 'epoch {epoch}: accuracy {accuracy}',
  tokenBaselineLabel: 'order-{order} Markov: {accuracy}',
  tokenEpochAxis: 'training epoch',
  tokenAccuracyAxis: 'masked-base accuracy',
  tokenLoss: 'loss',
  tokenModelLegend: 'language model (held-out)',
  tokenBaselineLegend: 'best Markov model (order {order})',
  tokenAbove:
    'After epoch {epoch} the held-out masked-base accuracy is {accuracy}, above the order-{order} Markov baseline {baseline}.',
  tokenNotAbove:
    'After epoch {epoch} the held-out masked-base accuracy is {accuracy}, not above the order-{order} Markov baseline {baseline}.',
  tokenNoBaseline: 'After epoch {epoch} the held-out masked-base accuracy is {accuracy}.',
  tokenEmpty: 'No epoch has finished yet.',
  tokenTableCaption: 'Masked-base accuracy and loss per epoch',
  ganSamplesTitle: 'Generated sequences',
  ganSamplesIntro: 'Draw new sequences from the trained generator; the same seed gives the same sequences.',
  ganCount: 'How many',
  ganSeed: 'Seed',
  ganGenerate: 'Generate',
  ganDownload: 'Download FASTA',
  ganShownOf: 'Showing the first {shown} of {count}.',
  compositionTitle: 'Base composition per position',
  compositionIntro: 'Share of A, C, G and T at each position of the generated sequences (each bar sums to 1).',
  compositionPosition: 'position',
  compositionCell: 'position {position}: {base} {share}%',
  compositionAria: 'Stacked bars of the base composition at each of {length} positions.',

  // Explain panel: attributions, in-silico mutagenesis, learned motifs, variant effects
  explainSectionTitle: 'Explain the model',
  explainSectionIntro:
    'Why does the model give a sequence its score? Which bases matter, what patterns it learnt, and what a single-base change does.',
  explainNeedsModel: 'Train a model (or load one) first; then predict and click a sequence.',
  explainTitle: 'Why this prediction?',
  explainEmpty:
    'Click a sequence in the prediction table (or focus its name and press Enter) to see which bases raise or lower its score.',
  explainMethod: 'Method',
  explainMethod_ig: 'Integrated gradients',
  explainMethod_saliency: 'Saliency (gradient × input)',
  explainMethod_ism: 'In-silico mutagenesis',
  explainHead: 'Task (head)',
  explainOutput: 'Score explained',
  explainOutput_logit: 'logit',
  explainOutput_probability: 'probability',
  explainBaseline: 'Baseline',
  explainBaseline_uniform: 'uniform (0.25 per base)',
  explainBaseline_shuffled: 'shuffled copies of the sequence',
  explainSteps: 'Integration steps',
  explainBusy: 'Computing the explanation',
  explainRunning: 'Explaining {id} ({method})…',
  explainFailed: 'Could not explain {id}.',
  explainScore: '{id}: score {score} ({output} of {head}).',
  explainClass: 'class {class}',
  explainCompleteness: "The attributions sum to {sum}; the score minus the baseline's is {difference} (gap {delta}).",
  windowGroup: 'Positions shown',
  windowZoomIn: 'Zoom in',
  windowZoomOut: 'Zoom out',
  windowLeft: '◀ Left',
  windowRight: 'Right ▶',
  windowAll: 'Whole sequence',
  windowStart: 'First position shown',
  windowText: 'positions {from}–{to} of {length}',
  exportLabel: 'Download:',
  exportAria: '{kind} of {what}',
  trackTitle: 'Attributions per base',
  trackIntro_ig:
    "Integrated gradients: each letter is as tall as its base's share of the score (above the line: raises it; below: lowers it). Arrow keys pan, + and − zoom.",
  trackIntro_saliency:
    'Saliency (gradient × input): how fast the score changes with each base; tall letters above the line raise it, below lower it. Arrow keys pan, + and − zoom.',
  trackIntro_ism:
    'In-silico mutagenesis: each letter is as tall as the mean score change when its base is replaced by each of the other three (below the line: replacing the base lowers the score, so the model relies on it). Arrow keys pan, + and − zoom.',
  trackLetterTitle: 'position {position}: {base}, attribution {value}',
  trackAxis: 'attribution',
  trackAria:
    'Attributions of {id}, positions {from} to {to} of {length}; the strongest is position {position} ({base}, {value}).',
  ismTitle: 'In-silico mutagenesis',
  ismIntro:
    "Each cell: the change of the score when that position is made that base (blue: the score drops; orange: it rises). The dot marks the sequence's own base.",
  ismLegend: 'score change',
  ismReference: "the sequence's base",
  ismReferenceTitle: "position {position}: {base} (the sequence's base)",
  ismCellTitle: 'position {position}: {from}→{to} changes the score by {value}',
  ismAria: 'In-silico mutagenesis of {id}, positions {from} to {to} of {length}: score changes up to {max} in size.',
  motifsTitle: 'What the first layer learnt',
  motifsIntro:
    'Each filter of the first convolution is a motif detector. Its logo is built from the windows of the training sequences that excite it most, and compared with known motifs (JASPAR CORE vertebrates, or a file you open).',
  motifsButton: 'Learned motifs',
  motifsOpenDb: 'Use my motif file (JASPAR or MEME)…',
  motifsShippedDb: 'Use JASPAR CORE vertebrates again',
  motifsDbShipped: 'Compared with JASPAR CORE vertebrates (shipped).',
  motifsDbFile: 'Compared with {name}.',
  motifsDbErrors: '{name} is not a JASPAR or MEME motif file the engine can read:',
  motifsBusy: 'Computing the filter motifs',
  motifsRunning: 'Finding what each filter responds to…',
  motifsSummary:
    '{filters} filters of {layer}, from {sequences} sequences; {matched} match a motif of {database} ({motifs} motifs). Best matches first.',
  motifsExport: 'Export matches (TSV)',
  motifsShowAll: 'Show all {count} filters',
  logoBits: 'bits',
  logoAria: 'Sequence logo of filter {name}: {width} positions, consensus {consensus}.',
  logoWhat: 'the logo of {name}',
  logoSites_one: '· 1 site · {ic} bits',
  logoSites_other: '· {count} sites · {ic} bits',
  logoMatch: 'score {score}, {strand}',
  logoStrandPlus: '+ strand',
  logoStrandMinus: '− strand (reverse complement)',
  logoNoMatch: 'No motif of the database matches.',
  variantsTitle: 'Variant effects',
  variantsIntro:
    'What a change of bases does to the score: the model scores both alleles of each variant; the largest differences come first.',
  variantsLabel: 'Variants (tab-separated, with a header)',
  variantsHint: 'Columns id, sequence, position (1-based), ref, alt; or id, ref_sequence, alt_sequence.',
  variantsPlaceholder:
    'id\tsequence\tposition\tref\talt\nsnp1\tCACAGATAAGAATCAG\t7\tT\tC\n\nor\n\nid\tref_sequence\talt_sequence\nsnp2\tCACAGATAAGAATCAG\tCACAGACAAGAATCAG',
  variantsButton: 'Score variants',
  variantsExample: 'Load an example',
  variantsBusy: 'Scoring the variants',
  variantsRunning: 'Scoring both alleles…',
  variantsScored_one: 'Scored 1 variant.',
  variantsScored_other: 'Scored {count} variants, largest change first.',
  variantsFailed: 'Scoring stopped: fix the marked line and try again.',
  variantsCaption: 'Effect of each variant on the predicted probability',
  variantsCaptionHead: 'Effect of each variant on the probability of {head}',
  variantsId: 'Variant',
  variantsPosition: 'Position',
  variantsChange: 'Change',
  variantsRefScore: 'Ref score',
  variantsAltScore: 'Alt score',
  variantsDifference: 'Difference (alt − ref)',
  variantsLogOdds: 'Log odds ratio',
  variantsPair: 'sequence pair',
  variantsExport: 'Export TSV',

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
  fileTooLarge:
    '{name} is {size} MB; the playground takes up to {limit} MB per box (a larger text stops the page from responding). Use the helix command for larger files: helix predict --input FILE, helix train --data FILE.',
  textTooLarge:
    'This text is {size} MB; the playground takes up to {limit} MB per box (a larger text stops the page from responding), so nothing was pasted and the box is as it was. Use the helix command for larger files: helix predict --input FILE, helix train --data FILE.',

  // <helix-playground> (web/element/helix-playground.js)
  statusWaitingForEngine: 'Waiting: another playground on this page is training; this one starts when it is done.',
  elementLoading: 'Helix playground: loads when scrolled into view.',
  elementDataFailed: 'Could not load the data for this playground: {message}',

  // The tutorials link, the language switch and shareable links
  tutorialsLink: 'Tutorials',
  languageLabel: 'Language',
  shareLink: 'Copy link',
  shareLinkHint: 'A link that sets up this data, model and settings when opened.',
  shareCopied: 'Link copied: opening it sets up the same data, model and settings.',
  shareCopyFailed: 'The browser did not let the page copy; select the link below and copy it.',
  shareLinkField: 'Link to this setup',
  shareDataIncluded: 'Your data ({size}) is in the link.',
  shareDataTooBig:
    'Your data is too large for a link ({size}; the limit is {limit} compressed): the link holds the settings only, so whoever opens it must paste the data again.',
  shareDataMissing:
    'This link was made with data too large to include in it: paste your data in the Training data box.',
  shareBadFields: 'Some settings in the link were not understood and were left as they were: {fields}.',

  // Export to PyTorch / ONNX and import of weights trained there (web/views/export-buttons.js)
  exportGroupLabel: 'Export the model or import its weights',
  exportPytorch: 'Export for PyTorch',
  exportPytorchHint:
    'A .zip with the model in torch.nn, its weights, train.py (one CPU or torchrun), predict.py and a README.',
  exportOnnx: 'Export for ONNX',
  exportOnnxHint: 'An .onnx file that ONNX Runtime runs (opset {opset}).',
  importWeights: 'Import weights',
  importWeightsHint: "Weights trained in PyTorch (.safetensors, .npz or a torch.save .pt) replace this model's.",
  statusExporting: 'Exporting the model…',
  statusExported: 'Exported {name}.',
  statusExportFailed: 'Could not export the model: {message}',
  statusImportedWeights: 'Imported weights from {name}: {changed} changed ({layers}); {unchanged} unchanged.',
  statusImportedWeightsNone: 'Imported weights from {name}: no layer changed.',
  statusImportFailed: 'Could not import weights from {name}; see the list under the model.',
  // Work kept in this browser (issue 24: web/playground/autosave.js, recovery.js, my-models.js)
  restoreOffer: 'Work from {when} is kept in this browser: {what}.',
  restoreSetup: 'preset {preset} with its data, spec and settings',
  restoreModel: 'the trained model and its results',
  restoreCheckpoint: 'the model at epoch {epoch} of {epochs} (training was interrupted)',
  restoreButton: 'Restore it',
  restoreDismiss: 'Start afresh',
  restoreModelName: 'the kept work',
  statusRestored: 'Your work is back: data, spec, settings, model and results.',
  statusRestoredCheckpoint: 'Your work is back, with the model as it was after epoch {epoch} of {epochs}.',
  resumeOffer:
    'Training stopped after epoch {epoch} of {epochs}. It can continue from that epoch’s weights (a fresh optimizer and shuffling, so not the same numbers as an uninterrupted run).',
  resumeButton: 'Continue from epoch {epoch}',
  statusResuming: 'Continuing from epoch {epoch} of {epochs}…',
  storageFull:
    'This browser’s storage for the site is full, so your work could not be saved here. Nothing on the page was lost: download the model to keep it, or delete saved models.',
  storageUnavailable:
    'This browser does not let the page save anything (a private window, or storage turned off), so your work is not kept after you leave. Nothing on the page was lost: download the model to keep it.',
  storageFailed: 'Your work could not be saved in this browser: {message}. Nothing on the page was lost.',
  crashStopped: 'The engine stopped unexpectedly.',
  crashOutOfMemory:
    'The engine ran out of memory for this model. Use fewer units or filters, a smaller batch size (now {batch}) or shorter sequences.',
  crashAborted: 'The engine stopped on an internal error ({message}).',
  crashRestarting: 'Starting a fresh engine…',
  crashRecoveredModel:
    'A fresh engine is running; your texts are as they were and the model from epoch {epoch} is loaded.',
  crashRecoveredLoaded: 'A fresh engine is running; your texts are as they were and your last model is loaded.',
  crashRecoveredNoModel: 'A fresh engine is running; your texts are as they were. There was no model to keep yet.',
  myModelsTitle: 'My models',
  myModelsIntro: 'Models saved in this browser. They stay after you close the page; nothing is sent anywhere.',
  myModelsSave: 'Save to My models',
  myModelsSaved: 'Saved to My models as “{name}”.',
  myModelsEmpty: 'No saved models yet.',
  myModelsNameLabel: 'Model name',
  myModelsLoad: 'Load',
  myModelsDownload: 'Download',
  myModelsDelete: 'Delete',
  myModelsNoTest: 'no test set',
  myModelsTestAuroc: 'test AUROC {auroc}, accuracy {accuracy} on {n}',
  myModelsTestPearson: 'test Pearson r {pearson} on {n}',
  myModelsTestN: 'tested on {n}',
};

let table = en;

// Switch language: `setStrings(zh)`; missing keys fall back to English.
export function setStrings(strings) {
  table = { ...en, ...strings };
}

// The languages of the interface: the name the switch shows (in that language), the tag for <html lang>,
// the string table and the presets' descriptions.
export const LANGUAGES = {
  en: { name: 'English', htmlLang: 'en', strings: en, presetDescriptions: {} },
  zh: { name: '中文', htmlLang: 'zh-CN', strings: zh, presetDescriptions: zhPresetDescriptions },
};

let language = 'en';
const listeners = new Set();

// 'zh', 'zh-CN', 'ZH-Hans' -> 'zh'; '' or an unknown language -> null.
export function languageOf(value) {
  const base = String(value ?? '')
    .trim()
    .toLowerCase()
    .split(/[-_]/)[0];
  return base in LANGUAGES ? base : null;
}

export const currentLanguage = () => language;

// Switches the interface language ('en', 'zh' or a tag such as 'zh-CN'); false when it is not one Helix has.
// Listeners run after the switch: onLanguageChange((lang, previous) => ...) returns its unsubscribe function.
export function setLanguage(value) {
  const next = languageOf(value);
  if (!next) return false;
  const previous = language;
  language = next;
  setStrings(LANGUAGES[next].strings);
  if (next !== previous) for (const listener of listeners) listener(next, previous);
  return true;
}

export function onLanguageChange(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

// A preset's description in the current language (`english`: the preset's own, from js/presets.js).
export function presetDescription(name, english = '') {
  return LANGUAGES[language].presetDescriptions[name] ?? english;
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
