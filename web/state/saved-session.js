// web/state/saved-session.js: a playground's work as this browser keeps it between visits (IndexedDB store
// 'sessions', browser-store.js). One record per page or element and per tab:
//   key   `${scope}|${tab}`   scope: 'page:/path' or 'element:/path#id' (each <helix-playground> its own);
//                             tab: this tab's id (sessionStorage: it survives a reload, a new tab gets another)
//   { key, scope, tab, savedAt, setup: { preset, data, main, second, spec, settings },
//     model: { file, family, epoch } | null,           the last trained model, or the last epoch's checkpoint
//     results: { summary, history } | null,             the finished run's summary and its epoch curves
//     interrupted: { epoch, epochs } | null }           the model is a checkpoint of a run that did not finish
// and a pointer per scope, key `last|${scope}` -> { session: the key saved last }, so a new tab finds the work
// of the tab that saved last while two open tabs never write each other's record. Each record holds one model
// (a checkpoint replaces the one before), and a scope keeps its KEEP_PER_SCOPE newest records: the database
// stays bounded however long the page runs.
import { getRecord, allRecords, putRecord, deleteRecord } from './browser-store.js';

export const KEEP_PER_SCOPE = 4;
const TAB_KEY = 'helix-tab';

const newTabId = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

// This tab's id (kept in sessionStorage; a fresh one when that is unavailable, or when `fresh`).
export function tabId({ fresh = false } = {}) {
  try {
    let id = fresh ? null : sessionStorage.getItem(TAB_KEY);
    if (!id) {
      id = newTabId();
      sessionStorage.setItem(TAB_KEY, id);
    }
    return id;
  } catch {
    return newTabId();
  }
}

export const pageScope = () => `page:${location.pathname}`;
export const elementScope = (id) => `element:${location.pathname}#${id}`;

export class SavedSession {
  constructor(scope, tab = tabId()) {
    this.scope = scope;
    this.tab = tab;
  }

  get key() {
    return `${this.scope}|${this.tab}`;
  }

  // The work to offer on arrival: this tab's own record (a reload), else the one saved last in this scope (a new
  // tab). -> the record or null. Rejects with a StoreError.
  async candidate() {
    const own = await getRecord('sessions', this.key);
    if (own) return own;
    const last = await getRecord('sessions', `last|${this.scope}`);
    return last ? ((await getRecord('sessions', last.session)) ?? null) : null;
  }

  // Writes this tab's record (fields: the record's, without key/scope/tab/savedAt), points `last` at it and
  // prunes the scope. Rejects with a StoreError.
  async save(fields) {
    const record = { ...fields, key: this.key, scope: this.scope, tab: this.tab, savedAt: Date.now() };
    await putRecord('sessions', record);
    await putRecord('sessions', { key: `last|${this.scope}`, session: this.key, savedAt: record.savedAt });
    await this.#prune();
    return record;
  }

  // Keeps the scope's KEEP_PER_SCOPE newest records (this tab's always among them).
  async #prune() {
    const mine = (await allRecords('sessions')).filter((r) => r.scope === this.scope && r.setup);
    mine.sort((a, b) => b.savedAt - a.savedAt);
    for (const old of mine.slice(KEEP_PER_SCOPE)) if (old.key !== this.key) await deleteRecord('sessions', old.key);
  }
}
