// bin/families/autoencoder.mjs: autoencoders on expression matrices in the `helix` command. Their data are a
// cells × genes matrix (--matrix, TSV/CSV or its .gz) and, optionally, a metadata table joined by id that
// labels the cells (--labels-file, --label-column), read into the model before training, evaluation or encode.
import { need } from '../cli/args.mjs';
import { readMaybeGzipText, openModel, withSourceFiles } from '../cli/files.mjs';
import { epochPrinter, bestEpoch } from '../cli/progress.mjs';
import { printJson, tsv, writeOutput } from '../cli/output.mjs';

const MATRIX = '--matrix expr.tsv[.gz] [--labels-file cells.tsv --label-column COLUMN]';

export const autoencoder = {
  name: 'autoencoder',
  what: 'autoencoders',
  marks: ['matrix', 'labels-file', 'label-column'],
  train: {
    usage: `${MATRIX} [--epochs N] [--batch-size N] [--lr X] [--seed S]`,
    required: ['matrix'],
    options: ['matrix', 'labels-file', 'label-column', 'epochs', 'batch-size', 'lr', 'seed'],
    prepare: async (model, args) => {
      const info = await loadMatrix(model, args);
      if (!args.quiet) process.stderr.write(describe(info));
      return { info, metadata: { matrix: args.matrix, labels: args['labels-file'] ?? null } };
    },
    progress: (args) => epochPrinter(args.quiet),
    summary,
  },
  evaluate: {
    usage: `--model model.json ${MATRIX}\n(JSON with the imputation MSE on hidden test entries vs per-gene mean imputation)`,
    run: async (helix, args) => {
      const model = await openWithMatrix(helix, args);
      printJson(model.evaluateImputation());
      model.dispose();
    },
  },
  encode: {
    usage: `--model model.json ${MATRIX} [--out latent.tsv]\n(TSV of id, split, z1..zK [, label]: the latent map)`,
    run: encode,
  },
};

const describe = (info) =>
  `matrix: ${info.cells} cells × ${info.genes} genes; train ${info.split.train}, ` +
  `validation ${info.split.validation}, test ${info.split.test}` +
  `${info.labelled ? `; ${info.labelled} labelled (${info.classes} classes)` : ''}\n`;

function summary(s) {
  const t = s.test;
  const knn = s.latentKnn;
  return (
    `${bestEpoch(s)} · ${s.seconds.toFixed(1)} s\n` +
    (t
      ? `test cells (${t.cells}), ${t.hidden} hidden entries: imputation MSE ${t.maskedMse.toFixed(4)} vs per-gene mean ` +
        `${t.meanImputationMse.toFixed(4)} (${(100 * t.improvement).toFixed(1)}% lower)\n`
      : '') +
    (knn
      ? `latent kNN (k = ${knn.k}) cell-type accuracy on test cells ${knn.accuracy.toFixed(3)} ` +
        `(majority class ${knn.majorityRate.toFixed(3)})\n`
      : '')
  );
}

// Reads --matrix (and --labels-file) into the model; an input error names the file it is in.
async function loadMatrix(model, args) {
  const matrixPath = need(args, 'matrix');
  const matrix = await readMaybeGzipText(matrixPath, 'matrix');
  const labelsPath = args['labels-file'];
  const labels = labelsPath ? await readMaybeGzipText(labelsPath, 'labels file') : '';
  return withSourceFiles(
    { matrix: matrixPath, labels: labelsPath },
    () => model.load(matrix, { labels, labelColumn: args['label-column'] ?? 'label' }),
    matrixPath,
  );
}

const openWithMatrix = (helix, args) =>
  openModel(
    args,
    (text) => helix.loadAutoencoder(text),
    (model) => loadMatrix(model, args),
  );

async function encode(helix, args) {
  const model = await openWithMatrix(helix, args);
  const { ids, codes, split, labels } = model.encode();
  const K = codes[0]?.length ?? 0;
  const header = [
    'id',
    'split',
    ...Array.from({ length: K }, (_, k) => `z${k + 1}`),
    ...(labels ? [args['label-column'] ?? 'label'] : []),
  ];
  await writeOutput(
    args.out,
    tsv(
      header,
      ids.map((id, i) => [id, split[i], ...codes[i].map((v) => v.toPrecision(6)), ...(labels ? [labels[i]] : [])]),
    ),
  );
  model.dispose();
}
