// tests/types/usage.ts: every export of the JS API and the element, used as the README shows, through the
// package's own name (package.json "exports"), so `tsc -p tsconfig.json` checks the declarations and the
// exports map together. Never run, only type-checked. Each @ts-expect-error is a misuse the types must refuse:
// were a declaration `any`, its directive would be unused and tsc would fail.
import {
  loadHelix,
  chooseBuild,
  familyNames,
  HelixInputError,
  Session,
  SequenceModel,
  GraphModel,
  Autoencoder,
  Gan,
  type Helix,
  type TrainingSummary,
} from 'helix-genomics';
import { HelixPlayground, type HelixPlaygroundAttributes } from 'helix-genomics/element';

export async function sequenceModel(table: string): Promise<number> {
  const helix: Helix = await loadHelix({ threads: 2 });
  const build: 'helix-simd-mt' | 'helix-simd' = chooseBuild().build;
  console.log(build, helix.backend.label, familyNames().join(', '));
  const model = helix.createModel('cnn-binding');
  const summary: TrainingSummary = await model.fit(table, {
    epochs: 2,
    seed: 1,
    onProgress: (p) => console.log(p.epoch, p.loss, p.seconds),
    signal: new AbortController().signal,
  });
  const rows = model.predict('>s1\nACGTGATAAGGCT');
  const best = rows[0].probability ?? 0;
  const { explanations } = model.explain('>s1\nACGTGATAAGGCT', { method: 'ig' });
  const motifs = await model.motifs({ top: 3 });
  console.log(summary.test, explanations[0].attributions.length, motifs.filters[0]?.consensus);
  const file: string = model.save({ name: 'gata' });
  model.dispose();
  const again = helix.load(file);
  if (again instanceof SequenceModel) again.freeze(['conv1']);
  // @ts-expect-error: threads is a number
  await loadHelix({ threads: 'two' });
  // @ts-expect-error: predict takes text
  model.predict(42);
  // @ts-expect-error: not a method of explain
  model.explain('ACGT', { method: 'shap' });
  helix.close();
  return best;
}

export async function otherFamilies(helix: Helix, nodes: string, edges: string, matrix: string): Promise<void> {
  const graph = helix.createGraphModel('gcn-node');
  graph.load(nodes, edges);
  await graph.fit({ epochs: 5 });
  const classes: number[] = graph.predict().map((row) => row.class);
  const ae = helix.createAutoencoder('autoencoder');
  await ae.fit({ matrix }, { epochs: 1 });
  const codes: number[][] = ae.encode().codes;
  const values: Float32Array = ae.impute().values;
  const gan = helix.createGan('gan-dna');
  await gan.fit('>a\nACGT', { steps: 10 });
  const sequences: string[] = gan.sample(5, { temperature: 0.5 }).sequences;
  const all: Session[] = [graph, ae, gan];
  console.log(classes, codes, values, sequences, all.length, graph instanceof GraphModel, ae instanceof Autoencoder);
  console.log(gan instanceof Gan);
  try {
    helix.create('no-such-preset');
  } catch (err) {
    if (err instanceof HelixInputError) console.log(err.errors.map((e) => `${e.line}:${e.column} ${e.message}`));
  }
}

export async function element(): Promise<string> {
  const el = document.querySelector('helix-playground');
  if (!el) return '';
  const typed: HelixPlayground = el; // the tag name maps to the class
  typed.addEventListener('helix-epoch', (e) => console.log(e.detail.epoch, e.detail.valLoss));
  typed.addEventListener('helix-trained', (e) => console.log(e.detail.summary.test, e.detail.preset));
  await typed.ready;
  const summary = await typed.train();
  const rows = await typed.predict('>s1\nACGT');
  console.log(summary.cancelled, rows.length, typed.started, typed.preset);
  const attributes: HelixPlaygroundAttributes = { preset: 'cnn-binding', panels: 'data model curves', lang: 'zh' };
  // @ts-expect-error: en or zh only
  const wrong: HelixPlaygroundAttributes = { lang: 'fr' };
  console.log(attributes, wrong);
  return typed.saveModel();
}
