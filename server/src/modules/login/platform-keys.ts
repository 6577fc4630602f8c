import type { Db } from '../../db/database.ts';
import { platformKey } from './platform-key.repository.ts';

/** Caches each key per process after its first read; keys never change once written. */
export function platformKeyring(db: Db, clock: { now(): number }): (name: string) => Promise<Buffer> {
  const cache = new Map<string, Promise<Buffer>>();
  return (name) => {
    let key = cache.get(name);
    if (!key) {
      key = platformKey(db, name, clock.now());
      // A failed read (database down) must not be cached for ever.
      key.catch(() => cache.delete(name));
      cache.set(name, key);
    }
    return key;
  };
}
