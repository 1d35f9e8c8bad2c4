// web/families/transfer.js: transfer learning in two steps (the result view, TransferSteps): step 1 pretrains
// a motif model on a large related set (or takes a saved model file); step 2, the Train button, fine-tunes the
// transfer network from those weights with the chosen layers frozen; each run is scored on a held-out set.
import { t } from '../strings.js';
import { TRANSFER_FILES, fetchText } from '../examples.js';
import { TransferSteps } from '../views/transfer-steps.js';
import { defineFamily, metric } from './family.js';

const PRETRAIN_PRESET = 'cnn-multitask'; // step 1 (on GATA1/TAL1 data): its conv1 has the transfer preset's shape

// Step 1: the pretraining preset on the large related set; its file becomes the pretrained model. The model
// this family had is replaced by the pretraining one, which is not the family's: it counts as none.
async function pretrain(ctx, steps, epochs) {
  const settings = ctx.model.values();
  if (!settings.ok) return;
  ctx.status.set(t('dataLoading'), 'busy');
  let text;
  try {
    text = await fetchText(TRANSFER_FILES.pretrain);
  } catch (err) {
    ctx.status.set(t('dataLoadFailed', { message: err.message }), 'error');
    return;
  }
  const run = { spec: PRETRAIN_PRESET, input: text, options: { epochs, seed: settings.seed } };
  const summary = await ctx.training.trainNew(transfer, run, { chartSpec: ctx.presets[PRETRAIN_PRESET] });
  if (!summary || summary.cancelled || summary.error) return;
  const file = await ctx.engine.save(transfer.key);
  steps.setPretrained({ file, source: 'trained', auroc: summary.test?.auroc, records: summary.records });
  ctx.resetExplanations();
  ctx.state.models.delete(transfer.key);
  ctx.status.set(t('statusPretrained', { auroc: metric(summary.test?.auroc) }), 'done');
  ctx.refresh();
}

const transfer = defineFamily({
  key: 'transfer',
  result: 'transfer',
  explain: true,
  liveParse: true,
  // A frozen layer: it waits for pretrained weights.
  matches: (spec, table) => table === 'sequence' && (spec?.layers ?? []).some((l) => l.trainable === false),
  examples: { transfer: 'transfer-finetune' },
  // Step 2: the pretrained weights into the layers both share, then the layers kept fixed or fine-tuned.
  setup(ctx) {
    const options = ctx.resultView(transfer).options();
    const calls = [
      ...(options.initFrom ? [['loadWeightsFrom', options.initFrom, options.transferLayers ?? null]] : []),
      ...(options.freeze.length ? [['freeze', options.freeze]] : []),
      ...(options.unfreeze.length ? [['unfreeze', options.unfreeze]] : []),
    ];
    return { calls, summary: { transfer: options } };
  },
  results(element, ctx) {
    const steps = new TransferSteps(element, {
      onPretrain: (epochs) => pretrain(ctx, steps, epochs),
      onLoad: (text, name) => {
        steps.setPretrained({ file: text, source: 'file', name });
        ctx.status.set(t('statusPretrainedLoaded', { name }), 'done');
      },
    });
    return {
      options: () => steps.options(),
      usePreset: (spec) => steps.setSpec(spec),
      refresh: ({ busy }) => steps.setBusy(busy),
      // A fine-tuning run: its score on the held-out set joins the list of runs.
      async show(summary) {
        if (!summary.transfer) return;
        const test = await ctx.engine.call(transfer.key, 'evaluate', await fetchText(TRANSFER_FILES.test));
        steps.addResult(summary.transfer, test);
        ctx.status.set(
          t('statusFineTuned', { seconds: Math.round(summary.seconds ?? 0), n: test.n, auroc: metric(test.auroc) }),
          'done',
        );
      },
    };
  },
});

export default transfer;
