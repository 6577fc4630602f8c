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

  it('checks racing writes one after another: two writes of 6 MB at once cannot share one check', async () => {
    const storage = memoryStorage();
    const host = browserHost({ appStore: webStorageStore(storage, 'plaza:a:u:') } as unknown as HostContext);
    const big = 'x'.repeat(3 * 1024 * 1024); // 6 MB as the browser stores it
    const results = await Promise.allSettled([host.setStorage('a', big), host.setStorage('b', big)]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(storage.length).toBe(1);
  });
});

describe('the host’s own count of an app’s files', () => {
  it('keeps files in the app’s own store, never the host’s, and refuses racing writes past 10 MB', async () => {
    const hostStorage = memoryStorage();
    const fileStorage = memoryStorage();
    const host = browserHost({
      storage: hostStorage,
      fileStore: webStorageStore(fileStorage, 'plaza-file:a:u:'),
    } as unknown as HostContext);
    const six = 'A'.repeat(8 * 1024 * 1024); // base64 text of 6 MB
    const write = (path: string) => host.writeFile({ path, data: six, createTime: 1 });
    const results = await Promise.allSettled([write('ttfile://user/a'), write('ttfile://user/b')]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(hostStorage.length).toBe(0);
    expect(Object.keys(await host.loadFiles())).toHaveLength(1);
    const [stored] = Object.keys(await host.loadFiles());
    await host.removeFile({ path: stored! });
    await write('ttfile://user/c');
    expect(Object.keys(await host.loadFiles())).toEqual(['ttfile://user/c']);
  });
});
