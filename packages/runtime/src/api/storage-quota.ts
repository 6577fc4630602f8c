/**
 * The storage quota both dialects document: 10 MB per app and user. Sizes count what a
 * browser keeps for a string, two bytes per UTF-16 code unit of the key and of the value's
 * JSON, so a quota the logic layer counts is the quota the host's store sees.
 */

/** Storage quota per app, in KB, as both dialects document it. */
export const STORAGE_LIMIT_KB = 10240;
export const STORAGE_LIMIT_BYTES = STORAGE_LIMIT_KB * 1024;

/** The reason of the dialects' errMsg for a write past the quota (`setStorage:fail …`). */
export const STORAGE_FULL = 'exceed storage max size 10Mb';

/** Bytes an entry takes: its key and its value as stored (JSON text). */
export function storedBytes(key: string, json: string): number {
  return 2 * (key.length + json.length);
}

/**
 * Running total of an app's stored bytes, checked before each write.
 * @example const quota = new StorageQuota(); quota.check('k', json); quota.put('k', json);
 */
export class StorageQuota {
  private readonly sizes = new Map<string, number>();
  private total = 0;

  /** Bytes in use. */
  get used(): number {
    return this.total;
  }

  /** Throws `STORAGE_FULL` when writing `key` would take the app past its quota. */
  check(key: string, json: string): void {
    const after = this.total - (this.sizes.get(key) ?? 0) + storedBytes(key, json);
    if (after > STORAGE_LIMIT_BYTES) throw new Error(STORAGE_FULL);
  }

  put(key: string, json: string): void {
    this.remove(key);
    const size = storedBytes(key, json);
    this.sizes.set(key, size);
    this.total += size;
  }

  remove(key: string): void {
    this.total -= this.sizes.get(key) ?? 0;
    this.sizes.delete(key);
  }

  clear(): void {
    this.sizes.clear();
    this.total = 0;
  }
}
