import type { SavedWork, WorkStorage } from './storage';

const DB = 'stepgraph';
const STORE = 'work';

/** An IndexedDB request as a promise. */
function done<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('ui/indexedDb: request failed'));
  });
}

/** WorkStorage over one IndexedDB object store: survives reloads, closed tabs and crashed workers. */
export class IndexedDbStorage implements WorkStorage {
  private readonly db: Promise<IDBDatabase>;

  constructor(name = DB) {
    const open = indexedDB.open(name, 1);
    open.onupgradeneeded = () => open.result.createObjectStore(STORE);
    this.db = done(open);
  }

  private async store(mode: IDBTransactionMode): Promise<IDBObjectStore> {
    return (await this.db).transaction(STORE, mode).objectStore(STORE);
  }

  async get(key: string): Promise<unknown> {
    return done((await this.store('readonly')).get(key));
  }

  async put(key: string, value: SavedWork): Promise<void> {
    await done((await this.store('readwrite')).put(value, key));
  }

  async swap(key: string, value: SavedWork): Promise<unknown> {
    // one readwrite transaction: another tab's write lands before the read or after the write
    const store = await this.store('readwrite');
    const old = await done(store.get(key));
    await done(store.put(value, key));
    return old;
  }

  async delete(key: string): Promise<void> {
    await done((await this.store('readwrite')).delete(key));
  }

  async list(prefix: string): Promise<Array<{ key: string; value: unknown }>> {
    const store = await this.store('readonly');
    // every key from `prefix` up to `prefix` followed by the highest code unit
    const range = IDBKeyRange.bound(prefix, `${prefix}\uffff`);
    const [keys, values] = await Promise.all([done(store.getAllKeys(range)), done(store.getAll(range))]);
    return keys.map((key, i) => ({ key: String(key), value: values[i] }));
  }
}

/** IndexedDB when the browser has it (private modes may not), else memory for this visit. */
export async function openStorage(fallback: () => WorkStorage): Promise<WorkStorage> {
  try {
    const s = new IndexedDbStorage();
    await s.get('current');
    return s;
  } catch {
    return fallback();
  }
}
