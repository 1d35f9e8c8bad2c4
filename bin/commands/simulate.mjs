// bin/commands/simulate.mjs: `helix simulate`: seeded simulated data for tutorials and tests: a labelled table
// (or FASTA) of sequences or features, or, for --kind graph-motifs, a nodes table and an edges table.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { UsageError, need, number, count, present } from '../cli/args.mjs';
import { engine } from '../cli/engine.mjs';
import { withFile } from '../cli/files.mjs';
import { writeOutput } from '../cli/output.mjs';
import { writeAtomically } from '../cli/atomic-write.mjs';

export const usage =
  () => `helix simulate --kind KIND [--count N] [--length L] [--seed S] [--noise X] [--missing X] [--out table.tsv]
  KIND: motif-order, planted-motif (id, sequence, label);
  splice-features (intron features, label; no --length); multitask (sequence, gata1, tal1;
  --missing: share of empty label cells); multimodal (sequence, accessibility, conservation,
  label); transfer-pretrain, transfer-finetune (sequence, label). --noise: share of labels flipped
  spacing (sequence, label: GATA1 and TAL1 sites 80-120 bases apart or not; --length 200-500;
    --one-site-fraction F: that share of the negatives has one of the two sites only);
  activity (sequence, dev, hk, dev_rep2, hk_rep2: enhancer activity; --noise: replicate noise sd);
  profile (sequence, counts_plus, counts_minus; --length input, --output-length central window)
  [--motif TGATAA] [--motif-fraction F] [--format table|fasta]   (planted-motif; an --out ending in .fa is FASTA)
helix simulate --kind graph-motifs [--count N] [--seed S] --out-nodes nodes.tsv --out-edges edges.tsv | --out DIR`;

export async function run(args) {
  const kind = need(args, 'kind');
  if (kind === 'graph-motifs') return simulateGraphs(args);
  if (args.format && !['table', 'fasta'].includes(args.format))
    throw new UsageError(`--format must be table or fasta, got '${args.format}'`);
  const fasta = args.format ? args.format === 'fasta' : /\.(fa|fasta|fna)$/i.test(args.out ?? '');
  const options = present({
    count: count(args, 'count', 2),
    length: count(args, 'length'),
    outputLength: count(args, 'output-length'),
    seed: number(args, 'seed', { integer: true }),
    motif: args.motif,
    motifFraction: number(args, 'motif-fraction'),
    format: fasta ? 'fasta' : 'table',
    noise: number(args, 'noise'),
    missing: number(args, 'missing'),
    oneSiteFraction: number(args, 'one-site-fraction'),
  });
  const helix = await engine(args);
  await writeOutput(args.out, await withFile('--kind', () => helix.simulate(kind, options)));
}

// graph-motifs: two tables, to --out-nodes and --out-edges or into the directory --out.
async function simulateGraphs(args) {
  const options = present({ count: count(args, 'count', 2), seed: number(args, 'seed', { integer: true }) });
  let nodesPath = args['out-nodes'];
  let edgesPath = args['out-edges'];
  if (args.out) {
    await mkdir(args.out, { recursive: true });
    nodesPath ??= join(args.out, 'nodes.tsv');
    edgesPath ??= join(args.out, 'edges.tsv');
  }
  if (!nodesPath || !edgesPath)
    throw new UsageError('graph-motifs writes two tables: give --out-nodes and --out-edges, or --out DIR');
  const helix = await engine(args);
  const tables = await withFile('--kind', () => helix.simulateGraphs(args.kind, options));
  await writeAtomically(nodesPath, tables.nodes);
  await writeAtomically(edgesPath, tables.edges);
}
