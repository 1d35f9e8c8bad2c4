// web/state/browser-store.js: the browser's IndexedDB database of the playground: 'sessions' (the autosaved work
// of each page, element and tab: saved-session.js) and 'models' (the "My models" list: saved-models.js). Every
// call resolves or rejects with a StoreError whose `kind` says what went wrong in words a person can act on:
//   'unavailable'  no IndexedDB (a private window in some browsers, storage turned off)
//   'quota'        the browser's storage for this site is full
//   'failed'       anything else (the message says what)
// Nothing here throws synchronously, and a failure never touches what is on the page.
const DB_NAME = 'helix';
const DB_VERSION = 1;
export const STORES = ['sessions', 'models'];

export class StoreError extends Error {
  constructor(kind, message) {
    super(message);
    this.name = 'StoreError';
    this.kind = kind;
  }
}

// A DOMException (or anything thrown) from IndexedDB -> a StoreError.
export function storeError(err) {
  if (err instanceof StoreError) return err;
  const name = err?.name ?? '';
  if (name === 'QuotaExceededError' || /quota/i.test(err?.message ?? '')) return new StoreError('quota', err.message);
  if (name === 'InvalidStateError' || name === 'SecurityError' || name === 'UnknownError')
    return new StoreError('unavailable', err.message);
  return new StoreError('failed', err?.message ?? String(err));
}

// An IDBRequest as a promise.
const done = (request) =>
  new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(storeError(request.error));
  });

let opening = null;

// The database, opened once per page (rejects with a StoreError; a later call tries again).
export function openStore() {
  opening ??= new Promise((resolve, reject) => {
    let request;
    try {
      if (!globalThis.indexedDB) throw new StoreError('unavailable', 'IndexedDB is not available');
      request = indexedDB.open(DB_NAME, DB_VERSION);
    } catch (err) {
      reject(storeError(err));
      return;
    }
    request.onupgradeneeded = () => {
      const db = request.result;
      for (const name of STORES)
        if (!db.objectStoreNames.contains(name)) db.createObjectStore(name, { keyPath: 'key' });
    };
    request.onsuccess = () => {
      const db = request.result;
      db.onversionchange = () => db.close();
      resolve(db);
    };
    request.onerror = () => reject(storeError(request.error ?? new Error('IndexedDB did not open')));
    request.onblocked = () => reject(new StoreError('unavailable', 'IndexedDB is blocked by another tab'));
  });
  opening.catch(() => (opening = null));
  return opening;
}

// Runs fn(objectStore) in one transaction of `store`; resolves with fn's result once the transaction commits
// (so a write that fails for lack of space rejects here, not later).
async function inTransaction(store, mode, fn) {
  const db = await openStore();
  return new Promise((resolve, reject) => {
    let result;
    let tx;
    try {
      tx = db.transaction(store, mode);
      result = fn(tx.objectStore(store));
    } catch (err) {
      reject(storeError(err));
      return;
    }
    tx.oncomplete = async () => resolve(await result);
    tx.onabort = tx.onerror = () => reject(storeError(tx.error ?? new Error('the transaction was aborted')));
  });
}

export const getRecord = (store, key) => inTransaction(store, 'readonly', (s) => done(s.get(key)));
export const allRecords = (store) => inTransaction(store, 'readonly', (s) => done(s.getAll()));
export const putRecord = (store, record) => inTransaction(store, 'readwrite', (s) => void s.put(record));
export const deleteRecord = (store, key) => inTransaction(store, 'readwrite', (s) => void s.delete(key));
