// web/playground/model-files.js: the model panel's file buttons: Save model, Load model (a file of any family:
// it loads into the family that takes it), export for PyTorch or ONNX, import weights trained elsewhere.
import { t } from '../strings.js';
import { familyForFile } from '../families/index.js';
import { downloadText, downloadBlob } from '../views/dom.js';
import { exportPytorch, exportOnnx, importWeights } from '../../js/export/index.js';
import { writeZip } from '../../js/export/zip.js';
import { readHelixFile } from '../../js/export/helix-file.js';

export function modelFilesController(ctx) {
  const { state, engine, status } = ctx;

  // The current family's model file, as Save model writes it.
  const currentFile = () => engine.save(state.family.key);

  async function save() {
    try {
      const name = `${state.family.fileBase}.json`;
      downloadText(await currentFile(), name, 'application/json');
      status.set(t('statusModelSaved', { name }), 'done');
    } catch (err) {
      status.set(t('errorGeneric', { message: err.message }), 'error');
    }
  }

  // Export for PyTorch (one .zip: helix_model.py, weights, train.py, predict.py, torchrun.py, README.md) or ONNX.
  async function exportModel(format) {
    status.set(t('statusExporting'), 'busy');
    try {
      const text = await currentFile();
      const base = state.family.fileBase;
      let name;
      if (format === 'onnx') {
        name = `${base}.onnx`;
        downloadBlob(new Blob([exportOnnx(text).bytes], { type: 'application/octet-stream' }), name);
      } else {
        const { files } = await exportPytorch(text);
        const encoder = new TextEncoder();
        const entries = new Map(
          Object.entries(files).map(([f, data]) => [
            `${base}-pytorch/${f}`,
            typeof data === 'string' ? encoder.encode(data) : data,
          ]),
        );
        name = `${base}-pytorch.zip`;
        downloadBlob(new Blob([writeZip(entries)], { type: 'application/zip' }), name);
      }
      status.set(t('statusExported', { name }), 'done');
    } catch (err) {
      status.set(t('statusExportFailed', { message: err.message }), 'error');
    }
  }

  // Weights trained elsewhere replace the current model's; the status names the layers that changed and the
  // model panel's error box every missing, unknown or misshapen tensor.
  async function importModelWeights(bytes, name) {
    ctx.model.errors.clear();
    let before, after;
    try {
      before = await currentFile();
      after = await importWeights(before, bytes, name);
    } catch (err) {
      ctx.model.errors.show((err.errors ?? [err]).map((e) => ({ message: e.message })));
      status.set(t('statusImportFailed', { name }), 'error');
      return;
    }
    if (!(await load(after, name))) return;
    const old = readHelixFile(before).weights;
    const layerOf = (key) => key.split('.').slice(0, -1).join('.');
    const changed = new Set();
    const all = new Set();
    for (const [key, w] of readHelixFile(after).weights) {
      all.add(layerOf(key));
      if (w.data.some((v, i) => v !== old.get(key).data[i])) changed.add(layerOf(key));
    }
    status.set(
      changed.size
        ? t('statusImportedWeights', {
            name,
            changed: changed.size,
            layers: [...changed].join(', '),
            unchanged: all.size - changed.size,
          })
        : t('statusImportedWeightsNone', { name }),
      'done',
    );
  }

  // A model file of any family: a sequence model (into the current table family), a GAN, or an autoencoder or
  // graph model (used on the current matrix or graph). Resolves true when it loaded.
  async function load(text, name) {
    const family = familyForFile(text, state.family);
    try {
      const { results } = await engine.load(family.key, text, {
        family: family.engine,
        setup: family.loadSetup(ctx.data.values),
      });
      state.models.add(family.key);
      await family.afterLoad(ctx, results);
      status.set(t('statusModelLoaded', { name }), 'done');
    } catch (err) {
      status.set(t('statusModelLoadFailed', { name, message: err.message }), 'error');
      ctx.refresh();
      return false;
    }
    ctx.refresh();
    return true;
  }

  return { save, load, exportModel, importModelWeights, currentFile };
}
