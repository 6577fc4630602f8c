import { describe, expect, it } from 'vitest';
import { createMemoryHost } from '../testing/memory-host.ts';
import { StorageCache } from './storage-cache.ts';
import { STORAGE_FULL } from './storage-quota.ts';

const value60k = 'x'.repeat(60 * 1024);

describe('StorageCache', () => {
  it('refuses a write past 10 MB before anything changes, here or in the host', async () => {
    const host = createMemoryHost();
    const cache = new StorageCache(host, () => undefined);
    await cache.load();
    let i = 0;
    for (; i < 87; i++) {
      try {
        await cache.set(`k${i}`, value60k);
      } catch (error) {
        expect((error as Error).message).toBe(STORAGE_FULL);
        break;
      }
    }
    expect(i).toBe(85);
    expect(cache.has(`k${i}`)).toBe(false);
    expect(host.store.size).toBe(85);
    // Replacing an entry with one of the same size still fits.
    await cache.set('k0', value60k.replace('x', 'y'));
    expect((cache.get('k0') as string)[0]).toBe('y');
  });

  it('a write the host refuses is undone in the cache and reported, not dropped', async () => {
    const reported: unknown[] = [];
    const host = createMemoryHost({
      setStorage: async () => {
        throw new Error('disk full');
      },
      removeStorage: async () => {
        throw new Error('disk gone');
      },
    });
    host.store.set('kept', 'before');
    const cache = new StorageCache(host, (error) => reported.push(error));
    await cache.load();
    await expect(cache.set('kept', 'after')).rejects.toThrow('disk full');
    await expect(cache.set('fresh', 1)).rejects.toThrow('disk full');
    await expect(cache.remove('kept')).rejects.toThrow('disk gone');
    expect(cache.get('kept')).toBe('before');
    expect(cache.has('fresh')).toBe(false);
    expect(reported.map((e) => (e as Error).message)).toEqual(['disk full', 'disk full', 'disk gone']);
    expect(cache.info().keys).toEqual(['kept']);
  });
});
