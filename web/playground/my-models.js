// web/playground/my-models.js: the "My models" list's controller (web/views/my-models.js over
// web/state/saved-models.js): save the current model with what it learnt from and its test figures, and load,
// download, rename or delete a saved one. A storage error shows in the list and in the status line; the model
// in the engine and everything on the page stay as they were.
import { t } from '../strings.js';
import { MyModels, storageErrorText } from '../views/my-models.js';
import { listModels, addModel, renameModel, removeModel } from '../state/saved-models.js';
import { downloadText } from '../views/dom.js';
import { familyByKey } from '../families/index.js';

// The test figures a model file's metadata keeps (the engine writes its last run's "test"), or null.
function testOf(file) {
  try {
    return JSON.parse(file).metadata?.test ?? null;
  } catch {
    return null;
  }
}

export function myModelsController(ctx, container) {
  const { state, status } = ctx;
  let lastTest = null; // the test figures of the current model's last run

  // Runs a storage call; on failure says so and resolves undefined.
  async function stored(work) {
    try {
      const result = await work();
      view.showError(null);
      return result;
    } catch (err) {
      view.showError(err);
      status.set(storageErrorText(err), 'error');
      return undefined;
    }
  }

  const refreshList = async () => {
    const records = await stored(listModels);
    if (records) view.show(records.map((r) => ({ ...r, familyLabel: familyByKey(r.family)?.label })));
  };

  async function save() {
    const family = state.family;
    let file;
    try {
      file = await ctx.engine.save(family.key);
    } catch (err) {
      status.set(t('errorGeneric', { message: err.message }), 'error');
      return;
    }
    const values = ctx.data.values;
    const data = ctx.data.example ? ctx.data.example.key : (family.describeData?.(values) ?? '');
    const name = `${ctx.model.preset} ${new Date().toLocaleDateString()}`;
    const record = await stored(() =>
      addModel({ name, family: family.key, file, data, test: testOf(file) ?? lastTest }),
    );
    if (record) {
      status.set(t('myModelsSaved', { name }), 'done');
      view.element.open = true;
      await refreshList();
    }
  }

  const view = new MyModels(container, {
    onSave: save,
    onLoad: async (record) => {
      if (!(await ctx.files.load(record.file, record.name))) return;
      lastTest = record.test;
      ctx.autosave?.finished(null);
    },
    onDownload: (record) =>
      downloadText(record.file, `${record.name.replace(/[^\w.-]+/g, '_')}.json`, 'application/json'),
    onRename: async (record, name) => (await stored(() => renameModel(record.key, name))) && refreshList(),
    onDelete: async (record) => {
      if (await stored(async () => (await removeModel(record.key), true))) await refreshList();
    },
  });

  return {
    refreshList,
    setHasModel: (flag) => view.setHasModel(flag),
    trained: (summary) => (lastTest = summary?.test ?? null),
  };
}
