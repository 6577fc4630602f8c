import { describe, expect, it } from 'vitest';
import { webStorageStore } from './app-store.ts';
import { browserHost, type HostContext } from './browser-host.ts';

/** A `Storage` over a Map, as the embedding page may hand one in. */
function memoryStorage(): Storage {
  const map = new Map<string, string>();
  return {
    get length() {
      return map.size;
    },
    key: (i) => [...map.keys()][i] ?? null,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, String(v)),
    removeItem: (k) => void map.delete(k),
    clear: () => map.clear(),
  };
}

describe('the host’s own count of an app’s storage', () => {
  it('refuses a write past 10 MB even when the logic layer does not count (its code is the program’s)', async () => {
    const storage = memoryStorage();
    const host = browserHost({
      appStore: webStorageStore(storage, 'plaza:a:u:'),
    } as unknown as HostContext);
    const value = 'x'.repeat(60 * 1024);
    let i = 0;
    for (; i < 87; i++) {
      try {
        await host.setStorage(`k${i}`, value);
      } catch (error) {
        expect((error as Error).message).toBe('exceed storage max size 10Mb');
        break;
      }
    }
    expect(i).toBe(85);
    expect(storage.length).toBe(85);
    await host.removeStorage('k0');
    await host.setStorage('k85', value);
    expect(Object.keys(await host.loadStorage())).toHaveLength(85);
  });
});
