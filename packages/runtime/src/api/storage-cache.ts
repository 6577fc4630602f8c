import { clonePlain } from '../data/plain-data.ts';
import type { HostCapabilities } from './host-capabilities.ts';

/** Storage quota per app, in KB, as both dialects document it. */
export const STORAGE_LIMIT_KB = 10240;

/**
 * The app's storage held in the logic layer so the `*Sync` APIs can answer at once;
 * every write is also persisted through the host, which owns the real store.
 */
export class StorageCache {
  private entries = new Map<string, unknown>();

  constructor(
    private readonly host: HostCapabilities,
    private readonly onPersistError: (error: unknown) => void,
  ) {}

  async load(): Promise<void> {
    const stored = await this.host.loadStorage();
    this.entries = new Map(Object.entries(stored ?? {}));
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }

  get(key: string): unknown {
    return clonePlain(this.entries.get(key));
  }

  set(key: string, value: unknown): Promise<void> {
    const copy = clonePlain(value);
    this.entries.set(key, copy);
    return this.persist(this.host.setStorage(key, copy));
  }

  remove(key: string): Promise<void> {
    this.entries.delete(key);
    return this.persist(this.host.removeStorage(key));
  }

  clear(): Promise<void> {
    this.entries.clear();
    return this.persist(this.host.clearStorage());
  }

  info(): { keys: string[]; currentSize: number; limitSize: number } {
    let bytes = 0;
    for (const [key, value] of this.entries) bytes += key.length + (JSON.stringify(value)?.length ?? 0);
    return {
      keys: [...this.entries.keys()],
      currentSize: Math.ceil(bytes / 1024),
      limitSize: STORAGE_LIMIT_KB,
    };
  }

  private persist(write: Promise<void>): Promise<void> {
    return write.catch((error: unknown) => {
      this.onPersistError(error);
      throw error;
    });
  }
}
