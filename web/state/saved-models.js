// web/state/saved-models.js: the "My models" list: every model saved in this browser (IndexedDB store 'models',
// browser-store.js), each { key, name, savedAt, family, file (the model file's text), data (a one-line account
// of what it was trained on), test (its test figures: { n, auroc, accuracy, ... } or null) }.
// Calls reject with a StoreError (quota, unavailable) that the list shows as it is.
import { allRecords, putRecord, deleteRecord, getRecord } from './browser-store.js';

const newKey = () => `model-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

// Newest first.
export async function listModels() {
  return (await allRecords('models')).sort((a, b) => b.savedAt - a.savedAt);
}

// Saves a model; -> its record.
export async function addModel({ name, family, file, data = '', test = null }) {
  const record = { key: newKey(), name, family, file, data, test, savedAt: Date.now() };
  await putRecord('models', record);
  return record;
}

export async function renameModel(key, name) {
  const record = await getRecord('models', key);
  if (!record) return null;
  record.name = name;
  await putRecord('models', record);
  return record;
}

export const removeModel = (key) => deleteRecord('models', key);
export const getModel = (key) => getRecord('models', key);
