// web/families/gan.js: GANs on unlabelled DNA (FASTA): D and G loss per step as the curves; the result is a
// Generate button (how many, which seed), the sequences it writes and their base composition.
import { t } from '../strings.js';
import { GanSamples } from '../views/gan-samples.js';
import { BaseComposition } from '../views/base-composition.js';
import { defineFamily } from './family.js';

const gan = defineFamily({
  key: 'gan',
  data: 'fasta',
  curves: 'gan',
  chartMetric: 'none',
  result: 'gan',
  predict: false,
  engine: 'gan',
  matches: (spec, table) => table === 'gan' || spec?.type === 'gan',
  examples: { 'gan-dna': 'gan-motif' },
  afterLoad: () => {},
  describeData: ({ main }) =>
    t('dataSummaryFasta', {
      count: (main.match(/^>/gm) ?? []).length || main.split('\n').filter((l) => l.trim()).length,
    }),
  describeModel: null,
  trainedMessage: (summary, seconds) => t('statusTrainedGan', { seconds, steps: summary.stepsRun }),
  results(element, ctx) {
    const samples = new GanSamples(element, { onGenerate: (options) => generate(options) });
    const composition = new BaseComposition(element);
    // New samples from the trained generator; `announce`: say so in the status (not after a run: it keeps the
    // run's summary).
    async function generate({ count, seed }, { announce = true } = {}) {
      ctx.state.predicting = true;
      ctx.refresh();
      try {
        const { sequences, composition: bases } = await ctx.engine.call(gan.key, 'sample', count, { seed });
        samples.show(sequences);
        composition.show(bases);
        if (announce) ctx.status.set(t('statusGenerated', { count: sequences.length }), 'done');
      } catch (err) {
        ctx.status.set(t('errorGeneric', { message: err.message }), 'error');
      } finally {
        ctx.state.predicting = false;
        ctx.refresh();
      }
    }
    return {
      show: () => generate(samples.values(), { announce: false }),
      refresh: ({ models, busy }) => samples.setEnabled(models.has(gan.key) && !busy),
    };
  },
});

export default gan;
