import { clonePlain } from '../data/plain-data.ts';
import type { HostCapabilities } from './host-capabilities.ts';
import { STORAGE_LIMIT_KB, StorageQuota } from './storage-quota.ts';

export { STORAGE_LIMIT_KB } from './storage-quota.ts';

/**
 * The app's storage held in the logic layer so the `*Sync` APIs can answer at once;
 * every write is also persisted through the host, which owns the real store (and counts the
 * quota again: this layer runs the program's code). A write past the quota throws before
 * anything changes; a write the host refuses is undone here and reported.
 */
export class StorageCache {
  private entries = new Map<string, unknown>();
  private readonly quota = new StorageQuota();

  constructor(
    private readonly host: HostCapabilities,
    private readonly onPersistError: (error: unknown) => void,
  ) {}

  async load(): Promise<void> {
    const stored = await this.host.loadStorage();
    this.entries = new Map(Object.entries(stored ?? {}));
    this.quota.clear();
    for (const [key, value] of this.entries) this.quota.put(key, JSON.stringify(value) ?? '');
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }

  get(key: string): unknown {
    return clonePlain(this.entries.get(key));
  }

  /** Throws (synchronously) when the write would pass the quota; nothing changes then. */
  set(key: string, value: unknown): Promise<void> {
    const copy = clonePlain(value);
    const json = JSON.stringify(copy) ?? '';
    this.quota.check(key, json);
    const undo = this.undoFor(key);
    this.entries.set(key, copy);
    this.quota.put(key, json);
    return this.persist(this.host.setStorage(key, copy), () => {
      if (this.entries.get(key) === copy) undo();
    });
  }

  remove(key: string): Promise<void> {
    const undo = this.undoFor(key);
    this.entries.delete(key);
    this.quota.remove(key);
    return this.persist(this.host.removeStorage(key), () => {
      if (!this.entries.has(key)) undo();
    });
  }

  clear(): Promise<void> {
    const before = this.entries;
    this.entries = new Map();
    this.quota.clear();
    return this.persist(this.host.clearStorage(), () => {
      if (this.entries.size > 0) return;
      this.entries = before;
      for (const [key, value] of before) this.quota.put(key, JSON.stringify(value) ?? '');
    });
  }

  info(): { keys: string[]; currentSize: number; limitSize: number } {
    return {
      keys: [...this.entries.keys()],
      currentSize: Math.ceil(this.quota.used / 1024),
      limitSize: STORAGE_LIMIT_KB,
    };
  }

  /** Puts `key` back as it is now. */
  private undoFor(key: string): () => void {
    const had = this.entries.has(key);
    const previous = this.entries.get(key);
    return () => {
      if (had) {
        this.entries.set(key, previous);
        this.quota.put(key, JSON.stringify(previous) ?? '');
      } else {
        this.entries.delete(key);
        this.quota.remove(key);
      }
    };
  }

  /** A write the host refused: this cache goes back to what the store holds, and the program hears of it. */
  private persist(write: Promise<void>, undo: () => void): Promise<void> {
    return write.catch((error: unknown) => {
      undo();
      this.onPersistError(error);
      throw error;
    });
  }
}
