// bin/families/sequence.mjs: sequence models (DNA and table-column inputs; one label, K classes, several heads)
// in the `helix` command: how `helix train` builds and trains one on a table (--data), with the transfer
// options, and how predict and evaluate read their input.
import { UsageError, list, need } from '../cli/args.mjs';
import { readText, readTable, withFile, openModel } from '../cli/files.mjs';
import { epochPrinter, score, bestEpoch } from '../cli/progress.mjs';
import { printJson, tsv } from '../cli/output.mjs';
import { predictFile } from '../cli/predict-stream.mjs';
import { predictRegions } from '../cli/predict-regions.mjs';
import { datasetOptions, datasetSummary, splitTables } from '../cli/genome-dataset.mjs';
import { buildDataset } from '../../js/genome/dataset.js';

export const sequence = {
  name: 'sequence',
  what: 'sequence models',
  marks: [], // --data: shared with GANs, and sequence models are the default
  train: {
    usage:
      '--data train.tsv [--label COLUMN | --labels A,B | --targets A,B] [--features X,Y] [--epochs N] [--batch-size N] ' +
      '[--lr X] [--seed S]\n[--init-from pretrained.json [--transfer-layers L1,L2]] [--freeze L1,L2]\n' +
      'or, instead of --data, a dataset built from genome files (helix dataset --help: its options):\n' +
      '--genome GENOME --peaks PEAKS [--length N] [--negatives gc|shuffle|FILE.bed] [--bigwig X.bw] [--valid CHR,...]\n' +
      '[--test CHR,...]: trained on the training and validation chromosomes, scored on the test chromosomes',
    required: [],
    // --data or --genome: asked before --out, as the required options of other families are.
    checkArgs(args) {
      if (!args.data && !args.genome)
        throw new UsageError('--data is required (or --genome and --peaks: a dataset built from genome files)');
    },
    options: [
      'data',
      'label',
      'labels',
      'targets',
      'features',
      'init-from',
      'transfer-layers',
      'freeze',
      'epochs',
      'batch-size',
      'lr',
      'seed',
    ],
    // --targets: the numeric columns of a regression model, one head each (the same as --labels for classifiers).
    createOptions(args) {
      if (args.labels && args.targets) throw new UsageError('give either --labels or --targets, not both');
      return { labels: list(args.targets ?? args.labels), features: list(args.features) };
    },
    prepare,
    progress: (args) => epochPrinter(args.quiet),
    summary,
  },
  predict: {
    usage:
      '--model model.json --input seqs.fa [--out predictions.tsv]\n' +
      'helix predict --model model.json --bed regions.bed --genome GENOME [--length N] [--out scores.bed]   (BED6+: a score per region)',
    run: predict,
  },
  evaluate: {
    usage: '--model model.json --data test.tsv [--label COLUMN]',
    run: evaluate,
  },
};

// Transfer options first (they change the weights fit starts from), then the table.
async function prepare(model, args) {
  if (args['init-from']) {
    const pretrained = await readText(args['init-from'], 'pretrained model');
    const layers = await withFile(args['init-from'], () =>
      model.loadWeightsFrom(pretrained, list(args['transfer-layers']) ?? null),
    );
    if (!args.quiet) process.stderr.write(`weights of ${layers.join(', ')} taken from ${args['init-from']}\n`);
  }
  if (args.freeze) {
    await withFile('--freeze', () => model.freeze(list(args.freeze)));
    if (!args.quiet) process.stderr.write(`frozen: ${list(args.freeze).join(', ')}\n`);
  }
  if (args.genome) return prepareFromGenome(model, args);
  return { input: await readTable(args.data), file: args.data, metadata: { data: args.data } };
}

// --genome: the dataset of js/genome/dataset.js, as `helix dataset` builds it. The engine splits the table it
// trains on by itself (at random, for validation and early stopping), so it gets the rows of the training and
// validation chromosomes only; the test chromosomes' rows are scored after training (afterFit), held out whole.
async function prepareFromGenome(model, args) {
  if (args.data) throw new UsageError('give either --data or --genome (a dataset built from genome files), not both');
  const { manifest, table } = await buildDataset(
    datasetOptions(args, { length: model.spec.input?.length ?? undefined }),
  );
  if (!args.quiet) process.stderr.write(datasetSummary(manifest));
  const parts = splitTables(table);
  const [header, ...train] = parts.train.replace(/\n$/, '').split('\n');
  const valid = parts.valid.replace(/\n$/, '').split('\n').slice(1);
  const test = manifest.options.test;
  return {
    input: `${[header, ...train, ...valid].join('\n')}\n`,
    file: args.peaks,
    metadata: {
      genome: args.genome,
      peaks: args.peaks,
      dataset: { options: manifest.options, counts: manifest.counts },
    },
    afterFit: (trained) => {
      if (manifest.counts.test.positives + manifest.counts.test.negatives === 0) return '';
      const r = trained.evaluate(parts.test, { labelColumn: args.label ?? '' });
      return `held-out chromosomes ${test.join(', ')} (${r.n} windows): ${scores(r)}\n`;
    },
  };
}

