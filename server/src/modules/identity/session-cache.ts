import type { Db } from '../../db/database.ts';
import { committedValue } from '../../db/database.ts';

/**
 * Resolved sessions kept per process, each stamped with the `auth_session_epoch` it was
 * read under. The database moves the epoch on every change that can take a session's
 * rights away (triggers, so every process and module is covered), and each lookup reads
 * the committed epoch first: a session revoked anywhere is refused by the next request.
 *
 * The stamp is read before the session: the row read after it is at least that new, and
 * a revocation committed after it moves the epoch past the stamp.
 */
export interface SessionCache<T> {
  /** The cached value for a token hash, or `load`'s (cached when it finds one). */
  lookup(tokenHash: string, load: () => Promise<T | undefined>): Promise<T | undefined>;
}

const maxEntries = 10_000;

/** The cache for `db`; on engines without a cheap committed read, every lookup loads. */
export function sessionCacheFor<T>(db: Db): SessionCache<T> {
  const readEpoch = committedValue(db, 'select epoch from auth_session_epoch where id = 1');
  if (!readEpoch) return { lookup: (_hash, load) => load() };
  let entriesEpoch = -1;
  const entries = new Map<string, T>();
  return {
    async lookup(tokenHash, load) {
      const epoch = Number(readEpoch());
      if (epoch !== entriesEpoch) {
        entries.clear();
        entriesEpoch = epoch;
      }
      const cached = entries.get(tokenHash);
      if (cached !== undefined) return cached;
      const loaded = await load();
      // Only under the epoch it was read after: a newer one may have revoked it meanwhile.
      if (loaded !== undefined && entriesEpoch === epoch) {
        if (entries.size >= maxEntries) entries.clear();
        entries.set(tokenHash, loaded);
      }
      return loaded;
    },
  };
}
