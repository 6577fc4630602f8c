/**
 * Where a mini program's storage lives in the host page: by default its own IndexedDB
 * database per app and user, apart from the host's `localStorage` (which a program filling
 * its 10 MB would otherwise starve: the origin's `localStorage` holds about 5 M characters
 * for everything), or a `Storage` the embedding page hands in. Values are JSON text.
 */
export interface AppStore {
  load(): Promise<Map<string, string>>;
  put(key: string, json: string): Promise<void>;
  delete(key: string): Promise<void>;
  clear(): Promise<void>;
}

const STORE = 'entries';

function settled<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/**
 * The app's own IndexedDB database, `plaza-storage:<appId>:<userId>`.
 * @example const store = indexedDbStore(indexedDB, 'plaza-storage:tt1:u1');
 */
export function indexedDbStore(factory: IDBFactory, name: string): AppStore {
  let opened: Promise<IDBDatabase> | undefined;
  const database = () => {
    opened ??= new Promise<IDBDatabase>((resolve, reject) => {
      const request = factory.open(name, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(STORE);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    return opened;
  };
  const write = async (change: (store: IDBObjectStore) => void) => {
    const transaction = (await database()).transaction(STORE, 'readwrite');
    change(transaction.objectStore(STORE));
    await new Promise<void>((resolve, reject) => {
      transaction.oncomplete = () => resolve();
      transaction.onerror = () => reject(transaction.error);
      transaction.onabort = () => reject(transaction.error);
    });
  };
  return {
    async load() {
      const store = (await database()).transaction(STORE, 'readonly').objectStore(STORE);
      const [keys, values] = await Promise.all([settled(store.getAllKeys()), settled(store.getAll())]);
      return new Map(keys.map((key, i) => [String(key), String(values[i])]));
    },
    put: (key, json) => write((store) => store.put(json, key)),
    delete: (key) => write((store) => store.delete(key)),
    clear: () => write((store) => store.clear()),
  };
}

/** Entries of a `Storage` under `prefix` (`plaza:<appId>:<userId>:`), for pages that hand one in. */
export function webStorageStore(storage: Storage, prefix: string): AppStore {
  const keys = () => {
    const found: string[] = [];
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (key?.startsWith(prefix)) found.push(key);
    }
    return found;
  };
  return {
    async load() {
      return new Map(keys().map((key) => [key.slice(prefix.length), storage.getItem(key) ?? 'null']));
    },
    async put(key, json) {
      storage.setItem(prefix + key, json);
    },
    async delete(key) {
      storage.removeItem(prefix + key);
    },
    async clear() {
      for (const key of keys()) storage.removeItem(key);
    },
  };
}