// A regression head reports its correlations; a classifier its accuracy, AUROC and AUPRC; a profile head its
// median profile Pearson and JSD, each beside the average-profile baseline's.
const scores = (x) =>
  x.profile_pearson !== undefined
    ? `profile Pearson ${score(x.profile_pearson)} (average profile ${score(x.baseline.profile_pearson)}), ` +
      `JSD ${score(x.jsd)} (average profile ${score(x.baseline.jsd)}), ${x.signal_regions} regions with signal`
    : x.pearson !== undefined
      ? `Pearson r ${score(x.pearson)}, Spearman ρ ${score(x.spearman)}, MSE ${score(x.mse)}`
      : `accuracy ${score(x.accuracy)}, AUROC ${score(x.auroc)}, AUPRC ${score(x.auprc)}`;

function summary(s) {
  const t = s.test;
  return (
    `${bestEpoch(s)}; held-out test (${t.n} sequences): ${scores(t)}\n` +
    Object.entries(t.heads ?? {})
      .map(([name, h]) => `  ${name} (${h.n} labelled): ${scores(h)}\n`)
      .join('')
  );
}

async function predict(helix, args) {
  const model = await openModel(args, (text) => helix.loadModel(text));
  const names = model.spec.classes ?? model.spec.heads?.[0]?.classes;
  if (args.bed) {
    await predictRegions(model, args, (rows) => predictionsTsv(rows, names));
    model.dispose();
    return;
  }
  const inputPath = need(args, 'input');
  await withFile(inputPath, () =>
    predictFile(model, {
      inputPath,
      outPath: args.out,
      quiet: args.quiet,
      toTsv: (rows) => predictionsTsv(rows, names, model.spec.heads),
      fail: (m) => {
        throw new UsageError(m);
      },
    }),
  );
  model.dispose();
}

async function evaluate(helix, args) {
  const model = await openModel(args, (text) => helix.loadModel(text));
  const dataPath = need(args, 'data');
  const text = await readTable(dataPath);
  printJson(await withFile(dataPath, () => model.evaluate(text, { labelColumn: args.label ?? '' })));
  model.dispose();
}

// Binary models: id, probability. K-class models: id, the predicted class (its name when the spec names the
// classes, else its index) and one p_<name> (p_<index>) column per class. Multi-head models: a column per
// head (its probability, or its class); a profile head one column per strand, <head>_<column>, holding the
// predicted profile as comma-separated probabilities (the layout of a profile table's count columns).
function predictionsTsv(rows, names, specHeads = []) {
  if (rows.length && rows[0].heads) {
    const heads = Object.keys(rows[0].heads);
    const strands = (n) => specHeads.find((h) => h.name === n)?.columns ?? [];
    const header = heads.flatMap((n) => (rows[0].heads[n].profile ? strands(n).map((c) => `${n}_${c}`) : [n]));
    const cells = (h) =>
      h.profile
        ? h.profile.map((strand) => strand.map((p) => p.toPrecision(4)).join(','))
        : [h.probabilities ? (h.label ?? String(h.class)) : (h.probability ?? h.value).toFixed(6)]; // value: regression
    return tsv(
      ['id', ...header],
      rows.map((r) => [r.id, ...heads.flatMap((n) => cells(r.heads[n]))]),
    );
  }
  if (rows.length && rows[0].probabilities) {
    const K = rows[0].probabilities.length;
    const name = (k) => names?.[k] ?? String(k);
    return tsv(
      ['id', 'class', ...Array.from({ length: K }, (_, k) => `p_${name(k)}`)],
      rows.map((r) => [r.id, name(r.class), ...r.probabilities.map((p) => p.toFixed(6))]),
    );
  }
  if (rows.length && rows[0].value !== undefined)
    return tsv(
      ['id', 'value'],
      rows.map((r) => [r.id, r.value.toFixed(6)]),
    );
  return tsv(
    ['id', 'probability'],
    rows.map((r) => [r.id, r.probability.toFixed(6)]),
  );
}
